"""Screens beyond the main path: the rulebook editor, registrations, movements, evidence,
council members' own sessions, returning a nomination."""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tongket.emulation import services
from tongket.emulation.models import Movement, Registration, Rule
from tongket.units import services as unit_services

from .conftest import nominate, vote_through


def rule_data(em, **extra):
    return {
        "award_kind": em.kinds["ldtt"].pk,
        "kind": "council_threshold",
        "value": "60",
        "operator": "gte",
        "effective_from": "2026-01-01",
        "citation_document": "Quy chế làm việc của Hội đồng",
        **extra,
    }


def test_a_commune_administrator_adds_a_dated_local_rule_on_the_screen(em, login):
    client = login(em.world.admin_a)
    response = client.post(reverse("emulation:rule_create"), rule_data(em, unit=em.world.a.pk))
    assert response.status_code == 302
    rule = Rule.objects.get(unit=em.world.a)
    assert rule.value == 60 and rule.effective_from == datetime.date(2026, 1, 1)
    page = client.get(reverse("emulation:rulebook")).content.decode()
    assert "Quy chế làm việc của Hội đồng" in page and "Nghị định 73/2024/NĐ-CP" in page


def test_a_commune_administrator_cannot_change_a_national_rule(em, login):
    client = login(em.world.admin_a)
    response = client.post(reverse("emulation:rule_create"), rule_data(em))
    assert response.status_code == 403
    national = Rule.objects.filter(unit__isnull=True).first()
    assert client.get(reverse("emulation:rule_edit", args=[national.pk])).status_code == 403


def test_a_local_rule_of_another_commune_can_be_neither_opened_nor_copied(em, login):
    from tongket.conftest import make_user
    from tongket.units.choices import Role

    local = services.rule_create(
        by=em.world.admin_a,
        award_kind=em.kinds["ldtt"],
        kind="council_threshold",
        unit=em.world.a,
        value=Decimal(77),
        operator="gte",
        effective_from=datetime.date(2025, 1, 1),
        citation_document="Quy chế riêng của phường Hòa Bình",
    )
    admin_b = make_user(username="quantri_b", unit=em.world.b, role=Role.ADMIN, by=em.world.root)
    client = login(admin_b)
    assert client.get(reverse("emulation:rule_edit", args=[local.pk])).status_code == 404
    copy = client.get(reverse("emulation:rule_create"), {"from": local.pk})
    assert copy.status_code == 200
    assert "Quy chế riêng của phường Hòa Bình" not in copy.content.decode()
    own = login(em.world.admin_a).get(reverse("emulation:rule_create"), {"from": local.pk})
    assert "Quy chế riêng của phường Hòa Bình" in own.content.decode()


def test_an_officer_cannot_open_the_rule_editor(em, login):
    assert login(em.world.officer_a).get(reverse("emulation:rule_create")).status_code == 403


def test_the_superuser_edits_a_national_rule_and_it_is_audited(em, login):
    from tongket.units.models import AuditEntry

    national = Rule.objects.get(
        award_kind=em.kinds["ldtt"],
        kind="prize_coefficient",
        citation_document="Nghị định 152/2025/NĐ-CP",
    )
    data = rule_data(
        em,
        kind="prize_coefficient",
        value="0.4",
        operator="",
        recipient="",
        effective_from="2025-07-01",
        citation_document="Nghị định 152/2025/NĐ-CP",
        unverified="on",
    )
    response = login(em.world.root).post(reverse("emulation:rule_edit", args=[national.pk]), data)
    assert response.status_code == 302
    national.refresh_from_db()
    assert national.value == Decimal("0.4") and national.unverified
    assert AuditEntry.objects.filter(model="emulation.rule", object_id=str(national.pk)).exists()


def test_a_reporter_registers_their_group_and_not_another(em, login):
    client = login(em.world.reporter_a1)
    data = {
        "unit": em.world.group_a1.pk,
        "year": 2026,
        "award_kind": em.kinds["ldtt"].pk,
        "recipient": "individual",
        "person": em.people[0].pk,
        "registered_on": "2026-01-10",
    }
    assert client.post(reverse("emulation:registrations"), data).status_code == 302
    assert Registration.objects.count() == 1
    data["unit"] = em.world.group_a2.pk
    assert client.post(reverse("emulation:registrations"), data).status_code == 200
    assert Registration.objects.count() == 1


def test_movements_are_launched_by_the_office_only_in_its_commune(em, login):
    data = {
        "unit": em.world.a.pk,
        "name": "Phong trào thi đua yêu nước",
        "content": "",
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
    }
    assert login(em.world.officer_b).post(reverse("emulation:movements"), data).status_code == 200
    assert not Movement.objects.exists()
    assert login(em.world.officer_a).post(reverse("emulation:movements"), data).status_code == 302
    data["ends_on"] = "2025-12-31"
    response = login(em.world.officer_a).post(reverse("emulation:movements"), data)
    assert "Ngày kết thúc phải sau ngày bắt đầu" in response.content.decode()


