"""Statistics in the words articles use, the .xlsx export, pledges signed, rankings, and
the query counts of the lists (fixed whatever the amount of data)."""

import datetime
import io
from decimal import Decimal

import openpyxl
from django.urls import reverse

from tongket.emulation import selectors, services

from .conftest import nominate, vote_through


def _clusters(em, signed=True):
    cluster = services.cluster_create(
        unit=em.world.a,
        name="Cụm tổ dân phố",
        kind="cluster",
        leader=em.world.group_a1,
        members=[em.world.group_a1, em.world.group_a2],
        by=em.world.root,
    )
    pledge = services.pledge_create(
        cluster=cluster,
        year=2026,
        title="Giao ước thi đua năm 2026",
        criteria=[("An ninh trật tự", Decimal(60)), ("Môi trường", Decimal(40))],
        by=em.world.root,
    )
    if signed:
        for unit in (em.world.group_a1, em.world.group_a2):
            services.pledge_sign(
                pledge=pledge, unit=unit, signed_on=datetime.date(2026, 1, 20), by=em.world.root
            )
    return cluster, pledge


def test_statistics_state_the_year_as_an_article_would(em, decided):
    stats = selectors.commendation_statistics(em.world.a, 2025)
    assert stats.has_data
    assert stats.sentences == [
        "Đảng ủy phường khen thưởng 1 cá nhân.",
        "Chủ tịch UBND phường công nhận danh hiệu “Lao động tiên tiến” cho 8 cá nhân.",
    ]
    [row] = [r for r in stats.rows if r.form_label == "Lao động tiên tiến"]
    assert (row.awarding_body_label, row.individuals, row.prize_total) == (
        "Chủ tịch UBND phường",
        8,
        5_616_000,
    )
    assert [(t.title_label, t.count) for t in stats.titles] == [("Lao động tiên tiến", 8)]


def test_forms_are_counted_by_collectives_and_individuals(em):
    people = [nominate(em, p, "gk-chutich", registered=False) for p in em.people[:3]]
    group = services.nomination_create(
        unit=em.world.a,
        year=2025,
        award_kind=em.kinds["gk-chutich"],
        recipient="collective",
        collective=em.world.group_a2,
        achievement="Tổ dân phố tiêu biểu.",
        by=em.world.root,
    )
    group = services.nomination_submit(nomination=group, by=em.world.root)
    session = vote_through(em, [*people, group])
    services.council_result_approve(
        session=session,
        body="chairman",
        number=1,
        signed_on=datetime.date(2026, 1, 8),
        signer_name="Hà",
        by=em.world.root,
    )
    stats = selectors.commendation_statistics(em.world.a, 2025)
    assert stats.sentences == ["Chủ tịch UBND phường tặng giấy khen cho 1 tập thể, 3 cá nhân."]
    # 3 × 0,3 + 1 × 0,6 times 2.340.000
    assert stats.prize_total == 3 * 702_000 + 1_404_000


def test_only_decided_awards_count(em):
    nominate(em, em.people[0], "ldtt")
    stats = selectors.commendation_statistics(em.world.a, 2025)
    assert not stats.has_data and stats.sentences == []


def test_pledges_signed_and_the_ranking(em):
    _cluster, pledge = _clusters(em)
    signed = selectors.pledges_signed(em.world.a, 2026)
    assert [(p.cluster_name, p.signed_count, p.all_signed) for p in signed] == [
        ("Cụm tổ dân phố", 2, True)
    ]
    assert selectors.pledges_signed(em.world.b, 2026) == []
    criteria = list(pledge.criteria.all())
    services.pledge_scores_set(
        pledge=pledge,
        unit=em.world.group_a2,
        points={criteria[0].pk: Decimal(55), criteria[1].pk: Decimal(40)},
        by=em.world.root,
    )
    services.pledge_scores_set(
        pledge=pledge,
        unit=em.world.group_a1,
        points={criteria[0].pk: Decimal(50)},
        by=em.world.root,
    )
    [ranking] = selectors.cluster_rankings(em.world.a, 2026)
    assert [(r.rank, r.unit.name, r.points) for r in ranking.rows] == [
        (1, "Tổ dân phố số 2", Decimal(95)),
        (2, "Tổ dân phố số 1", Decimal(50)),
    ]


