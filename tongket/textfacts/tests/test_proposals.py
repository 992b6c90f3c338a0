"""What the review screen prefills: the awarding body read from the words, the unit named,
the period of each figure, values rescaled to the indicator's unit."""

from __future__ import annotations

import pytest

from tongket.textfacts import services
from tongket.units.models import Unit


@pytest.mark.parametrize(
    ("said", "body", "name"),
    [
        ("Chủ tịch UBND phường", "chairman", ""),
        ("UBND phường", "people_committee", ""),
        ("Đảng ủy phường", "party_committee", ""),
        ("Đảng ủy, chính quyền phường", "joint", ""),
        ("Chủ tịch UBND tỉnh", "province_chairman", ""),
        ("Ủy ban nhân dân tỉnh", "province_people_committee", ""),
        ("Ban Thường vụ Tỉnh ủy", "province_party", ""),
        ("Thủ tướng Chính phủ", "other", "Thủ tướng Chính phủ"),
        ("", "", ""),
    ],
)
def test_the_awarding_body_is_read_from_its_words(said, body, name):
    assert services.award_body(said) == (body, name)


@pytest.mark.parametrize(
    ("said", "same"),
    [
        (None, True),
        ("phường Hòa Bình", True),
        ("Hòa Bình", True),
        ("PHƯỜNG HOÀ BÌNH", True),
        ("phường Đậu Liêu", False),
        ("xã Hòa", False),
    ],
)
def test_a_unit_named_in_the_text(said, same):
    assert services.same_unit(said, Unit(name="Phường Hòa Bình")) is same


def test_unit_scales():
    assert [services.unit_scale(u) for u in ("tỷ đồng", "triệu đồng/người/năm", "tấn", "")] == [
        9,
        6,
        0,
        0,
    ]


@pytest.mark.django_db
def test_figures_of_another_period_start_rejected(world, catalogue, media):
    text = (
        "6 tháng đầu năm 2025, tổng thu ngân sách nhà nước trên địa bàn đạt 6,1 tỷ đồng. "
        "Năm 2024, tỷ lệ hộ nghèo là 0,52%."
    )
    document = services.document_read(
        unit=world.a, year=2025, period="h1", by=world.officer_a, text=text
    )
    first, second = document.facts.order_by("position")
    assert (first.proposal["period"], first.proposal["decision"]) == ("h1", "save")
    assert (second.proposal["year"], second.proposal["decision"]) == (2024, "reject")
    assert "năm 2024, khác kỳ đã chọn" in second.proposal["reason"]


def test_values_are_plain_digits():
    from decimal import Decimal

    from tongket.textfacts.services.proposals import plain

    assert [plain(Decimal(v)) for v in ("150", "1.5E+2", "12.40", "0.0031")] == [
        "150",
        "150",
        "12.4",
        "0.0031",
    ]


def test_a_ratio_is_compared_by_its_numerator_and_denominator():
    from decimal import Decimal

    from tongket.targets.models import Result
    from tongket.textfacts.selectors import differs

    held = Result(numerator=Decimal(42), denominator=Decimal(42), value=Decimal(100))
    assert not differs(held, {"numerator": "42", "denominator": "42"})
    assert differs(held, {"numerator": "41", "denominator": "42"})
    assert differs(Result(value=Decimal("0.5")), {"value": "0.31"})
    assert not differs(Result(value=Decimal("0.31")), {"value": "0.31", "is_estimate": False})
    assert differs(Result(value=Decimal("0.31")), {"value": "0.31", "is_estimate": True})
    assert not differs(Result(), {"value": "1"})  # an empty cell differs from nothing
