"""The rulebook's starting rows, taken from RULES.md. Loaded by a data migration so a fresh
database has it, and again by the demo; idempotent: a row already there (same title, kind,
recipient and date, nationwide) is left as the administrators may have edited it.

Numbers marked unverified in RULES.md are shipped as defaults with `unverified=True`.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15"
LAW_FROM = datetime.date(2024, 1, 1)
ND152 = "Nghị định 152/2025/NĐ-CP"
ND152_FROM = datetime.date(2025, 7, 1)  # date and scope unverified
ND73 = "Nghị định 73/2024/NĐ-CP"
ND86 = "Nghị định 86/2023/NĐ-CP"
PARTY = "Quy định 232-QĐ/TW"
OLD_PARTY = "Quy định về công tác khen thưởng của Đảng"  # cited without a number before
ND91 = "Nghị định 91/2017/NĐ-CP"
ND91_FROM = datetime.date(2017, 10, 1)  # effective date unverified
OLD_LAW = ND91  # who awarded what before NĐ 152/2025: its awarding-body articles
ND91_NOTE = (
    "Áp dụng cho quyết định trước khi Nghị định 152/2025/NĐ-CP có hiệu lực; chưa đối chiếu "
    "với văn bản, cần kiểm tra lại."
)

_SALARY = "quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang"
_DETAIL = "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"

# The documents rule rows cite, in full (NĐ 30/2020 cites "Nghị định số … ngày … của … về …").
# short name, kind, number, date, issuer, title, unverified, note
DOCUMENTS = [
    (
        LAW,
        "Luật",
        "06/2022/QH15",
        datetime.date(2022, 6, 15),
        "Quốc hội",
        "Thi đua, khen thưởng",
        False,
        "",
    ),
    (
        ND152,
        "Nghị định",
        "152/2025/NĐ-CP",
        datetime.date(2025, 6, 14),
        "Chính phủ",
        "quy định chi tiết một số điều của Luật Thi đua, khen thưởng",
        True,
        "Ngày ban hành theo các văn bản dẫn chiếu; trích yếu chưa đối chiếu bản gốc.",
    ),
    (
        ND73,
        "Nghị định",
        "73/2024/NĐ-CP",
        datetime.date(2024, 6, 30),
        "Chính phủ",
        "quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức và "
        "lực lượng vũ trang",
        False,
        "",
    ),
    (
        ND86,
        "Nghị định",
        "86/2023/NĐ-CP",
        datetime.date(2023, 12, 7),
        "Chính phủ",
        "quy định về khung tiêu chuẩn và trình tự, thủ tục, hồ sơ xét tặng danh hiệu “Gia đình "
        "văn hóa”; “Thôn, tổ dân phố văn hóa”, “Xã, phường, thị trấn tiêu biểu”",
        True,
        "",
    ),
    (
        PARTY,
        "Quy định",
        "232-QĐ/TW",
        datetime.date(2025, 1, 20),
        "Ban Chấp hành Trung ương",
        "về thi hành Điều lệ Đảng",
        True,
        "Thẩm quyền khen thưởng của đảng ủy cơ sở theo quy định thi hành Điều lệ Đảng.",
    ),
    (
        "Nghị định 98/2023/NĐ-CP",
        "Nghị định",
        "98/2023/NĐ-CP",
        datetime.date(2023, 12, 31),
        "Chính phủ",
        _DETAIL,
        True,
        "",
    ),
    (
        "Nghị định 91/2017/NĐ-CP",
        "Nghị định",
        "91/2017/NĐ-CP",
        datetime.date(2017, 7, 31),
        "Chính phủ",
        _DETAIL,
        True,
        "",
    ),
    (
        "Nghị định 47/2016/NĐ-CP",
        "Nghị định",
        "47/2016/NĐ-CP",
        datetime.date(2016, 5, 26),
        "Chính phủ",
        _SALARY,
        True,
        "",
    ),
    (
        "Nghị định 47/2017/NĐ-CP",
        "Nghị định",
        "47/2017/NĐ-CP",
        datetime.date(2017, 4, 24),
        "Chính phủ",
        _SALARY,
        True,
        "",
    ),
    (
        "Nghị định 72/2018/NĐ-CP",
        "Nghị định",
        "72/2018/NĐ-CP",
        datetime.date(2018, 5, 15),
        "Chính phủ",
        _SALARY,
        True,
        "",
    ),
    (
        "Nghị định 38/2019/NĐ-CP",
        "Nghị định",
        "38/2019/NĐ-CP",
        datetime.date(2019, 5, 9),
        "Chính phủ",
        _SALARY,
        True,
        "",
    ),
    (
        "Nghị định 24/2023/NĐ-CP",
        "Nghị định",
        "24/2023/NĐ-CP",
        datetime.date(2023, 5, 14),
        "Chính phủ",
        _SALARY,
        True,
        "",
    ),
]

# code, name, short name (in sentences), category, individuals, collectives, households,
# collective unit kinds, order
KINDS = [
    ("ldtt", "Lao động tiên tiến", "", "title", True, False, False, "", 10),
    ("cstdcs", "Chiến sĩ thi đua cơ sở", "", "title", True, False, False, "", 20),
    ("cstd-tinh", "Chiến sĩ thi đua cấp tỉnh", "", "title", True, False, False, "", 30),
    ("ttldtt", "Tập thể lao động tiên tiến", "", "title", False, True, False, "", 40),
    ("ttldxs", "Tập thể lao động xuất sắc", "", "title", False, True, False, "", 50),
    ("gdvh", "Gia đình văn hóa", "", "title", False, False, True, "", 60),
    (
        "tdpvh",
        "Thôn, tổ dân phố văn hóa",
        "",
        "title",
        False,
        True,
        False,
        "residential_group",
        70,
    ),
    (
        "xptb",
        "Xã, phường, đặc khu tiêu biểu",
        "",
        "title",
        False,
        True,
        False,
        "xa,phuong,dac_khu",
        80,
    ),
    (
        "gk-chutich",
        "Giấy khen của Chủ tịch UBND cấp xã",
        "giấy khen",
        "form",
        True,
        True,
        True,
        "",
        90,
    ),
    (
        "gk-danguy",
        "Giấy khen của Đảng ủy cấp xã",
        "giấy khen",
        "form",
        True,
        True,
        False,
        "",
        100,
    ),
]


def _rule(kind, rule, *, on=LAW_FROM, doc=LAW, article="", unverified=False, **values):
    return {
        "kind": kind,
        "rule": rule,
        "on": on,
        "doc": doc,
        "article": article,
        "unverified": unverified,
        **values,
    }


def _council(kind, value="50", operator="gt", **extra):
    return _rule(
        kind,
        "council_threshold",
        value=Decimal(value),
        operator=operator,
        doc=extra.pop("doc", ND152),
        on=extra.pop("on", ND152_FROM),
        unverified=True,
        note=extra.pop(
            "note", "Tỷ lệ do đơn vị quy định; mặc định: quá nửa tổng số thành viên Hội đồng."
        ),
    )


RULES = [
    # Lao động tiên tiến
    _rule("ldtt", "awarding_body", text="chairman", article="Điều 80 khoản 3"),
    _rule(
        "ldtt", "registration_required", value=Decimal(1), doc=ND152, on=ND152_FROM, unverified=True
    ),
    _rule(
        "ldtt",
        "criteria",
        text="Hoàn thành tốt nhiệm vụ trở lên; có tinh thần tự lực, tự "
        "cường; tích cực tham gia các phong trào thi đua.",
    ),
    _rule("ldtt", "required_rating", text="good"),
    _council("ldtt"),
    _rule("ldtt", "prize_coefficient", value=Decimal("0.3"), doc=ND152, on=ND152_FROM),
    # Chiến sĩ thi đua cơ sở
    _rule(
        "cstdcs",
        "awarding_body",
        text="chairman",
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
        note="Thẩm quyền của Chủ tịch UBND cấp huyện cũ chuyển giao theo NĐ 152/2025.",
    ),
    _rule(
        "cstdcs",
        "registration_required",
        value=Decimal(1),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "cstdcs",
        "criteria",
        text="Đạt danh hiệu “Lao động tiên tiến” và có sáng kiến, giải "
        "pháp được đơn vị công nhận, áp dụng (cách diễn đạt trước năm 2024).",
        unverified=True,
    ),
    _rule("cstdcs", "prerequisite", reference="ldtt", unverified=True),
    _rule(
        "cstdcs",
        "cap_share",
        value=Decimal(15),
        operator="lte",
        reference="ldtt",
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
        note="Không quá 15% số cá nhân đạt “Lao động tiên tiến” của đơn vị (quy định cũ).",
    ),
    _council("cstdcs"),
    _rule("cstdcs", "prize_coefficient", value=Decimal("1.0"), doc=ND152, on=ND152_FROM),
    # Chiến sĩ thi đua cấp tỉnh (the commune nominates upward)
    _rule("cstd-tinh", "awarding_body", text="province_chairman"),
    _rule(
        "cstd-tinh",
        "registration_required",
        value=Decimal(1),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "cstd-tinh",
        "consecutive_years",
        value=Decimal(3),
        reference="cstdcs",
        note="Ba lần liên tục đạt “Chiến sĩ thi đua cơ sở”, có sáng kiến ảnh hưởng cấp tỉnh.",
    ),
    _council(
        "cstd-tinh",
        value="90",
        operator="gte",
        note="Quy định cũ: từ 90% tổng số thành viên Hội đồng trở lên.",
    ),
    # Tập thể lao động tiên tiến
    _rule("ttldtt", "awarding_body", text="chairman", doc=ND152, on=ND152_FROM, unverified=True),
    _rule(
        "ttldtt",
        "registration_required",
        value=Decimal(1),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "ttldtt",
        "criteria",
        text="Trên 50% cá nhân đạt “Lao động tiên tiến”; không có cá "
        "nhân bị kỷ luật từ hình thức cảnh cáo trở lên.",
    ),
    _rule("ttldtt", "member_share", value=Decimal(50), operator="gt", reference="ldtt"),
    _council("ttldtt"),
    _rule("ttldtt", "prize_coefficient", value=Decimal("0.8"), doc=ND152, on=ND152_FROM),
    # Tập thể lao động xuất sắc
    _rule(
        "ttldxs",
        "awarding_body",
        text="province_chairman",
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "ttldxs",
        "registration_required",
        value=Decimal(1),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "ttldxs",
        "criteria",
        text="100% cá nhân hoàn thành nhiệm vụ; từ 70% cá nhân đạt “Lao "
        "động tiên tiến”; có cá nhân đạt “Chiến sĩ thi đua cơ sở”; không có cá nhân bị kỷ "
        "luật từ hình thức cảnh cáo trở lên.",
        unverified=True,
    ),
    _rule(
        "ttldxs",
        "member_share",
        value=Decimal(70),
        operator="gte",
        reference="ldtt",
        unverified=True,
    ),
    _rule(
        "ttldxs",
        "member_count",
        value=Decimal(1),
        operator="gte",
        reference="cstdcs",
        unverified=True,
    ),
    _council("ttldxs"),
    _rule("ttldxs", "prize_coefficient", value=Decimal("1.5"), doc=ND152, on=ND152_FROM),
    # Gia đình văn hóa
    _rule("gdvh", "awarding_body", text="chairman", article="Điều 80 khoản 3"),
    _rule(
        "gdvh", "registration_required", value=Decimal(0), doc=ND152, on=ND152_FROM, unverified=True
    ),
    _rule(
        "gdvh",
        "criteria",
        article="Điều 31",
        text="Ba nhóm tiêu chuẩn theo Nghị định "
        "86/2023/NĐ-CP: gương mẫu chấp hành chủ trương, pháp luật; gia đình no ấm, hòa thuận, "
        "tiến bộ; tương trợ, giúp đỡ mọi người trong cộng đồng.",
    ),
    _council("gdvh"),
    _rule(
        "gdvh",
        "prize_coefficient",
        value=Decimal("0.1"),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
        note="Mức chưa xác minh; mặc định theo mức trước đây.",
    ),
    # Thôn, tổ dân phố văn hóa
    _rule(
        "tdpvh",
        "awarding_body",
        text="chairman",
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
        note="Thẩm quyền của Chủ tịch UBND cấp huyện cũ chuyển giao theo NĐ 152/2025.",
    ),
    _rule(
        "tdpvh",
        "registration_required",
        value=Decimal(0),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "tdpvh",
        "criteria",
        article="Điều 30",
        text="Năm tiêu chuẩn theo Nghị định "
        "86/2023/NĐ-CP: đời sống kinh tế ổn định; đời sống văn hóa lành mạnh; môi trường an "
        "toàn, sạch đẹp; chấp hành chủ trương của Đảng, pháp luật của Nhà nước, giữ gìn trật "
        "tự; đoàn kết, tương trợ.",
    ),
    _council("tdpvh"),
    _rule("tdpvh", "prize_coefficient", value=Decimal("1.5"), doc=ND152, on=ND152_FROM),
    # Xã, phường, đặc khu tiêu biểu
    _rule(
        "xptb", "awarding_body", text="province_chairman", doc=ND152, on=ND152_FROM, unverified=True
    ),
    _rule(
        "xptb", "registration_required", value=Decimal(1), doc=ND152, on=ND152_FROM, unverified=True
    ),
    _council("xptb"),
    _rule("xptb", "prize_coefficient", value=Decimal("2.0"), doc=ND152, on=ND152_FROM),
    # Giấy khen của Chủ tịch UBND cấp xã
    _rule("gk-chutich", "awarding_body", text="chairman", article="Điều 80 khoản 3"),
    _rule("gk-chutich", "registration_required", value=Decimal(0)),
    _council("gk-chutich"),
    _rule(
        "gk-chutich",
        "prize_coefficient",
        recipient="individual",
        value=Decimal("0.3"),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "gk-chutich",
        "prize_coefficient",
        recipient="collective",
        value=Decimal("0.6"),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "gk-chutich",
        "prize_coefficient",
        recipient="household",
        value=Decimal("0.3"),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    # Giấy khen của Đảng ủy cấp xã
    _rule("gk-danguy", "awarding_body", text="party_committee", doc=PARTY, unverified=True),
    _rule("gk-danguy", "registration_required", value=Decimal(0), doc=PARTY, unverified=True),
    _council("gk-danguy", doc=PARTY, on=LAW_FROM),
    _rule(
        "gk-danguy",
        "prize_coefficient",
        recipient="individual",
        value=Decimal("0.3"),
        doc=PARTY,
        unverified=True,
    ),
    _rule(
        "gk-danguy",
        "prize_coefficient",
        recipient="collective",
        value=Decimal("0.6"),
        doc=PARTY,
        unverified=True,
    ),
    # Earlier years (RULES.md): the base salary by date, and Nghị định 91/2017's
    # coefficients and awarding bodies for decisions before NĐ 152/2025 (unverified).
    *[
        _rule(None, "base_salary", value=Decimal(value), doc=doc, article=article, on=on)
        for value, doc, article, on in (
            (1_210_000, "Nghị định 47/2016/NĐ-CP", "Điều 3", datetime.date(2016, 5, 1)),
            (1_300_000, "Nghị định 47/2017/NĐ-CP", "Điều 3", datetime.date(2017, 7, 1)),
            (1_390_000, "Nghị định 72/2018/NĐ-CP", "Điều 3", datetime.date(2018, 7, 1)),
            (1_490_000, "Nghị định 38/2019/NĐ-CP", "Điều 3", datetime.date(2019, 7, 1)),
            (1_800_000, "Nghị định 24/2023/NĐ-CP", "Điều 3", datetime.date(2023, 7, 1)),
        )
    ],
    *[
        _rule(
            kind,
            "prize_coefficient",
            recipient=recipient,
            value=Decimal(value),
            doc=ND91,
            article=article,
            on=ND91_FROM,
            unverified=True,
            note=ND91_NOTE,
        )
        for kind, recipient, value, article in (
            ("cstdcs", "", "1.0", "Điều 70"),
            ("ldtt", "", "0.3", "Điều 70"),
            ("ttldxs", "", "1.5", "Điều 71"),
            ("ttldtt", "", "0.8", "Điều 71"),
            ("tdpvh", "", "1.5", "Điều 71"),
            ("gdvh", "", "0.1", "Điều 71"),
            ("gk-chutich", "individual", "0.3", "Điều 75"),
            ("gk-chutich", "collective", "0.6", "Điều 75"),
            ("gk-chutich", "household", "0.3", "Điều 75"),
        )
    ],
    *[
        _rule(
            kind,
            "awarding_body",
            text=body,
            doc=OLD_LAW,
            on=ND91_FROM,
            unverified=True,
            note=ND91_NOTE,
        )
        for kind, body in (
            ("ldtt", "chairman"),
            ("gdvh", "chairman"),
            ("gk-chutich", "chairman"),
            ("cstdcs", "district_chairman"),
            ("ttldtt", "district_chairman"),
            ("tdpvh", "district_chairman"),
            ("ttldxs", "province_chairman"),
            ("cstd-tinh", "province_chairman"),
        )
    ],
    # The whole rulebook
    _rule(
        None,
        "base_salary",
        value=Decimal(2_340_000),
        doc=ND73,
        article="Điều 3",
        on=datetime.date(2024, 7, 1),
    ),
    _rule(
        None,
        "single_award",
        article="Điều 5",
        unverified=True,
        text="Một thành tích chỉ được khen thưởng một lần, không tặng nhiều hình thức khen "
        "thưởng cho cùng một thành tích; một hình thức có thể tặng nhiều lần ở các năm khác "
        "nhau.",
    ),
]


def seed_documents(apps=None) -> int:
    """Create the legal documents the rows cite (missing ones only); rows that cited the
    party's rules without a number now cite Quy định 232-QĐ/TW."""
    if apps is None:
        from .models import LegalDocument, Rule
    else:
        try:
            LegalDocument = apps.get_model("emulation", "LegalDocument")
        except LookupError:  # an early migration: migration 0004 seeds them
            return 0
        Rule = apps.get_model("emulation", "Rule")
    created = 0
    for short, kind, number, issued_on, issuer, title, unverified, note in DOCUMENTS:
        _, made = LegalDocument.objects.get_or_create(
            short_name=short,
            defaults={
                "kind": kind,
                "number": number,
                "issued_on": issued_on,
                "issuer": issuer,
                "title": title,
                "unverified": unverified,
                "note": note,
            },
        )
        created += made
    Rule.objects.filter(citation_document=OLD_PARTY).update(citation_document=PARTY)
    return created


