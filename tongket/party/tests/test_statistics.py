"""The Đảng bộ's figures as the report and the article state them, chi bộ by type on a date,
the province side by side, in a fixed number of queries."""

from decimal import Decimal

from tongket.party import selectors, services
from tongket.party.choices import Level, Subject
from tongket.party.selectors import share_phrase
from tongket.units import services as unit_services
from tongket.units.choices import UnitKind

from .conftest import D, member


def test_shares_are_written_as_articles_write_them():
    assert share_phrase(12, 12) == "100%"
    assert share_phrase(9, 10) == "90%"
    assert share_phrase(11, 12) == "trên 90%"
    assert share_phrase(103, 120) == "trên 85%"
    assert share_phrase(1, 8) == "12,5%"


def test_no_data_gives_no_sentence(pw):
    stats = selectors.party_statistics(pw.a, 2025)
    assert stats.article_sentence == ""
    assert all("chưa" not in sentence for sentence in stats.sentences)
    assert stats.sentences == ["Đảng bộ có 2 chi bộ: 1 chi bộ cơ quan, 1 chi bộ khu dân cư"]


def test_the_years_admissions_raise_the_total(pw):
    member(pw, "Cũ Một")
    member(pw, "Cũ Hai")
    for i in range(3):
        member(pw, f"Mới {i}", admitted=D(2025, 3, 1), full=None, birth=D(1995, 1, 1))
    stats = selectors.party_statistics(pw.a, 2025)
    assert stats.sentences[0] == (
        "Đảng bộ kết nạp 3 đảng viên mới, nâng tổng số đảng viên lên 5 đồng chí"
    )
    assert (stats.full, stats.probationary, stats.total_start) == (2, 3, 2)


def test_admissions_with_a_falling_total_do_not_say_raised(pw):
    old = [member(pw, f"Cũ {i}") for i in range(3)]
    for record in old[:2]:
        services.member_event_record(record=record, kind="died", on=D(2025, 5, 1), by=pw.root)
    member(pw, "Mới", admitted=D(2025, 3, 1), full=None, birth=D(1995, 1, 1))
    sentence = selectors.party_statistics(pw.a, 2025).sentences[0]
    assert "nâng" not in sentence and sentence.endswith("Đảng bộ có 2 đảng viên")


def test_cells_by_type_follow_the_cells_dates_and_types(pw):
    closed = unit_services.unit_create(
        code="P-A-CB3",
        name="Chi bộ Trường Mầm non",
        kind=UnitKind.PARTY_CELL,
        parent=pw.a,
        valid_to=D(2024, 12, 31),
        by=pw.root,
    )
    services.cell_type_set(cell=pw.cell_a2, cell_type="police", by=pw.party_officer_a)
    before = selectors.party_statistics(pw.a, 2024)
    after = selectors.party_statistics(pw.a, 2025)
    assert before.sentences[-1] == (
        "Đảng bộ có 3 chi bộ: 1 chi bộ trường học, 1 chi bộ công an, 1 chi bộ khu dân cư"
    )
    assert after.sentences[-1] == "Đảng bộ có 2 chi bộ: 1 chi bộ công an, 1 chi bộ khu dân cư"
    assert closed.pk not in [row.cell.pk for row in after.active_cells]


def test_ratings_give_the_excellent_and_the_share_sentences(pw):
    ratings = []
    for i in range(13):
        record = member(pw, f"Đảng viên {i}")
        points = Decimal("95") if i < 2 else Decimal("80") if i < 12 else Decimal("60")
        ratings.append(
            services.rating_self_assess(
                subject=Subject.MEMBER, year=2025, member=record, points=points, by=pw.root
            )
        )
    cells = [
        services.rating_self_assess(
            subject=Subject.CELL, year=2025, unit=cell, points=80, by=pw.root
        )
        for cell in (pw.cell_a1, pw.cell_a2)
    ]
    levels = {r.pk: r.self_level for r in ratings} | {c.pk: Level.GOOD for c in cells}
    services.ratings_decide(
        commune=pw.a, year=2025, levels=levels, decided_on=D(2025, 12, 20), by=pw.root
    )
    stats = selectors.party_statistics(pw.a, 2025)
    assert "2 đảng viên hoàn thành xuất sắc nhiệm vụ" in stats.sentences
    assert "100% chi bộ hoàn thành tốt nhiệm vụ trở lên" in stats.sentences
    assert "trên 90% đảng viên hoàn thành tốt nhiệm vụ trở lên" in stats.sentences
    assert stats.level_rows()[0][1:] == (0, 2)
    assert stats.article_sentence == (
        "Đến 31/12/2025, Đảng bộ có 13 đảng viên; 2 đảng viên hoàn thành xuất sắc nhiệm vụ."
    )


def test_badges_awarded_in_the_year_are_stated(pw):
    record = member(pw, "Ba Mươi Năm", admitted=D(1995, 3, 1), full=D(1996, 3, 1))
    services.badge_award(record=record, milestone=30, awarded_on=D(2025, 5, 19), by=pw.root)
    stats = selectors.party_statistics(pw.a, 2025)
    assert stats.sentences[-1] == (
        "Đảng ủy trao tặng Huy hiệu Đảng cho 1 đồng chí (1 Huy hiệu 30 năm tuổi Đảng)"
    )


def test_the_text_is_a_paragraph_of_sentences(pw):
    member(pw, "Một")
    text = selectors.party_statistics(pw.a, 2025).text
    assert text.startswith("Đến 31/12/2025, Đảng bộ có 1 đảng viên. Đảng bộ có 2 chi bộ")
    assert text.endswith(".")


def _grow(w, n, offset=0):
    for i in range(n):
        record = member(w, f"Tăng {offset + i}", cell=(w.cell_a1, w.cell_a2)[i % 2])
        services.rating_self_assess(
            subject=Subject.MEMBER, year=2025, member=record, points=80, by=w.root
        )


def test_the_statistics_take_five_queries_at_any_size(pw, django_assert_num_queries):
    _grow(pw, 2)
    with django_assert_num_queries(5):
        selectors.party_statistics(pw.a, 2025)
    _grow(pw, 12, offset=2)
    with django_assert_num_queries(5):
        selectors.party_statistics(pw.a, 2025)


def test_the_province_sees_every_commune_side_by_side_in_four_queries(
    pw, django_assert_num_queries
):
    member(pw, "Ở A")
    member(pw, "Ở B", commune=pw.b, cell=pw.cell_b1)
    with django_assert_num_queries(4):
        figures = selectors.province_party_figures(pw.province, 2025)
    rows = {row.commune.pk: row for row in figures.rows}
    assert (rows[pw.a.pk].total, rows[pw.a.pk].cells, rows[pw.b.pk].total) == (1, 2, 1)
    _grow(pw, 6)
    with django_assert_num_queries(4):
        selectors.province_party_figures(pw.province, 2025)


def test_the_statistics_workbook_has_the_tables_and_the_sentences(pw):
    import io

    import openpyxl

    member(pw, "Một")
    data = selectors.statistics_xlsx(selectors.party_statistics(pw.a, 2025))
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Chi bộ", "Biến động", "Xếp loại", "Tóm tắt"]
    cells = list(book["Chi bộ"].iter_rows(values_only=True))
    assert ("Cộng", None, 1, 0, 1, 0) in cells
