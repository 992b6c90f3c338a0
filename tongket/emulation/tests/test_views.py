"""Every screen: allowed for the right persona, 403/404 (never 500) for another commune."""

import datetime

import pytest
from django.urls import reverse

from tongket.emulation import services
from tongket.emulation.models import Award, Cluster

from .conftest import nominate

LIST_PAGES = [
    "emulation:index",
    "emulation:rulebook",
    "emulation:movements",
    "emulation:clusters",
    "emulation:registrations",
    "emulation:past_awards",
    "emulation:nominations",
    "emulation:council",
    "emulation:decisions",
    "emulation:statistics",
]


@pytest.mark.parametrize("name", LIST_PAGES)
def test_every_list_page_opens_for_the_officer(em, decided, login, name):
    response = login(em.world.officer_a).get(reverse(name), {"year": 2025})
    assert response.status_code == 200


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_of_another_commune_show_none_of_its_data(em, decided, login, name):
    response = login(em.world.officer_b).get(reverse(name), {"year": 2025})
    assert response.status_code == 200
    assert "Nguyễn Văn An" not in response.content.decode()
    assert "3/QĐ-UBND" not in response.content.decode()


def _object_pages(em, decided):
    nomination = decided.chairman.awards.first().nomination
    cluster = services.cluster_create(
        unit=em.world.a,
        name="Khối tổ dân phố",
        kind="block",
        leader=em.world.group_a1,
        members=[em.world.group_a1, em.world.group_a2],
        by=em.world.root,
    )
    pledge = services.pledge_create(
        cluster=cluster,
        year=2025,
        title="Giao ước 2025",
        criteria=[("Vệ sinh môi trường", 50)],
        by=em.world.root,
    )
    return [
        reverse("emulation:nomination", args=[nomination.pk]),
        reverse("emulation:session", args=[decided.session.pk]),
        reverse("emulation:session_minutes", args=[decided.session.pk]),
        reverse("emulation:decision", args=[decided.chairman.pk]),
        reverse("emulation:cluster", args=[cluster.pk]),
        reverse("emulation:pledge_score", args=[pledge.pk]),
        reverse("emulation:pledge_sign", args=[pledge.pk]),
    ]


def test_object_pages_open_for_the_officer_and_are_hidden_from_another_commune(em, decided, login):
    urls = _object_pages(em, decided)
    client = login(em.world.officer_a)
    for url in urls:
        assert client.get(url).status_code == 200, url
    other = login(em.world.officer_b)
    for url in urls:
        assert other.get(url).status_code in (403, 404), url


def test_the_decision_page_shows_the_total_in_figures_and_words(em, decided, login):
    page = login(em.world.leader_a).get(reverse("emulation:decision", args=[decided.chairman.pk]))
    text = page.content.decode()
    assert "5.616.000" in text  # 8 × 702.000 đồng
    assert "Năm triệu sáu trăm mười sáu nghìn đồng" in text


