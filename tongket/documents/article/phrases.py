"""How an article states one indicator, in the words ward portals use: qualified figures
("đạt trên 36 tỷ đồng"), results known only as a % of plan ("đạt 112% kế hoạch"),
lower-is-better results in their own words ("tỷ lệ hộ nghèo giảm còn 0,31%"), counts as
counts ("150 lao động được tạo việc làm"), ratios as ratios ("42/42 tuyến phố văn minh").
A phrase is written only from figures that exist; None when there is nothing to say."""

from __future__ import annotations

from tongket.lib.text import fold
from tongket.targets.achievement import DAT, KHONG_DAT, VUOT, format_value
from tongket.targets.models import ARTICLE_FIGURE
from tongket.targets.selectors import AchievementRow, PlanRow

from ..wording import lower_first

# The verb a clause leads with when the content a person typed has none of its own.
SPEECH_VERBS = (
    "đề nghị",
    "yêu cầu",
    "ghi nhận",
    "biểu dương",
    "đánh giá",
    "nhấn mạnh",
    "khẳng định",
    "chỉ đạo",
    "lưu ý",
    "chúc mừng",
    "mong muốn",
    "đề xuất",
    "trình bày",
    "phát biểu",
    "báo cáo",
)


def _figure(row, text: str) -> str:
    """A figure without its unit when the unit starts the name it goes with."""
    unit = row.unit_of_measure or ""
    return text[: -len(unit) - 1] if unit and text.endswith(f" {unit}") else text


def _starts_with_unit(row, name: str) -> bool:
    unit = fold(row.unit_of_measure or "")
    return bool(unit) and fold(name).startswith(unit + " ")


def _count_words(row, value_text: str) -> str | None:
    """ "Số lao động được tạo việc làm" (lao động), 150 → "150 lao động được tạo việc làm";
    None when the name does not read that way."""
    name = row.indicator_name
    if fold(name).startswith("so "):
        name = name[3:]
    if _starts_with_unit(row, name):
        return f"{_figure(row, value_text)} {lower_first(name)}"
    return None


def _verdict_words(row, plan_words: str) -> str:
    return {
        VUOT: f", vượt kế hoạch ({plan_words})",
        DAT: ", đạt kế hoạch",
        KHONG_DAT: f", chưa đạt kế hoạch ({plan_words})",
    }.get(row.verdict, "")


def _percent_of_plan(row, half_year: bool) -> str:
    if row.percent_of_plan is None:
        return ""
    return f", bằng {row.percent_text} kế hoạch{' năm' if half_year else ''}"


def _lower_clause(row: AchievementRow, year: int, half_year: bool) -> str:
    """Lower is better: "tỷ lệ hộ nghèo giảm còn 0,31%, giảm 0,14% so với năm 2024, vượt kế
    hoạch (kế hoạch dưới 0,4%)"; never "đạt 0,31%", never a % of plan."""
    name = lower_first(row.indicator_name)
    since = "so với cùng kỳ năm" if half_year else "so với năm"
    value = row.result_text
    if row.previous is not None and row.change is not None and row.change < 0:
        change = format_value(row, abs(row.change))
        text = f"{name} giảm còn {value}, giảm {change} {since} {year - 1}"
    elif row.previous is not None and row.change is not None and row.change > 0:
        change = format_value(row, row.change)
        text = f"{name} ở mức {value}, tăng {change} {since} {year - 1}"
    else:
        text = f"{name} ở mức {value}"
    if not half_year and row.plan is not None:
        text += _verdict_words(row, f"kế hoạch dưới {row.plan_text}")
    return text


def _ratio_clause(row: AchievementRow, half_year: bool) -> str:
    """ "có 42/42 tuyến phố văn minh"; "có 12/12 tổ dân phố đạt danh hiệu Khu dân cư văn
    hóa"."""
    name = row.indicator_name
    if row.numerator is not None and _starts_with_unit(row, name):
        text = f"có {_figure(row, row.result_text)} {lower_first(name)}"
    else:
        text = f"{lower_first(name)} đạt {row.result_text}"
    if not half_year and row.plan is not None and row.verdict != DAT:
        text += _verdict_words(row, f"kế hoạch {row.plan_text}")
    return text


def _estimate(row) -> str:
    return "ước " if row.is_estimate else ""


def result_clause(row: AchievementRow, year: int, *, half_year: bool = False) -> str | None:
    """One indicator's result as an article states it, or None when it has no figure."""
    if not row.has_result:
        return None
    name = lower_first(row.indicator_name)
    if row.percent_only:
        year_word = " năm" if half_year else ""
        return f"{name} {_estimate(row)}đạt {row.percent_text} kế hoạch{year_word}"
    if row.article_wording and row.direction != "lower":
        # The indicator's own wording: "kết nạp {số liệu} mới" → "kết nạp 6 đảng viên mới".
        text = row.article_wording.replace(ARTICLE_FIGURE, row.result_text)
        return f"{_estimate(row)}{lower_first(text)}{_percent_of_plan(row, half_year)}"
    if row.direction == "lower":
        return _lower_clause(row, year, half_year)
    if row.value_kind == "ratio":
        return _ratio_clause(row, half_year)
    if row.value_kind == "percent" or row.unit_of_measure == "%":
        text = f"{name} {_estimate(row)}đạt {row.result_text}"
        if not half_year and row.plan is not None:
            text += _verdict_words(row, f"kế hoạch {row.plan_text}")
        return text
    if row.value_kind == "count":
        counted = _count_words(row, row.result_text)
        if counted is not None:
            return f"{_estimate(row)}{counted}{_percent_of_plan(row, half_year)}"
    verb = "ước thực hiện" if row.is_estimate else "đạt"
    return f"{name} {verb} {row.result_text}{_percent_of_plan(row, half_year)}"


def plan_clause(row: PlanRow) -> str | None:
    """Next year's target as "phấn đấu: …" lists it, or None when none was assigned."""
    if row.plan is None:
        return None
    name = lower_first(row.indicator_name)
    if row.article_wording and row.direction != "lower":
        return lower_first(row.article_wording.replace(ARTICLE_FIGURE, row.plan_text))
    if row.direction == "lower":
        return f"{name} giảm còn dưới {row.plan_text}"
    if row.value_kind == "count":
        counted = _count_words(row, row.plan_text)
        if counted is not None:
            return counted
    return f"{name} đạt {row.plan_text}"


def speech_content(content: str) -> str:
    """What a speaker asked, as the clause after their name: led by a verb ("đề nghị …")."""
    content = lower_first(content.strip().rstrip("."))
    if any(fold(content).startswith(fold(verb)) for verb in SPEECH_VERBS):
        return content
    return f"đề nghị {content}"
