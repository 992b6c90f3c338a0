"""The demo's documents can be signed and sent as generated: every report, decision, the
minutes and the certificates are made (numbers from the books, signers from positions)."""

from io import BytesIO, StringIO

import docx
import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


def _signed(response) -> list[str]:
    assert response.status_code == 200, response.content.decode()[:500]
    document = docx.Document(BytesIO(response.content))
    return [p.text for p in document.tables[-1].rows[0].cells[-1].paragraphs if p.text]


def test_every_demo_document_is_signable_as_generated(demo):
    from tongket.conferences.models import Conference
    from tongket.emulation.models import AwardDecision, CouncilSession

    client = Client()
    assert client.login(username="canbo", password="Tongket-Demo-2026")
    year = Conference.objects.get(unit__code="AH-HB-P", year=2025, kind="year_review")
    half = Conference.objects.get(unit__code="AH-HB-P", year=2025, kind="half_year_review")
    url = "/van-ban/hoi-nghi/{}/bao-cao.docx?mau={}"
    assert _signed(client.get(url.format(year.pk, "state")))[-1] == "Lê Thị Thu Hà"
    assert _signed(client.get(url.format(year.pk, "party")))[:2] == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    assert _signed(client.get(url.format(half.pk, "state"))) == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Phạm Quốc Bảo",
    ]
    for decision in AwardDecision.objects.filter(commune__code="AH-HB-P"):
        response = client.get(f"/van-ban/khen-thuong/quyet-dinh/{decision.pk}.docx")
        assert response.status_code == 200
    session = CouncilSession.objects.get(commune__code="AH-HB-P")
    minutes = client.get(f"/van-ban/khen-thuong/bien-ban/{session.pk}.docx")
    assert _signed(minutes) == ["CHỦ TRÌ", "Lê Thị Thu Hà"]
    _the_reports_state_the_party_and_the_petitions(client, year, half)


def _the_reports_state_the_party_and_the_petitions(client, year, half):
    """The year report has the Đảng bộ's section and the working sessions' section from the
    party and petitions modules; the six-month report counts both to 30/06: no year-end
    rating, no recommendation received in the autumn round."""
    url = "/van-ban/hoi-nghi/{}/bao-cao.docx?mau=state"
    report = docx.Document(BytesIO(client.get(url.format(year.pk)).content))
    text = "\n".join(p.text for p in report.paragraphs)
    assert "II. CÔNG TÁC XÂY DỰNG ĐẢNG" in text
    assert "Đảng bộ kết nạp 6 đảng viên mới, nâng tổng số đảng viên lên 812 đồng chí" in text
    assert "III. CÔNG TÁC LÀM VIỆC VỚI CƠ SỞ, GIẢI QUYẾT KIẾN NGHỊ" in text
    assert "buổi làm việc với các chi bộ" in text
    tables = {t.rows[0].cells[0].text: t for t in report.tables}
    party = [[c.text for c in row.cells] for row in tables[""].rows]
    assert party[1] == ["Tổng số", "12", "812"]
    assert any(row[0].startswith("Xếp loại: hoàn thành xuất sắc") for row in party)
    fields = [[c.text for c in row.cells] for row in tables["Lĩnh vực"].rows]
    assert fields[-1][0] == "Cộng" and int(fields[-1][1]) > 0

    six = docx.Document(BytesIO(client.get(url.format(half.pk)).content))
    text = "\n".join(p.text for p in six.paragraphs)
    assert "CÔNG TÁC XÂY DỰNG ĐẢNG" in text and "(đến ngày 30/06/2025)" in text
    assert "hoàn thành xuất sắc nhiệm vụ" not in text
    assert "GIẢI QUYẾT KIẾN NGHỊ" not in text
    tables = {t.rows[0].cells[0].text: t for t in six.tables}
    party = [[c.text for c in row.cells] for row in tables[""].rows]
    assert party[1][0] == "Tổng số"
    assert not any(row[0].startswith("Xếp loại") for row in party)