def test_points_above_a_criterion_maximum_are_refused(em):
    _cluster, pledge = _clusters(em, signed=False)
    criterion = pledge.criteria.first()
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        services.pledge_scores_set(
            pledge=pledge,
            unit=em.world.group_a1,
            points={criterion.pk: Decimal(61)},
            by=em.world.root,
        )
    assert "điểm phải từ 0 đến 60" in caught.value.messages[0]
    assert not pledge.scores.exists()


def test_a_unit_outside_the_cluster_cannot_sign(em):
    import pytest
    from django.core.exceptions import ValidationError

    _cluster, pledge = _clusters(em, signed=False)
    with pytest.raises(ValidationError):
        services.pledge_sign(
            pledge=pledge, unit=em.world.b, signed_on=datetime.date(2026, 1, 2), by=em.world.root
        )


def test_the_statistics_export_is_a_real_workbook(em, decided, login):
    response = login(em.world.leader_a).get(
        reverse("emulation:statistics_xlsx"), {"unit": em.world.a.pk, "year": 2025}
    )
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    values = [cell for row in book["Khen thưởng"].iter_rows(values_only=True) for cell in row]
    assert "Chủ tịch UBND phường" in values and 5_616_000 in values
    sentences = [row[0] for row in book["Câu tổng hợp"].iter_rows(values_only=True)]
    assert "Đảng ủy phường khen thưởng 1 cá nhân." in sentences
    other = login(em.world.officer_b).get(
        reverse("emulation:statistics_xlsx"), {"unit": em.world.a.pk, "year": 2025}
    )
    assert other.status_code == 404


def test_the_statistics_screen_states_the_year(em, decided, login):
    page = login(em.world.leader_a).get(reverse("emulation:statistics"), {"year": 2025})
    assert "Đảng ủy phường khen thưởng 1 cá nhân." in page.content.decode()


# Query counts ---------------------------------------------------------------------------


def _more_awards(em, count, number):
    from tongket.units import services as unit_services

    people = [
        unit_services.person_create(
            full_name=f"Thêm {number}-{i}", unit=em.world.group_a2, by=em.world.root
        )
        for i in range(count)
    ]
    nominations = [nominate(em, p, "gk-chutich", registered=False) for p in people]
    session = vote_through(em, nominations)
    services.council_result_approve(
        session=session,
        body="chairman",
        number=number,
        signed_on=datetime.date(2026, 1, 9),
        signer_name="Hà",
        by=em.world.root,
    )


def _count(django_assert_num_queries, call):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def test_statistics_take_the_same_queries_for_more_data(em, decided, django_assert_num_queries):
    _clusters(em)
    small = _count(
        django_assert_num_queries, lambda: selectors.commendation_statistics(em.world.a, 2025)
    )
    _more_awards(em, 6, 40)
    with django_assert_num_queries(small):
        selectors.commendation_statistics(em.world.a, 2025)


def test_list_screens_take_the_same_queries_for_more_data(
    em, decided, login, django_assert_num_queries
):
    client = login(em.world.officer_a)
    urls = [
        reverse("emulation:nominations") + "?year=2025",
        reverse("emulation:decisions") + "?year=2025",
        reverse("emulation:decision", args=[decided.chairman.pk]),
        reverse("emulation:session", args=[decided.session.pk]),
    ]
    for url in urls:
        client.get(url)  # warm the session and caches
    before = {url: _count(django_assert_num_queries, lambda u=url: client.get(u)) for url in urls}
    _more_awards(em, 5, 41)
    for url in urls:
        with django_assert_num_queries(before[url]):
            client.get(url)
