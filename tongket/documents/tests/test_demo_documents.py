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
