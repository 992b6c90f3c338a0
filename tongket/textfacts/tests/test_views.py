"""The screens: upload, review with highlighted numbers, confirm; bad files get their
Vietnamese message on the page and save nothing; other units' documents are out of reach."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tongket.emulation.models import AwardRecord
from tongket.targets.models import Result
from tongket.textfacts import selectors, services
from tongket.textfacts.forms import review_forms
from tongket.textfacts.models import IndicatorSynonym, SourceDocument

from .conftest import REPORT, docx_bytes

pytestmark = pytest.mark.django_db
INDEX = "/doc-van-ban/"


def upload(client, world, name="bao-cao.docx", content=None, **extra):
    data = {"unit": world.a.pk, "year": 2025, "period": "year", **extra}
    if content is not None:
        data["file"] = SimpleUploadedFile(name, content)
    return client.post(INDEX, data)


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


def screen_data(document, **award) -> dict:
    """What the review form posts when the officer changes nothing but the award's number
    and date (the text names neither)."""
    versions, _ = selectors.catalogue_for(document.unit, document.year)
    forms = review_forms(selectors.review_rows(document, versions), versions, True)
    data = {}
    for form in forms.values():
        for field in form:
            value = field.value()
            if value not in (None, "", False):
                data[field.html_name] = value.pk if hasattr(value, "pk") else value
    for fact in document.facts.filter(kind="award_count"):
        for name, value in award.items():
            data[f"f{fact.pk}-{name}"] = value
    return data


def test_upload_review_confirm(client, world, catalogue, media):
    client.force_login(world.officer_a)
    response = upload(client, world, content=docx_bytes(REPORT))
    document = SourceDocument.objects.get()
    assert response.status_code == 302 and response.url == f"{INDEX}{document.pk}/"
    page = client.get(response.url).content.decode()
    assert "<mark>12,4</mark>" in page and "<mark>104</mark>" in page
    assert "Chủ tịch UBND phường tặng giấy khen cho <mark>21</mark> tập thể" in page
    data = screen_data(document, number="15/QĐ-UBND", **{"signed_on": "2026-01-08"})
    response = client.post(response.url, data)
    assert response.status_code == 302, messages_of(response)
    cells = {r.indicator.code: r for r in Result.objects.filter(unit=world.a)}
    assert cells["KT01"].is_estimate and not cells["VH04"].is_estimate
    assert AwardRecord.objects.get().number == "15/QĐ-UBND"
    page = client.get(response.url).content.decode()
    assert "Đã xác nhận" in page and "Xác nhận và lưu" not in page


def test_a_missing_award_number_shows_every_refusal_and_saves_nothing(
    client, world, catalogue, media
):
    client.force_login(world.officer_a)
    document = services.document_read(
        unit=world.a, year=2025, period="year", by=world.officer_a, text=REPORT
    )
    response = client.post(f"{INDEX}{document.pk}/", screen_data(document))
    assert response.status_code == 400
    assert "Chưa lưu số liệu nào của văn bản này" in messages_of(response)
    assert "Cần ghi số quyết định, ngày ký" in messages_of(response)
    assert not Result.objects.exists() and not AwardRecord.objects.exists()


def test_a_conflict_is_shown_side_by_side_without_a_preselected_choice(
    client, world, catalogue, media
):
    from .test_confirm import _approved_poverty

    _approved_poverty(world, catalogue)
    client.force_login(world.officer_a)
    document = services.document_read(
        unit=world.a, year=2025, period="year", by=world.officer_a, text="Tỷ lệ hộ nghèo 0,31%."
    )
    page = client.get(f"{INDEX}{document.pk}/").content.decode()
    assert re.search(r"Số đã có.*Đã duyệt.*0,5%.*Số trong văn bản.*0,31%", page, re.S)
    assert "Giữ số đã có" in page and "Dùng số trong văn bản" in page
    assert 'value="keep" checked' not in page and 'value="replace" checked' not in page
    response = client.post(f"{INDEX}{document.pk}/", screen_data(document))
    assert response.status_code == 400  # no choice made
    assert Result.objects.get().value == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("hong.docx", b"PK\x03\x04 broken", "bị hỏng hoặc không phải tệp Word .docx"),
        ("trong.txt", b"", "rỗng"),
        ("bang.xlsx", b"PK\x03\x04", "chỉ nhận tệp Word (.docx), văn bản (.txt) hoặc PDF"),
    ],
)
def test_bad_files_get_a_message_on_the_page(
    client, world, catalogue, media, name, content, message
):
    client.force_login(world.officer_a)
    response = upload(client, world, name=name, content=content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SourceDocument.objects.exists()


def test_nothing_chosen_is_refused(client, world, catalogue, media):
    client.force_login(world.officer_a)
    response = upload(client, world, text="  ")
    assert response.status_code == 400
    assert (
        "Hãy chọn tệp (.docx, .txt, .pdf) hoặc dán nội dung văn bản." in response.content.decode()
    )


def test_a_50_mb_file_is_refused_by_its_size_before_any_reading(
    client, world, catalogue, media, monkeypatch
):
    from tongket.lib import facts

    def never(*args, **kwargs):
        raise AssertionError("the reader was called on a file over the cap")

    monkeypatch.setattr(facts, "read_upload", never)
    client.force_login(world.officer_a)
    response = upload(client, world, content=b"PK\x03\x04" + b"\0" * (50 * 1024 * 1024))
    assert response.status_code == 400
    page = response.content.decode()
    assert re.search(r"nặng 50(,\d)? MB, vượt quá giới hạn 20 MB nên không được đọc", page)
    assert not SourceDocument.objects.exists()
    assert not (media.exists() and any(p.is_file() for p in media.rglob("*")))


def test_pasted_text_is_read(client, world, catalogue, media):
    client.force_login(world.officer_a)
    response = upload(client, world, text=REPORT)
    assert response.status_code == 302
    document = SourceDocument.objects.get()
    assert document.source == "pasted" and not document.file
    assert client.get(f"{INDEX}{document.pk}/tep/").status_code == 404


def test_other_units_documents_are_out_of_reach(client, world, catalogue, media):
    document = services.document_read(
        unit=world.a, year=2025, period="year", by=world.officer_a, text=REPORT
    )
    url = f"{INDEX}{document.pk}/"
    for persona in ("officer_b", "reporter_a1"):
        client.force_login(getattr(world, persona))
        assert client.get(url).status_code == 404
        assert client.get(f"{url}tep/").status_code == 404
        assert f'href="{url}"' not in client.get(INDEX).content.decode()
    client.force_login(world.officer_b)
    response = upload(client, world, text=REPORT)  # unit A is not in B's choices
    assert response.status_code == 400 and SourceDocument.objects.count() == 1
    client.force_login(world.leader_a)  # sees, may not enter
    assert client.get(url).status_code == 200
    assert client.post(url, screen_data(document)).status_code == 403
    assert client.post(f"{url}bo/").status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_discard(client, world, catalogue, media):
    document = services.document_read(
        unit=world.a, year=2025, period="year", by=world.officer_a, text=REPORT
    )
    client.force_login(world.officer_a)
    client.post(f"{INDEX}{document.pk}/bo/")
    document.refresh_from_db()
    assert document.state == "discarded" and not Result.objects.exists()


def test_synonyms_screen(client, world, catalogue, media):
    client.force_login(world.officer_a)
    url = reverse("textfacts:synonyms")
    response = client.post(
        f"{url}?unit={world.a.pk}&year=2025",
        {"owner": world.a.pk, "indicator": catalogue.revenue.pk, "phrase": "thu NS phường"},
    )
    assert response.status_code == 302
    synonym = IndicatorSynonym.objects.get()
    page = client.get(f"{url}?unit={world.a.pk}&year=2025").content.decode()
    assert "thu NS phường" in page
    client.force_login(world.officer_b)
    assert client.post(reverse("textfacts:synonym_delete", args=[synonym.pk])).status_code == 404
    client.force_login(world.officer_a)
    client.post(reverse("textfacts:synonym_delete", args=[synonym.pk]))
    assert not IndicatorSynonym.objects.exists()


def test_the_review_page_runs_the_same_queries_whatever_the_number_of_facts(
    client, world, catalogue, media
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.officer_a)
    counts = []
    longer = REPORT + "Năm 2024, tổng thu ngân sách nhà nước trên địa bàn đạt 11,3 tỷ đồng.\n" * 6
    for text in (REPORT, longer):
        document = services.document_read(
            unit=world.a, year=2025, period="year", by=world.officer_a, text=text
        )
        client.get(f"{INDEX}{document.pk}/")  # warm the session and the user
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{INDEX}{document.pk}/").status_code == 200
        counts.append((document.facts.count(), len(queries)))
    assert counts[1][0] > counts[0][0] + 4
    assert counts[0][1] == counts[1][1], counts


def test_a_long_report_posts_more_fields_than_djangos_default(client, world, catalogue, media):
    """Over 1.000 fields (Django's default limit) in one confirmation."""
    lines = [f"Năm 20{10 + i % 14}, tỷ lệ hộ nghèo là {i % 9},{i % 7}%." for i in range(320)]
    document = services.document_read(
        unit=world.a, year=2025, period="year", by=world.officer_a, text="\n".join(lines)
    )
    data = screen_data(document)
    assert len(data) > 1000
    client.force_login(world.officer_a)
    response = client.post(f"{INDEX}{document.pk}/", data)
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.state == "confirmed"
