"""Awards recorded by count (issue 10): a past year's decision or one from a higher level
entered by number, date, body, form and "N tập thể, M cá nhân"; counted in the statistics,
marked so; a recipient list attached from .xlsx, all or nothing; the historic rulebook."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tongket.emulation import selectors, services
from tongket.emulation.models import AwardRecord, PastAward
from tongket.emulation.rules import Rulebook
from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.units.models import Person, Unit

from .conftest import YEAR

pytestmark = pytest.mark.django_db

HEADERS = ["Họ và tên, tên tập thể", "Cá nhân hay tập thể", "Đơn vị", "Chức vụ"]


def _record(em, by=None, **fields):
    values = {
        "year": YEAR,
        "number": "15/QĐ-UBND",
        "signed_on": datetime.date(2026, 1, 8),
        "body": "chairman",
        "award_kind": em.kinds["gk-chutich"],
        "collectives": 21,
        "individuals": 57,
    }
    values.update(fields)
    return services.record_create(commune=em.world.a, by=by or em.world.officer_a, **values)


def _xlsx(rows) -> bytes:
    return write_xlsx([Sheet(title="Danh sách", headers=HEADERS, rows=rows)])


def test_a_record_by_count_counts_in_the_statistics_marked_as_such(em):
    _record(em)
    _record(
        em,
        number="120-QĐ/ĐU",
        body="party_committee",
        award_kind=em.kinds["gk-danguy"],
        collectives=5,
        individuals=14,
        reason="hoàn thành xuất sắc nhiệm vụ",
    )
    stats = selectors.commendation_statistics(em.world.a, YEAR)
    assert stats.sentences == [
        "Đảng ủy phường trao giấy khen cho 5 chi bộ, 14 đảng viên hoàn thành xuất sắc nhiệm vụ.",
        "Chủ tịch UBND phường tặng giấy khen cho 21 tập thể, 57 cá nhân.",
    ]
    assert all(row.by_count and "(ghi theo số lượng)" in row.form_label for row in stats.rows)
    assert stats.given == (26, 71, 0) and stats.given_phrase == "26 tập thể, 71 cá nhân"


def test_an_award_received_from_above_is_said_as_received(em):
    _record(
        em,
        number="3120/QĐ-UBND",
        body="province_people_committee",
        award_kind=None,
        form_name="bằng khen",
        collectives=2,
        individuals=3,
        commune_itself=True,
    )
    stats = selectors.commendation_statistics(em.world.a, YEAR)
    assert stats.received_sentences == [
        "Phường Hòa Bình được UBND tỉnh tặng bằng khen; 2 tập thể, 3 cá nhân được UBND tỉnh tặng "
        "bằng khen."
    ]
    assert stats.sentences == [] and stats.given == (0, 0, 0)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"collectives": 0, "individuals": 0}, "individuals"),
        ({"award_kind": None, "form_name": ""}, "form_name"),
        ({"body": "other", "body_name": ""}, "body_name"),
        ({"number": "  "}, "number"),
        ({"signed_on": datetime.date(2020, 1, 1)}, "signed_on"),
    ],
)
def test_a_bad_record_is_refused_and_nothing_is_saved(em, fields, field):
    with pytest.raises(ValidationError) as caught:
        _record(em, **fields)
    assert field in caught.value.message_dict
    assert not AwardRecord.objects.exists()


def test_only_the_communes_editors_record_awards(em, login):
    with pytest.raises(PermissionDenied):
        _record(em, by=em.world.officer_b)
    with pytest.raises(PermissionDenied):
        _record(em, by=em.world.leader_a)
    assert not AwardRecord.objects.exists()
    record = _record(em)
    url = reverse("emulation:record", args=[record.pk])
    assert login(em.world.officer_a).get(url).status_code == 200
    assert login(em.world.officer_b).get(url).status_code == 404
    delete = reverse("emulation:record_delete", args=[record.pk])
    assert login(em.world.officer_b).post(delete).status_code == 404
    assert login(em.world.leader_a).post(delete).status_code == 403
    assert AwardRecord.objects.filter(pk=record.pk).exists()


def test_the_records_screen_saves_a_record_and_refuses_a_bad_one(em, login):
    client = login(em.world.officer_a)
    url = reverse("emulation:records")
    data = {
        "commune": em.world.a.pk,
        "year": YEAR,
        "number": "15/QĐ-UBND",
        "signed_on": "2026-01-08",
        "body": "joint",
        "form_name": "giấy khen",
        "collectives": 14,
        "individuals": 97,
    }
    refused = client.post(url, {**data, "collectives": 0, "individuals": 0})
    assert refused.status_code == 200 and not AwardRecord.objects.exists()
    assert "Cần ghi số tập thể, cá nhân" in refused.content.decode()
    saved = client.post(url, data)
    record = AwardRecord.objects.get()
    assert saved.status_code == 302
    page = client.get(reverse("emulation:record", args=[record.pk])).content.decode()
    assert "Đảng bộ, chính quyền phường khen thưởng 14 tập thể, 97 cá nhân." in page


def test_a_recipient_list_matches_names_without_accents_or_creates_them(em):
    record = _record(em, collectives=0, individuals=1)
    known = em.people[0]  # Nguyễn Văn An, tổ dân phố số 1
    count = services.recipients_import_xlsx(
        record=record,
        data=_xlsx(
            [
                ["nguyen van an", "cá nhân", "to dan pho so 1", "Tổ trưởng"],
                ["Trần Thị Mới", "cá nhân", "Tổ dân phố số 2", ""],
                ["Tổ dân phố số 1", "tập thể", "", ""],
                ["Hội Cựu chiến binh phường", "tập thể", "", ""],
            ]
        ),
        by=em.world.admin_a,
    )
    assert count == 4
    record.refresh_from_db()
    assert (record.collectives, record.individuals) == (2, 2)
    names = {past.nominee_name for past in PastAward.objects.filter(record=record)}
    assert names == {
        known.full_name,
        "Trần Thị Mới",
        "Tổ dân phố số 1",
        "Hội Cựu chiến binh phường",
    }
    assert PastAward.objects.get(person=known).title == "Tổ trưởng"
    assert Person.objects.get(full_name="Trần Thị Mới").unit == em.world.group_a2
    assert Unit.objects.get(name="Hội Cựu chiến binh phường").kind == "mass_organization"


def test_a_bad_recipient_list_saves_nothing_and_names_every_bad_row(em):
    record = _record(em)
    people, units = Person.objects.count(), Unit.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.recipients_import_xlsx(
            record=record,
            data=_xlsx(
                [
                    ["Người Hoàn Toàn Mới", "cá nhân", "", ""],
                    ["Nguyễn Văn Bình", "ca nhan", "", ""],
                    ["Nguyễn Văn Bình", "cá nhân", "", ""],
                    ["Lê Văn X", "đoàn thể", "", ""],
                ]
            ),
            by=em.world.officer_a,
        )
    messages = caught.value.messages
    assert any(m.startswith("Dòng 4: “Nguyễn Văn Bình” đã có ở dòng 3.") for m in messages)
    assert any(m.startswith("Dòng 5: cột “Cá nhân hay tập thể”") for m in messages)
    assert not PastAward.objects.exists()
    assert (Person.objects.count(), Unit.objects.count()) == (people, units)
    record.refresh_from_db()
    assert record.individuals == 57


def test_a_new_collective_needs_an_administrator_and_the_row_says_so(em):
    record = _record(em)
    with pytest.raises(ValidationError) as caught:
        services.recipients_import_xlsx(
            record=record,
            data=_xlsx([["Chi bộ Khu phố Mới", "tập thể", "", ""]]),
            by=em.world.officer_a,
        )
    assert caught.value.messages[0].startswith("Dòng 2: chưa có “Chi bộ Khu phố Mới”")
    assert not Unit.objects.filter(name="Chi bộ Khu phố Mới").exists()


# The rulebook for earlier years -----------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "salary", "citation"),
    [
        (datetime.date(2016, 5, 1), 1_210_000, "Nghị định 47/2016/NĐ-CP"),
        (datetime.date(2017, 12, 31), 1_300_000, "Nghị định 47/2017/NĐ-CP"),
        (datetime.date(2019, 6, 30), 1_390_000, "Nghị định 72/2018/NĐ-CP"),
        (datetime.date(2023, 6, 30), 1_490_000, "Nghị định 38/2019/NĐ-CP"),
        (datetime.date(2024, 6, 30), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
        (datetime.date(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"),
    ],
)
def test_the_base_salary_of_earlier_years_is_in_the_rulebook(em, day, salary, citation):
    rule = Rulebook.load(em.world.a, day).base_salary()
    assert rule.value == salary and rule.citation_document == citation


def test_decree_91_coefficients_apply_before_decree_152_and_are_marked_unverified(em):
    book = Rulebook.load(em.world.a, datetime.date(2024, 12, 31))
    rule = book.prize_coefficient(em.kinds["ldtt"], "individual")
    assert rule.value == Decimal("0.3") and rule.unverified
    assert rule.citation_document == "Nghị định 91/2017/NĐ-CP"
    assert book.awarding_body(em.kinds["cstdcs"]) == "district_chairman"
    later = Rulebook.load(em.world.a, datetime.date(2025, 7, 1))
    assert later.prize_coefficient(em.kinds["ldtt"], "individual").citation_document == (
        "Nghị định 152/2025/NĐ-CP"
    )


def test_a_year_without_a_rule_gets_one_message_naming_it_not_one_per_row(em):
    from tongket.emulation.models import Nomination

    data = write_xlsx(
        [
            Sheet(
                title="Đề nghị",
                headers=["Họ và tên", "Mã đơn vị", "Danh hiệu, hình thức", "Tóm tắt thành tích"],
                rows=[
                    [p.full_name, "", "Lao động tiên tiến", "Hoàn thành tốt"] for p in em.people[:4]
                ],
            )
        ]
    )
    with pytest.raises(ValidationError) as caught:
        services.nominations_import(unit=em.world.group_a1, year=2016, data=data, by=em.world.root)
    assert caught.value.messages == [
        "Bộ quy định chưa có thẩm quyền khen thưởng của “Lao động tiên tiến” áp dụng ngày "
        "31/12/2016; quản trị hệ thống cần thêm dòng quy định theo văn bản có hiệu lực khi đó "
        "(mục Quy định). (Các dòng: 2, 3, 4, 5.)"
    ]
    assert not Nomination.objects.exists()