def test_evidence_is_uploaded_and_downloaded_within_the_scope(em, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    nomination = nominate(em, em.people[0], "ldtt", submit=False)
    client = login(em.world.reporter_a1)
    client.post(
        reverse("emulation:evidence_add", args=[nomination.pk]),
        {"file": SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\nxx")},
    )
    refused = client.post(
        reverse("emulation:evidence_add", args=[nomination.pk]),
        {"file": SimpleUploadedFile("anh.png", b"GIF89a")},
        follow=True,
    )
    assert "không đúng định dạng .png" in refused.content.decode()
    evidence = nomination.evidence.get()
    download = client.get(reverse("emulation:evidence", args=[evidence.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(
        b"\x89PNG"
    )
    other = login(em.world.officer_b)
    assert other.get(reverse("emulation:evidence", args=[evidence.pk])).status_code == 404


def test_the_office_returns_a_nomination_with_a_reason_and_the_reporter_resubmits(em, login):
    nomination = nominate(em, em.people[0], "ldtt")
    officer = login(em.world.officer_a)
    officer.post(reverse("emulation:nomination_return", args=[nomination.pk]), {"reason": ""})
    nomination.refresh_from_db()
    assert nomination.state == "submitted"  # no reason, not returned
    officer.post(
        reverse("emulation:nomination_return", args=[nomination.pk]),
        {"reason": "Bổ sung bản nhận xét của tổ."},
    )
    nomination.refresh_from_db()
    assert (nomination.state, nomination.return_reason) == (
        "returned",
        "Bổ sung bản nhận xét của tổ.",
    )
    reporter = login(em.world.reporter_a1)
    assert (
        reporter.post(
            reverse("emulation:nomination_return", args=[nomination.pk]), {"reason": "x"}
        ).status_code
        == 403
    )
    reporter.post(reverse("emulation:nomination_submit", args=[nomination.pk]))
    nomination.refresh_from_db()
    assert nomination.state == "submitted"


def test_a_council_member_sees_the_sessions_of_their_council_only(em, login):
    session = vote_through(em, [nominate(em, em.people[0], "ldtt")])
    member = unit_services.user_create(
        username="uyvien1",
        password=em.world.password,
        unit=em.world.a,
        person=em.council[0],
        by=em.world.root,
    )
    outsider_person = unit_services.person_create(
        full_name="Không là ủy viên", unit=em.world.a, by=em.world.root
    )
    outsider = unit_services.user_create(
        username="khong",
        password=em.world.password,
        unit=em.world.a,
        person=outsider_person,
        by=em.world.root,
    )
    url = reverse("emulation:session", args=[session.pk])
    page = login(member).get(url)
    assert page.status_code == 200 and "Nguyễn Văn An" in page.content.decode()
    assert "save-votes" not in page.content.decode()  # members read, the office records
    assert (
        login(member)
        .get(reverse("emulation:council"), {"year": 2025})
        .content.decode()
        .count(str(session))
        == 1
    )
    assert login(outsider).get(url).status_code == 404
    assert login(em.world.officer_b).get(url).status_code == 404


def test_a_council_member_cannot_record_votes(em, login):
    session = vote_through(em, [nominate(em, em.people[0], "ldtt")], votes=2)
    member = unit_services.user_create(
        username="uyvien1",
        password=em.world.password,
        unit=em.world.a,
        person=em.council[0],
        by=em.world.root,
    )
    ballot = session.ballots.get()
    response = login(member).post(
        reverse("emulation:session_votes", args=[session.pk]), {f"votes-{ballot.pk}": "5"}
    )
    assert response.status_code == 403
    ballot.refresh_from_db()
    assert ballot.votes_for == 2


def test_the_minutes_list_who_passed(em, login):
    passed = nominate(em, em.people[0], "ldtt")
    failed = nominate(em, em.people[1], "ldtt")
    session = services.session_create(
        commune=em.world.a,
        year=2025,
        held_on=datetime.date(2026, 1, 6),
        members_present=5,
        by=em.world.root,
    )
    ballots = services.session_add_nominations(
        session=session, nominations=[passed, failed], by=em.world.root
    )
    services.ballots_record(
        session=session, votes={ballots[0].pk: 5, ballots[1].pk: 1}, by=em.world.root
    )
    page = (
        login(em.world.leader_a)
        .get(reverse("emulation:session_minutes", args=[session.pk]))
        .content.decode()
    )
    passed_table = page.split('id="passed"')[1].split("</table>")[0]
    assert "Nguyễn Văn An" in passed_table and "Nguyễn Văn Bình" not in passed_table
    assert "ngày 06 tháng 01 năm 2026" in page