def test_a_reporter_nominates_for_their_group_and_submits(em, login):
    reporter = em.world.reporter_a1
    person = em.people[0]
    services.registration_create(
        unit=em.world.group_a1,
        year=2025,
        award_kind=em.kinds["ldtt"],
        recipient="individual",
        person=person,
        by=reporter,
    )
    client = login(reporter)
    response = client.post(
        reverse("emulation:nomination_create"),
        {
            "unit": em.world.group_a1.pk,
            "year": 2025,
            "award_kind": em.kinds["ldtt"].pk,
            "recipient": "individual",
            "person": person.pk,
            "achievement": "Tổ trưởng gương mẫu.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    url = response["Location"]
    pk = int(url.rstrip("/").rsplit("/", 1)[1])
    response = client.post(reverse("emulation:nomination_submit", args=[pk]))
    assert response.status_code == 302
    assert "Đã gửi" in client.get(url).content.decode()


def test_a_reporter_cannot_nominate_for_another_group(em, login):
    client = login(em.world.reporter_a1)
    response = client.post(
        reverse("emulation:nomination_create"),
        {
            "unit": em.world.group_a2.pk,
            "year": 2025,
            "award_kind": em.kinds["ldtt"].pk,
            "recipient": "individual",
            "person": em.people[0].pk,
            "achievement": "x",
        },
    )
    assert response.status_code == 200  # the form refuses the unit outside their scope
    assert "Lựa chọn" in response.content.decode() or "không" in response.content.decode()
    from tongket.emulation.models import Nomination

    assert not Nomination.objects.exists()


def test_another_communes_officer_cannot_submit_or_return(em, login):
    nomination = nominate(em, em.people[0], "ldtt", submit=False)
    client = login(em.world.officer_b)
    assert (
        client.post(reverse("emulation:nomination_submit", args=[nomination.pk])).status_code == 404
    )
    assert (
        client.post(
            reverse("emulation:nomination_return", args=[nomination.pk]), {"reason": "x"}
        ).status_code
        == 404
    )


def test_a_leader_approves_a_whole_council_result_in_one_step(em, login):
    nominations = [nominate(em, person, "ldtt") for person in em.people[:3]]
    from .conftest import vote_through

    session = vote_through(em, nominations)
    response = login(em.world.leader_a).post(
        reverse("emulation:session_approve", args=[session.pk]),
        {
            "body": "chairman",
            "number": 7,
            "signed_on": "2026-01-10",
            "signer_name": "Lê Thị Thu Hà",
        },
    )
    assert response.status_code == 302
    assert Award.objects.filter(decision__number=7).count() == 3


def test_an_officer_cannot_approve_a_council_result(em, login):
    nominations = [nominate(em, em.people[0], "ldtt")]
    from .conftest import vote_through

    session = vote_through(em, nominations)
    response = login(em.world.officer_a).post(
        reverse("emulation:session_approve", args=[session.pk]),
        {"body": "chairman", "number": 7, "signed_on": "2026-01-10", "signer_name": "X"},
        follow=True,
    )
    assert response.status_code == 403
    assert not Award.objects.exists()


def test_the_office_creates_a_cluster_through_the_screen(em, login):
    client = login(em.world.officer_a)
    response = client.post(
        reverse("emulation:cluster_create"),
        {
            "unit": em.world.a.pk,
            "name": "Cụm tổ dân phố",
            "kind": "cluster",
            "members": [em.world.group_a1.pk, em.world.group_a2.pk],
            "leader": em.world.group_a1.pk,
        },
    )
    assert response.status_code == 302
    assert Cluster.objects.get().leader == em.world.group_a1
    assert datetime.date.today()


def _edit_form(nomination, achievement):
    return {
        "unit": nomination.unit_id,
        "year": nomination.year,
        "award_kind": nomination.award_kind_id,
        "recipient": nomination.recipient,
        "person": nomination.person_id,
        "achievement": achievement,
    }


def test_a_reporter_corrects_their_draft_and_another_commune_cannot(em, login):
    draft = nominate(em, em.people[0], "ldtt", submit=False)
    url = reverse("emulation:nomination_edit", args=[draft.pk])
    reporter = login(em.world.reporter_a1)
    assert reporter.get(url).status_code == 200
    response = reporter.post(url, _edit_form(draft, "Hoàn thành xuất sắc nhiệm vụ năm 2025."))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.achievement == "Hoàn thành xuất sắc nhiệm vụ năm 2025."
    other = login(em.world.officer_b)
    assert other.post(url, _edit_form(draft, "Sửa trái phép.")).status_code == 404
    draft.refresh_from_db()
    assert draft.achievement == "Hoàn thành xuất sắc nhiệm vụ năm 2025."


def test_the_office_puts_nominations_before_the_council_and_others_cannot(em, login):
    from tongket.emulation.choices import NominationState

    submitted = nominate(em, em.people[0], "ldtt")
    session = services.session_create(
        commune=em.world.a,
        year=em.year,
        held_on=datetime.date(em.year + 1, 1, 5),
        members_present=5,
        place="Hội trường UBND phường",
        by=em.world.root,
    )
    url = reverse("emulation:session_schedule", args=[session.pk])
    assert login(em.world.officer_b).post(url, {"nominations": [submitted.pk]}).status_code == 404
    login(em.world.leader_a).post(url, {"nominations": [submitted.pk]})
    submitted.refresh_from_db()
    assert submitted.state == NominationState.SUBMITTED  # a leader reads and decides, not edits
    assert login(em.world.officer_a).post(url, {"nominations": [submitted.pk]}).status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == NominationState.IN_REVIEW