def seed_rulebook(apps=None) -> int:
    """Create the missing starting rows; return how many were created."""
    created = seed_documents(apps)
    if apps is None:
        from .models import AwardKind, Rule
    else:
        AwardKind = apps.get_model("emulation", "AwardKind")
        Rule = apps.get_model("emulation", "Rule")
    kinds = {}
    for code, name, short, category, ind, coll, hh, unit_kinds, order in KINDS:
        kind, made = AwardKind.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short,
                "category": category,
                "for_individuals": ind,
                "for_collectives": coll,
                "for_households": hh,
                "collective_unit_kinds": unit_kinds,
                "order": order,
            },
        )
        kinds[code] = kind
        created += made
    for row in RULES:
        award_kind = kinds[row["kind"]] if row["kind"] else None
        _, made = Rule.objects.get_or_create(
            award_kind=award_kind,
            kind=row["rule"],
            recipient=row.get("recipient", ""),
            effective_from=row["on"],
            unit=None,
            defaults={
                "operator": row.get("operator", ""),
                "value": row.get("value"),
                "text": row.get("text", ""),
                "reference_kind": kinds[row["reference"]] if row.get("reference") else None,
                "citation_document": row["doc"],
                "citation_article": row["article"],
                "unverified": row["unverified"],
                "note": row.get("note", ""),
            },
        )
        created += made
    return created
