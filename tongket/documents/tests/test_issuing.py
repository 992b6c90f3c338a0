"""What a document needs before it is signed and sent: numbers from the bodies' books (and the
old free-text numbers registered there), Nơi nhận kept per body and per document, the chart
a report can print, and a year review held only once the year is nearly over."""

# ruff: noqa: F811  (the emulation fixtures are imported by name)

from __future__ import annotations

import datetime
import importlib
import json

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from tongket.api.services import token_create
from tongket.conferences import services as conference_services
from tongket.conferences.models import Conference
from tongket.conferences.tests.builders import make_conference
from tongket.documents import recipients
from tongket.documents.data import report_data
from tongket.documents.models import RecipientList
from tongket.documents.report import chart as chart_module
from tongket.emulation import services as emulation_services
from tongket.emulation.models import AwardDecision
from tongket.emulation.tests.conftest import decided, em, kinds, nominate, vote_through  # noqa: F401
from tongket.units import numbering
from tongket.units import services as unit_services
from tongket.units.choices import Body, DocumentType, UnitKind
from tongket.units.models import IssuedNumber

pytestmark = pytest.mark.django_db


# A year review is held when the year is nearly over -------------------------------------


def test_a_year_review_before_1_november_is_refused_by_the_service(world):
    with pytest.raises(ValidationError) as refused:
        make_conference(world, date=datetime.date(2025, 10, 31))
    assert "Hội nghị tổng kết năm 2025 họp từ ngày 01/11/2025 trở đi" in str(refused.value)
    assert not Conference.objects.exists()
    make_conference(world, date=datetime.date(2025, 11, 1))
    make_conference(world, kind="half_year_review", date=datetime.date(2025, 7, 10))


def test_the_form_shows_why_an_early_year_review_is_refused(world, login):
    response = login(world.officer_a).post(
        reverse("conferences:create"),
        {
            "unit": world.a.pk,
            "kind": "year_review",
            "organisers": "both",
            "year": 2025,
            "date": "2025-07-10",
            "start_time": "08:00",
            "venue": "Hội trường",
        },
    )
    assert response.status_code == 200
    assert "Hội nghị sơ kết sáu tháng" in response.content.decode()
    assert not Conference.objects.exists()


