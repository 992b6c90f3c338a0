"""The demo's Đảng bộ, as the party-side accounts find it after `make run`, and as the
state-side accounts do not."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


def _as(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password="Tongket-Demo-2026")
    return client


def test_the_demo_dang_bo_for_the_office_the_secretary_the_leader_and_the_state(
    django_assert_max_num_queries,
):
    from tongket.party import selectors
    from tongket.party.models import Admission, PartyMember
    from tongket.units.models import AuditEntry, Unit

    call_command("load_demo", stdout=StringIO())
    hoa_binh = Unit.objects.get(code="AH-HB-P")
    stats = selectors.party_statistics(hoa_binh, 2025)
    assert len(stats.active_cells) == 12 and len(stats.cells_by_type) >= 5
    assert 780 <= stats.total <= 830
    assert stats.sentences[0].startswith(
        "Đảng bộ kết nạp 6 đảng viên mới, nâng tổng số đảng viên lên"
    )
    assert any(s.endswith("hoàn thành xuất sắc nhiệm vụ") for s in stats.sentences)
    assert any(s.startswith("trên 90% chi bộ") for s in stats.sentences)
    flows = stats.flows
    assert flows["died"] and flows["transfer_in"] and flows["transfer_out"]

    office = _as("vanphongdu")
    page = office.get("/dang/", {"commune": hoa_binh.pk}).content.decode()
    assert "Chưa xét công nhận đảng viên chính thức" in page or "chưa xét công nhận" in page.lower()
    assert "Chưa tổ chức lễ kết nạp" in page or "chưa tổ chức lễ kết nạp" in page
    terms = office.get("/dang/nhiem-ky/", {"commune": hoa_binh.pk}).content.decode()
    assert "2020–2025" in terms and "2025–2030" in terms and "Nguyễn Văn Hùng" in terms

    record = PartyMember.objects.filter(commune=hoa_binh, cell__code="AH-HB-P-CB-TDP2").first()
    own = PartyMember.objects.filter(commune=hoa_binh, cell__code="AH-HB-P-CB-TDP1").first()
    secretary = _as("bithuchibo")
    assert secretary.get(f"/dang/dang-vien/{own.pk}/").status_code == 200
    assert secretary.get(f"/dang/dang-vien/{record.pk}/").status_code == 404
    assert _as("bithu").get(f"/dang/dang-vien/{record.pk}/").status_code == 200

    state = _as("canbo")
    assert state.get(f"/dang/dang-vien/{record.pk}/").status_code == 404
    counts = state.get("/dang/thong-ke/", {"commune": hoa_binh.pk, "year": 2025}).content.decode()
    assert "Đảng bộ kết nạp 6 đảng viên mới" in counts
    province = _as("tinh").get("/dang/toan-tinh/", {"year": 2025}).content.decode()
    assert "Phường Hòa Bình" in province and "Xã Đậu Liêu" in province

    assert Admission.objects.filter(state="full").count() >= 1
    before = (PartyMember.objects.count(), AuditEntry.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (PartyMember.objects.count(), AuditEntry.objects.count()) == before
