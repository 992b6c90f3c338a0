"""Done when (issue 10): an officer enters a past year's conference through the screens (a
date without a time, a guest, ten indicators with qualifiers and one result known only as %
of plan, awards by count from two bodies and one received from above, one speech), and the
article states every one of those facts in Vietnamese form. The catalogue and the plans are
the level above's, made through the services."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from tongket.conferences.models import Conference
from tongket.documents.models import Article
from tongket.targets import services as targets
from tongket.targets.models import Indicator

pytestmark = pytest.mark.django_db

YEAR = 2024
# code, name, group, unit, kind, direction, decimals, plan, what the officer types
# (value or (numerator, denominator) or ("%", percent)), qualifier, article wording
PAST_INDICATORS = [
    ("THU_NS", "Thu ngân sách nhà nước trên địa bàn", "economy", "tỷ đồng", "number",
     "higher", 1, "34", "36", "tren", ""),
    ("GTSX_CN", "Giá trị sản xuất công nghiệp – xây dựng", "economy", "tỷ đồng", "number",
     "higher", 1, "12,5", "12", "gan", ""),
    ("THU_NSP", "Thu ngân sách phường", "economy", "tỷ đồng", "number", "higher", 1, "5,2",
     ("%", "112"), "", ""),
    ("VIEC_LAM", "Số lao động được tạo việc làm", "culture_society", "lao động", "count",
     "higher", 0, "140", "150", "khoang", ""),
    ("HO_NGHEO", "Tỷ lệ hộ nghèo", "culture_society", "%", "percent", "lower", 2, "0,5",
     "0,31", "", ""),
    ("KDC_VH", "Tổ dân phố đạt danh hiệu Khu dân cư văn hóa", "culture_society", "tổ dân phố",
     "ratio", "higher", 0, "100", ("12", "12"), "", ""),
    ("GD_VH", "Tỷ lệ hộ gia đình văn hóa", "culture_society", "%", "percent", "higher", 1,
     "95", "96", "", ""),
    ("BHYT", "Tỷ lệ người dân tham gia bảo hiểm y tế", "culture_society", "%", "percent",
     "higher", 1, "93", "94", "hon", ""),
    ("NHAP_NGU", "Số thanh niên lên đường nhập ngũ", "defense_security", "thanh niên",
     "count", "higher", 0, "15", "15", "", ""),
    ("DV_MOI", "Số đảng viên mới kết nạp", "party_building", "đảng viên", "count", "higher",
     0, "6", "6", "", "kết nạp {số liệu} mới"),
]  # fmt: skip


@pytest.fixture
def past_catalogue(world):
    """The province's catalogue for 2023–2024 and the commune's 2024 plans (level above)."""
    by = world.root
    for order, spec in enumerate(PAST_INDICATORS, start=1):
        code, name, group, unit, kind, direction, decimals = spec[:7]
        version = targets.indicator_create(
            owner=None,
            code=code,
            year=YEAR - 1,
            name=name,
            group=group,
            by=by,
            unit_of_measure=unit,
            value_kind=kind,
            direction=direction,
            decimals=decimals,
            order=order,
            featured=True,
            article_wording=spec[10],
        )
        indicator = version.indicator
        if code == "HO_NGHEO":  # last year's figure, for "giảm … so với năm 2023"
            targets.result_save(
                unit=world.a,
                indicator=indicator,
                year=YEAR - 1,
                period="year",
                by=world.officer_a,
                expected_version=0,
                value=Decimal("0.43"),
            )
    targets.indicator_year_copy(year=YEAR, by=by)
    for spec in PAST_INDICATORS:
        targets.plan_set(
            unit=world.a,
            indicator=Indicator.objects.get(code=spec[0]),
            year=YEAR,
            value=Decimal(spec[7].replace(",", ".")),
            by=by,
            document="Quyết định 05/QĐ-UBND",
        )


def _cell(spec) -> dict:
    code, typed, qualifier = spec[0], spec[8], spec[9]
    cell = {
        "year": YEAR,
        "period": "year",
        "indicator": Indicator.objects.get(code=code).pk,
        "version": 0,
        "qualifier": qualifier,
    }
    if isinstance(typed, tuple) and typed[0] == "%":
        cell["percent_of_plan"] = typed[1]
    elif isinstance(typed, tuple):
        cell["numerator"], cell["denominator"] = typed
    else:
        cell["value"] = typed
    return cell


def enter_past_year(client, world) -> tuple[Conference, int]:
    """Everything an officer types, screen by screen; returns the conference and the
    number of forms sent."""
    steps = 0

    def post(url, data):
        nonlocal steps
        steps += 1
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        return response

    post(
        reverse("conferences:create"),
        {
            "unit": world.a.pk,
            "kind": "year_review",
            "organisers": "both",
            "year": YEAR,
            "date": "2025-01-10",
            "start_time": "",
            "venue": "Hội trường UBND phường",
            "directions": "Tập trung thu ngân sách ngay từ đầu năm\nGiữ vững an ninh trật tự",
            "discussion": "những khó khăn trong giải phóng mặt bằng và giải pháp thu ngân sách",
            "author_name": "Nguyễn Văn Lâm",
            "author_unit": "Phường Hòa Bình",
        },
    )
    conference = Conference.objects.get(unit=world.a, year=YEAR)
    detail = reverse("conferences:detail", args=[conference.pk])
    assert "Hội nghị tổng kết công tác năm 2024" in client.get(detail).content.decode()
    post(
        reverse("conferences:guest_add_named", args=[conference.pk]),
        {"name": "Vũ Văn An", "title": "Phó Chủ tịch HĐND thành phố"},
    )
    grid = reverse("targets:grid", args=[world.a.pk]) + f"?year={YEAR}"
    assert client.get(grid).status_code == 200
    for spec in PAST_INDICATORS:  # one grid page; each cell saves as it is left
        post(reverse("targets:cell", args=[world.a.pk]), _cell(spec))
    awards = reverse("conferences:award_record_add", args=[conference.pk])
    record = {"year": YEAR, "form_name": "giấy khen", "households": 0}
    post(
        awards,
        {**record, "number": "12/QĐ-ĐU-UBND", "signed_on": "2025-01-10", "body": "joint",
         "collectives": 14, "individuals": 97},
    )  # fmt: skip
    post(
        awards,
        {**record, "number": "215-QĐ/ĐU", "signed_on": "2025-01-08", "body": "party_committee",
         "collectives": 5, "individuals": 14, "reason": "hoàn thành xuất sắc nhiệm vụ năm 2024"},
    )  # fmt: skip
    post(
        reverse("emulation:records"),
        {"commune": world.a.pk, "year": YEAR, "number": "3120/QĐ-UBND",
         "signed_on": "2024-12-20", "body": "province_people_committee", "form_name": "bằng khen",
         "commune_itself": "on", "collectives": 0, "individuals": 0,
         "reason": "có thành tích xuất sắc trong phong trào thi đua năm 2024"},
    )  # fmt: skip
    guest = conference.guests.get()
    post(
        reverse("conferences:speech_add", args=[conference.pk]),
        {"kind": "direction", "guest": guest.pk,
         "content": "đề nghị phường tập trung hoàn thành giải phóng mặt bằng các dự án trọng "
         "điểm, nâng cao chất lượng thu ngân sách"},
    )  # fmt: skip
    post(reverse("documents:article_generate", args=[conference.pk]), {})
    return conference, steps


PHRASES = [
    "Ngày 10/01/2025, Đảng ủy, UBND phường Hòa Bình tổ chức hội nghị tổng kết công tác năm "
    "2024, triển khai nhiệm vụ năm 2025.",
    "Dự hội nghị có đồng chí Vũ Văn An, Phó Chủ tịch HĐND thành phố.",
    "Năm 2024, phường Hòa Bình có 9/10 chỉ tiêu chủ yếu đạt và vượt kế hoạch.",
    "thu ngân sách nhà nước trên địa bàn đạt trên 36 tỷ đồng, bằng 105,9% kế hoạch",
    "giá trị sản xuất công nghiệp – xây dựng đạt gần 12 tỷ đồng, bằng 96% kế hoạch",
    "thu ngân sách phường đạt 112% kế hoạch",
    "khoảng 150 lao động được tạo việc làm, bằng 107,1% kế hoạch",
    "tỷ lệ hộ nghèo giảm còn 0,31%, giảm 0,12% so với năm 2023, vượt kế hoạch (kế hoạch dưới 0,5%)",
    "có 12/12 tổ dân phố đạt danh hiệu Khu dân cư văn hóa",
    "Tỷ lệ hộ gia đình văn hóa đạt 96%, vượt kế hoạch (kế hoạch 95%)",
    "tỷ lệ người dân tham gia bảo hiểm y tế đạt hơn 94%, vượt kế hoạch (kế hoạch 93%)",
    "Về quốc phòng – an ninh, 15 thanh niên lên đường nhập ngũ, bằng 100% kế hoạch.",
    "Về xây dựng Đảng, kết nạp 6 đảng viên mới, bằng 100% kế hoạch.",
    "Tại hội nghị, các đại biểu đã thảo luận, làm rõ những khó khăn trong giải phóng mặt bằng "
    "và giải pháp thu ngân sách.",
    "Phát biểu chỉ đạo tại hội nghị, đồng chí Vũ Văn An, Phó Chủ tịch HĐND thành phố, đề nghị "
    "phường tập trung hoàn thành giải phóng mặt bằng các dự án trọng điểm, nâng cao chất "
    "lượng thu ngân sách.",
    "Nhân dịp này, Đảng bộ, chính quyền phường khen thưởng 14 tập thể, 97 cá nhân. Đảng ủy "
    "phường trao giấy khen cho 5 chi bộ, 14 đảng viên hoàn thành xuất sắc nhiệm vụ năm 2024.",
    "Năm 2024, phường Hòa Bình được UBND tỉnh tặng bằng khen vì có thành tích xuất sắc trong "
    "phong trào thi đua năm 2024.",
    "Hội nghị thống nhất các nhiệm vụ trọng tâm năm 2025: tập trung thu ngân sách ngay từ đầu "
    "năm; giữ vững an ninh trật tự.",
]


def test_a_past_year_entered_through_the_screens_reads_as_the_ward_portal_writes_it(
    world, login, past_catalogue, client
):
    conference, steps = enter_past_year(login(world.officer_a), world)
    article = Article.objects.get(conference=conference)
    for phrase in PHRASES:
        assert phrase in article.body, f"{phrase}\n\n{article.body}"
    assert article.headline == (
        "Phường Hòa Bình tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025"
    )
    assert article.byline == "Nguyễn Văn Lâm – Phường Hòa Bình"
    assert "Sáng" not in article.body and "Chiều" not in article.body
    # Ten cells on one grid page, two awards and a speech on the conference page, the
    # received award on the records page: seventeen forms, most of them one line.
    assert steps == 17
    # The leader publishes; the citizen reads the same text on the portal.
    client.logout()
    leader = login(world.leader_a)
    leader.post(reverse("documents:article_publish", args=[article.pk]))
    page = leader.get(reverse("portal:article", args=[world.a.code, article.pk]))
    text = page.content.decode()
    for phrase in PHRASES:
        assert phrase in text, phrase
