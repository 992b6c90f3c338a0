"""Screens of the documents app not covered elsewhere, each with an allowed and a forbidden
persona: PDF job start, the job list, generated files, taking an article down."""

import pytest
from django.urls import reverse

from tongket.documents import services
from tongket.documents.choices import ArticleState, FileKind, JobKind
from tongket.documents.models import Job

pytestmark = pytest.mark.django_db


def test_officer_starts_the_pdf_of_their_communes_report(world, login, year_end):
    response = login(world.officer_a).post(reverse("documents:report_pdf", args=[year_end.pk]))
    job = Job.objects.get(kind=JobKind.REPORT_PDF)
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:job", args=[job.pk])
    assert job.unit == world.a
    assert job.params == {"conference_id": year_end.pk, "layout": "state"}


def test_another_communes_officer_cannot_start_that_pdf(world, login, year_end):
    response = login(world.officer_b).post(reverse("documents:report_pdf", args=[year_end.pk]))
    assert response.status_code == 404
    assert not Job.objects.exists()


def test_province_officer_opens_the_job_screen_and_starts_a_province_job(world, login):
    client = login(world.province_officer)
    page = client.get(reverse("documents:jobs"))
    assert page.status_code == 200
    response = client.post(
        reverse("documents:jobs"), {"unit": world.province.pk, "year": 2025, "pdf": ""}
    )
    job = Job.objects.get(kind=JobKind.PROVINCE_DOCUMENTS)
    assert response.status_code == 302 and job.unit == world.province


def test_commune_officer_cannot_start_a_job_for_the_province(world, login):
    client = login(world.officer_a)
    response = client.post(
        reverse("documents:jobs"), {"unit": world.province.pk, "year": 2025, "pdf": ""}
    )
    assert response.status_code == 200  # the form says the choice is not allowed
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not Job.objects.exists()


def test_a_generated_file_is_served_in_scope_only(world, login, year_end):
    item = services.generated_file_save(
        conference=year_end,
        kind=FileKind.REPORT_DOCX,
        filename="bao-cao.docx",
        data=b"PK docx bytes",
        by=world.officer_a,
    )
    url = reverse("documents:file", args=[item.pk])
    response = login(world.officer_a).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PK docx bytes"
    assert login(world.officer_b).get(url).status_code == 404


def test_a_leader_takes_a_published_article_down_and_an_officer_cannot(world, login, year_end):
    article = services.article_generate(conference=year_end, by=world.officer_a)
    services.article_publish(article=article, by=world.leader_a)
    url = reverse("documents:article_unpublish", args=[article.pk])
    assert login(world.officer_a).post(url).status_code == 403
    article.refresh_from_db()
    assert article.state == ArticleState.PUBLISHED
    assert login(world.leader_a).post(url).status_code == 302
    article.refresh_from_db()
    assert article.state != ArticleState.PUBLISHED
    assert login(world.leader_a).get(f"/cong/{world.a.code}/tin/{article.pk}/").status_code == 404