def test_the_api_refuses_an_early_year_review(world, client):
    _, raw = token_create(user=world.officer_a)
    response = client.post(
        "/api/v1/conferences/",
        json.dumps(
            {"unit_id": world.a.pk, "year": 2025, "date": "2025-06-30", "venue": "Hội trường"}
        ),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 400
    assert "01/11/2025" in response.json()["detail"]
    assert not Conference.objects.exists()


# Report numbers from the books ------------------------------------------------------------


def test_report_numbers_come_from_each_bodys_book(world):
    conference = make_conference(world)
    state = conference_services.report_number_take(
        conference=conference, layout="state", by=world.officer_a
    )
    party = conference_services.report_number_take(
        conference=conference, layout="party", number=7, by=world.officer_a
    )
    assert str(state) == "1/BC-UBND" and str(party) == "7-BC/ĐU"
    assert numbering.next_number(world.a, Body.PEOPLES_COMMITTEE, "BC", conference.date) == 2
    with pytest.raises(ValidationError):
        conference_services.report_number_take(
            conference=conference, layout="state", by=world.officer_a
        )
    assert IssuedNumber.objects.count() == 2


def test_a_number_already_in_the_book_is_refused_naming_the_next(world):
    first = make_conference(world)
    second = make_conference(world, venue="Nhà văn hóa")
    conference_services.report_number_take(
        conference=first, layout="state", number=15, by=world.officer_a
    )
    with pytest.raises(ValidationError) as refused:
        conference_services.report_number_take(
            conference=second, layout="state", number=15, by=world.officer_a
        )
    assert "Số tiếp theo còn trống: 16" in str(refused.value)
    second.refresh_from_db()
    assert second.state_number is None


def test_taking_a_number_needs_the_edit_right(world, login):
    conference = make_conference(world)
    url = reverse("conferences:report_number", args=[conference.pk, "state"])
    assert login(world.officer_b).post(url).status_code == 404
    assert login(world.leader_a).post(url).status_code == 403
    conference.refresh_from_db()
    assert conference.state_number is None
    assert login(world.officer_a).post(url, {"number": "4"}).status_code == 302
    conference.refresh_from_db()
    assert str(conference.state_number) == "4/BC-UBND"


def test_old_typed_report_numbers_are_registered_in_the_books(world):
    migration = importlib.import_module(
        "tongket.conferences.migrations.0005_report_numbers_from_books"
    )
    typed = make_conference(world)
    odd = make_conference(world, venue="Nhà văn hóa")
    Conference.objects.filter(pk=typed.pk).update(report_number="15/BC-UBND")
    Conference.objects.filter(pk=odd.pk).update(report_number="Báo cáo số mười lăm")
    migration.register(apps, None)
    typed.refresh_from_db()
    odd.refresh_from_db()
    assert str(typed.state_number) == "15/BC-UBND" and typed.report_number == ""
    assert odd.state_number is None and odd.report_number == "Báo cáo số mười lăm"


def test_old_decisions_keep_their_numbers_in_the_books(em, decided):
    migration = importlib.import_module(
        "tongket.emulation.migrations.0006_legal_documents_and_number_books"
    )
    AwardDecision.objects.update(issued_number=None, signer_role="")
    IssuedNumber.objects.filter(doc_type=DocumentType.DECISION).delete()
    migration.register_numbers(apps, None)
    chairman = AwardDecision.objects.get(pk=decided.chairman.pk)
    party = AwardDecision.objects.get(pk=decided.party.pk)
    assert str(chairman.issued_number) == "3/QĐ-UBND" and chairman.signer_role
    assert str(party.issued_number) == "12-QĐ/ĐU" and party.signer_role == "party_secretary"


def test_party_decisions_restart_their_numbers_with_a_new_term(em, decided):
    numbering.term_create(
        unit=em.world.a,
        body=Body.PARTY_COMMITTEE,
        name="2026–2031",
        start_date=datetime.date(2026, 2, 1),
        by=em.world.root,
    )
    session = vote_through(
        em, [nominate(em, em.people[9], "gk-danguy", registered=False)], held_on=None
    )
    decision = emulation_services.council_result_approve(
        session=session,
        body="party_committee",
        signed_on=datetime.date(2026, 3, 1),
        by=em.world.root,
    )
    assert decision.number == 1 and decision.number_label == "1-QĐ/ĐU"
    assert decision.issued_number.period.startswith("term-")
    # The UBND's book runs on through the year: its next decision is 4.
    next_state = emulation_services.next_decision_number(
        em.world.a, "chairman", datetime.date(2026, 3, 1)
    )
    assert next_state == 4


# Nơi nhận -----------------------------------------------------------------------------------


def test_default_recipients_follow_the_body_and_the_kind_of_commune(world):
    xa = unit_services.unit_create(
        code="X-DL", name="Xã Đậu Liêu", kind=UnitKind.XA, parent=world.province, by=world.root
    )
    lines = recipients.recipients_for(xa, Body.PEOPLES_COMMITTEE, DocumentType.REPORT)
    assert "Thường trực Đảng ủy, HĐND xã" in lines
    assert "Các cơ quan, đơn vị, thôn, tổ dân phố" in lines
    assert lines[-1] == "Lưu: VT"
    ward = recipients.recipients_for(world.a, Body.PEOPLES_COMMITTEE, DocumentType.REPORT)
    assert "Thường trực Đảng ủy, HĐND phường" in ward
    party = recipients.recipients_for(world.a, Body.PARTY_COMMITTEE, DocumentType.REPORT)
    assert party[0] == "Ban Thường vụ Tỉnh ủy (b/c)"


def test_a_report_keeps_its_own_recipients_once_edited(world, login, year_end):
    other = make_conference(world, venue="Nhà văn hóa")
    url = reverse("documents:report_recipients", args=[year_end.pk, "state"])
    client = login(world.officer_a)
    assert client.get(url).status_code == 200
    response = client.post(url, {"lines": "UBND tỉnh (b/c)\nĐảng ủy phường;\nLưu: VT."})
    assert response.status_code == 302
    own = recipients.recipients_for(
        world.a, Body.PEOPLES_COMMITTEE, DocumentType.REPORT, conference=year_end
    )
    assert own == ["UBND tỉnh (b/c)", "Đảng ủy phường", "Lưu: VT"]
    untouched = recipients.recipients_for(
        world.a, Body.PEOPLES_COMMITTEE, DocumentType.REPORT, conference=other
    )
    assert untouched == recipients.default_recipients(
        world.a, Body.PEOPLES_COMMITTEE, DocumentType.REPORT
    )
    client.post(url, {"lines": "Sở Nội vụ\nLưu: VT", "standing": "on"})
    assert recipients.recipients_for(
        world.a, Body.PEOPLES_COMMITTEE, DocumentType.REPORT, conference=other
    ) == ["Sở Nội vụ", "Lưu: VT"]


def test_recipients_cannot_be_edited_outside_scope_or_emptied(world, login, year_end):
    url = reverse("documents:report_recipients", args=[year_end.pk, "state"])
    assert login(world.officer_b).post(url, {"lines": "X"}).status_code == 404
    assert login(world.leader_a).post(url, {"lines": "X"}).status_code == 403
    response = login(world.officer_a).post(url, {"lines": " ;\n."})
    assert response.status_code == 200
    assert not RecipientList.objects.exists()


def test_a_decisions_recipients_are_edited_on_their_own(em, decided, login):
    url = reverse("documents:decision_recipients", args=[decided.chairman.pk])
    assert login(em.world.officer_b).get(url).status_code == 404
    client = login(em.world.officer_a)
    client.post(url, {"lines": "Như Điều 3\nPhòng Nội vụ\nLưu: VT"})
    lines = recipients.recipients_for(
        em.world.a, Body.PEOPLES_COMMITTEE, DocumentType.DECISION, decision=decided.chairman
    )
    assert lines == ["Như Điều 3", "Phòng Nội vụ", "Lưu: VT"]


# The chart ----------------------------------------------------------------------------------


def test_the_chart_has_a_legend_whole_labels_and_at_most_half_a_page(year_end):
    data = report_data(year_end, "state")
    rows = [row for row in data.achievements if row.percent_of_plan is not None]
    bars = tuple((row.indicator_name, float(row.percent_of_plan), row.verdict) for row in rows)
    figure = chart_module.figure(bars, "% kế hoạch năm 2025")
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert "Vượt kế hoạch" in legend and "Mức 100% kế hoạch" in legend
    assert figure.get_figheight() * 25.4 <= 105.5  # with its caption, half an A4 text height
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    for label in figure.axes[0].get_yticklabels():
        box = label.get_window_extent(renderer)
        assert box.x0 >= 0, f"label cut off: {label.get_text()}"
    assert legend and all("…" not in label.get_text() for label in figure.axes[0].get_yticklabels())


def test_long_labels_are_never_cut_at_the_figure_edge():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    names = ["Tuyến đường được chỉnh trang, lắp đèn chiếu sáng", "Mô hình “Dân vận khéo”"]
    for count in (3, 14, 30):
        bars = tuple((names[i % 2] + f" {i}", 50.0 + i, None) for i in range(count))
        figure = chart_module.figure(bars, "% kế hoạch năm 2025")
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        for label in figure.axes[0].get_yticklabels():
            assert label.get_window_extent(canvas.get_renderer()).x0 >= 0, label.get_text()


# Screens of the emulation module for what documents need ------------------------------------


def test_only_the_communes_officers_record_the_minutes_info_and_number(em, decided, login):
    session = decided.session
    info = reverse("emulation:session_minutes_info", args=[session.pk])
    number = reverse("emulation:session_minutes_number", args=[session.pk])
    assert login(em.world.officer_b).post(info, {"chair_name": "X"}).status_code == 404
    assert login(em.world.officer_b).post(number).status_code == 404
    assert login(em.world.leader_a).post(info, {"chair_name": "X"}).status_code == 403
    assert login(em.world.leader_a).post(number).status_code == 403
    session.refresh_from_db()
    assert session.chair_name == "" and session.minutes_number is None
    assert login(em.world.officer_a).post(number).status_code == 302
    session.refresh_from_db()
    assert session.minutes_number.number == 1 and session.minutes_number.doc_type == "BB"


def test_legal_documents_are_edited_by_system_administrators_only(world, login):
    from tongket.emulation.models import LegalDocument

    url = reverse("emulation:legal_document_create")
    data = {
        "short_name": "Thông tư 15/2025/TT-BNV",
        "kind": "Thông tư",
        "number": "15/2025/TT-BNV",
        "issued_on": "2025-08-04",
        "issuer": "Bộ Nội vụ",
        "title": "quy định chi tiết một số điều của Nghị định 152/2025/NĐ-CP",
    }
    assert login(world.admin_a).post(url, data).status_code == 403
    assert not LegalDocument.objects.filter(short_name=data["short_name"]).exists()
    assert login(world.root).post(url, data).status_code == 302
    document = LegalDocument.objects.get(short_name=data["short_name"])
    assert document.citation == (
        "Thông tư số 15/2025/TT-BNV ngày 04 tháng 8 năm 2025 của Bộ Nội vụ quy định chi tiết "
        "một số điều của Nghị định 152/2025/NĐ-CP"
    )
    page = login(world.officer_a).get(reverse("emulation:rulebook")).content.decode()
    assert "Thông tư số 15/2025/TT-BNV" in page


def test_a_decision_whose_rule_cites_an_unknown_document_names_it(em, decided, login):
    from tongket.emulation.models import LegalDocument

    LegalDocument.objects.filter(short_name="Nghị định 73/2024/NĐ-CP").delete()
    response = login(em.world.leader_a).get(
        reverse("documents:award_decision_docx", args=[decided.chairman.pk])
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "chưa có trích dẫn đầy đủ" in page and "Nghị định 73/2024/NĐ-CP" in page
    assert reverse("emulation:rulebook") in page


def test_the_api_takes_a_report_number_from_the_book(world, client):
    conference = make_conference(world)
    url = f"/api/v1/conferences/{conference.pk}/report-number/party"

    def post(user, body):
        _, raw = token_create(user=user)
        return client.post(
            url,
            json.dumps(body),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )

    assert post(world.officer_b, {}).status_code == 404
    assert post(world.leader_a, {}).status_code == 403
    response = post(world.officer_a, {"number": 12})
    assert response.status_code == 201 and response.json()["label"] == "12-BC/ĐU"
    again = post(world.officer_a, {})
    assert again.status_code == 400 and "đã có số 12-BC/ĐU" in again.json()["detail"]
