"""The screens as the Đảng ủy office, a chi bộ secretary and a leader use them: forms post to
the services, refusals come back in Vietnamese with nothing saved, lists keep their query
count as the Đảng bộ grows."""

import io

import openpyxl
from django.urls import reverse

from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.party import services
from tongket.party.choices import Subject
from tongket.party.columns import MEMBER_COLUMNS
from tongket.party.models import Admission, MemberEvent, PartyMember, QualityRating
from tongket.units.models import BodyTerm

from .conftest import candidate, member, saved_rows, walk


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []


def test_the_office_enters_a_member_through_the_form(client, pw):
    client.force_login(pw.party_officer_a)
    response = client.post(
        reverse("party:member_create") + f"?commune={pw.a.pk}",
        {
            "full_name": "Nhập Tay",
            "birth_date": "1980-01-01",
            "cell": pw.cell_a2.pk,
            "admitted_on": "2010-01-10",
            "full_on": "2011-01-10",
            "card_number": "7007",
        },
    )
    record = PartyMember.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "party:member", args=[record.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Nhập Tay" in page and "Công nhận đảng viên chính thức" in page and "7007" in page


def test_a_refused_member_form_shows_the_rule_and_saves_nothing(client, pw):
    client.force_login(pw.party_officer_a)
    before = saved_rows()
    response = client.post(
        reverse("party:member_create") + f"?commune={pw.a.pk}",
        {
            "full_name": "Vội Vàng",
            "birth_date": "1980-01-01",
            "cell": pw.cell_a1.pk,
            "admitted_on": "2012-01-10",
            "full_on": "2012-06-01",
        },
    )
    assert response.status_code == 200 and "12 tháng dự bị" in response.content.decode()
    assert saved_rows() == before


def test_a_leader_reads_but_does_not_enter_members(client, pw):
    client.force_login(pw.party_leader_a)
    assert client.get(reverse("party:members"), {"commune": pw.a.pk}).status_code == 200
    assert client.get(reverse("party:member_create"), {"commune": pw.a.pk}).status_code == 403


def test_an_event_posted_from_the_member_page(client, pw):
    record = member(pw, "Có Sự Kiện")
    client.force_login(pw.party_officer_a)
    url = reverse("party:member_event", args=[record.pk])
    response = client.post(url, {"kind": "exempted", "on": "2024-05-01"}, follow=True)
    assert "Đã ghi sự kiện." in messages_of(response)
    before = saved_rows()
    response = client.post(url, {"kind": "died", "on": "2024-04-01"}, follow=True)
    assert any("theo thứ tự ngày" in m for m in messages_of(response))
    assert saved_rows() == before


def test_a_cell_secretary_cannot_post_events(client, pw):
    record = member(pw, "Chi Bộ Một")
    client.force_login(pw.cell_secretary_a)
    response = client.post(
        reverse("party:member_event", args=[record.pk]), {"kind": "died", "on": "2024-05-01"}
    )
    assert response.status_code == 403
    assert not MemberEvent.objects.filter(kind="died").exists()


def test_moving_and_transferring_from_the_member_page(client, pw):
    record = member(pw, "Đi Khắp Nơi")
    client.force_login(pw.party_officer_a)
    client.post(
        reverse("party:member_move", args=[record.pk]),
        {"to_cell": pw.cell_a2.pk, "on": "2024-03-01"},
    )
    record.refresh_from_db()
    assert record.cell == pw.cell_a2
    response = client.post(
        reverse("party:member_transfer", args=[record.pk]),
        {"kind": "official", "on": "2024-06-01", "to_cell": pw.cell_b1.pk},
        follow=True,
    )
    assert "Đã ghi chuyển sinh hoạt." in messages_of(response)
    client.force_login(pw.party_officer_b)
    page = client.get(reverse("party:transfers"), {"commune": pw.b.pk}).content.decode()
    assert "Đi Khắp Nơi" in page
    transfer = record.transfers.get()
    client.post(reverse("party:transfer_answer", args=[transfer.pk, "nhan"]))
    record.refresh_from_db()
    assert record.commune == pw.b


def test_the_admission_file_walks_its_steps_through_the_forms(client, pw):
    client.force_login(pw.cell_secretary_a)
    response = client.post(
        reverse("party:admission_create") + f"?commune={pw.a.pk}",
        {
            "cell": pw.cell_a1.pk,
            "full_name": "Quần Chúng",
            "birth_date": "2000-04-15",
            "education": 3,
            "candidate_on": "2025-01-05",
        },
    )
    admission = Admission.objects.get()
    assert response["Location"] == reverse("party:admission", args=[admission.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Giấy chứng nhận lớp bồi dưỡng" in page
    client.post(
        reverse("party:admission_step", args=[admission.pk, "khoa-hoc"]),
        {"course_on": "2025-03-01", "certificate_no": "5"},
    )
    first, second = member(pw, "Giới Thiệu Một"), member(pw, "Giới Thiệu Hai")
    response = client.post(
        reverse("party:admission_step", args=[admission.pk, "gioi-thieu"]),
        {
            "introduced_on": "2025-03-11",
            "first": first.pk,
            "first_since": "2024-06-01",
            "second": second.pk,
            "second_since": "2023-01-01",
        },
        follow=True,
    )
    assert any("cần ít nhất 12 tháng" in m for m in messages_of(response))
    assert Admission.objects.get().state == "course_done"
    client.post(
        reverse("party:admission_step", args=[admission.pk, "gioi-thieu"]),
        {
            "introduced_on": "2025-03-11",
            "first": first.pk,
            "first_since": "2023-06-01",
            "second": second.pk,
            "second_since": "2023-01-01",
        },
    )
    assert Admission.objects.get().state == "introduced"
    response = client.post(
        reverse("party:admission_step", args=[admission.pk, "dang-uy-xet"]),
        {"vote_on": "2025-03-31", "votes_for": 5},
    )
    assert Admission.objects.get().state == "introduced"


def test_the_board_shows_overdue_ceremonies(client, pw):
    walk(pw, candidate(pw), upto="decide")
    client.force_login(pw.party_officer_a)
    page = client.get(reverse("party:admissions"), {"commune": pw.a.pk}).content.decode()
    assert "chưa tổ chức lễ kết nạp (hạn 05/05/2025" in page and "Đỗ Minh Khang" in page


def test_ratings_from_the_screen_with_the_cap_message(client, pw):
    records = [member(pw, f"Xếp Loại {i}") for i in range(3)]
    client.force_login(pw.cell_secretary_a)
    url = reverse("party:rating_self") + f"?commune={pw.a.pk}&year=2025"
    for index, record in enumerate(records):
        client.post(
            url, {"subject": "member", "target": record.pk, "points": "95" if index == 0 else "80"}
        )
    ratings = list(QualityRating.objects.order_by("id"))
    assert [r.self_level for r in ratings] == ["excellent", "good", "good"]
    client.force_login(pw.party_officer_a)
    response = client.post(
        reverse("party:ratings_decide") + f"?commune={pw.a.pk}&year=2025",
        {"decided_on": "2025-12-20", **{f"level_{r.pk}": r.self_level for r in ratings}},
        follow=True,
    )
    assert any("thừa 1" in m for m in messages_of(response))
    assert not QualityRating.objects.filter(state="decided").exists()
    page = client.get(
        reverse("party:ratings"), {"commune": pw.a.pk, "year": 2025, "cell": pw.cell_a1.pk}
    ).content.decode()
    assert "Xếp Loại 0" in page and "tối đa 0 đảng viên xuất sắc" in page


def test_the_ratings_workbook_downloads(client, pw):
    record = member(pw, "Một")
    services.rating_self_assess(
        subject=Subject.MEMBER, year=2025, member=record, points=80, by=pw.root
    )
    client.force_login(pw.party_leader_a)
    response = client.get(reverse("party:ratings_xlsx"), {"commune": pw.a.pk, "year": 2025})
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Kết quả", "Đảng viên", "Chi bộ"]


def test_the_import_screen_names_every_bad_row(client, pw):
    headers = [column.header for column in MEMBER_COLUMNS]
    data = write_xlsx(
        [
            Sheet(
                title="x",
                headers=headers,
                rows=[["A", "01/01/1980", "", "Không Có", "01/01/2010", "", "", "", "", ""]],
            )
        ]
    )
    client.force_login(pw.party_officer_a)
    upload = io.BytesIO(data)
    upload.name = "ds.xlsx"
    response = client.post(
        reverse("party:members_import"), {"commune": pw.a.pk, "file": upload}, follow=True
    )
    assert "Dòng 2: không có chi bộ “Không Có” trong Đảng bộ." in messages_of(response)
    assert not PartyMember.objects.exists()


def test_the_terms_screen_records_a_congress_and_numbers_restart(client, pw):
    client.force_login(pw.party_officer_a)
    client.post(
        reverse("party:term_create") + f"?commune={pw.a.pk}",
        {
            "name": "2025–2030",
            "congress_ordinal": 1,
            "congress_date": "2025-09-24",
            "start_date": "2025-09-26",
            "committee_size": 7,
            "standing_size": 3,
        },
    )
    assert BodyTerm.objects.get().name == "2025–2030"
    page = client.get(reverse("party:terms"), {"commune": pw.a.pk}).content.decode()
    assert "Đại hội Đảng bộ lần thứ 1" in page and "Nguyễn Văn Hùng" in page


def test_the_cells_screen_sets_a_type(client, pw):
    client.force_login(pw.party_officer_a)
    client.post(reverse("party:cell_type", args=[pw.cell_a1.pk]), {"cell_type": "enterprise"})
    page = client.get(reverse("party:cells"), {"commune": pw.a.pk}).content.decode()
    assert "1 chi bộ doanh nghiệp" in page


def test_only_a_system_administrator_edits_nationwide_rules(client, pw):
    client.force_login(pw.party_officer_a)
    assert client.get(reverse("party:rulebook")).status_code == 200
    assert client.get(reverse("party:rule_create")).status_code == 403
    client.force_login(pw.root)
    response = client.post(
        reverse("party:rule_create"),
        {
            "kind": "excellent_cap",
            "value": "15",
            "effective_from": "2026-01-01",
            "citation_document": "Hướng dẫn mới",
            "unverified": "on",
        },
    )
    assert response.status_code == 302


def test_the_member_list_keeps_its_query_count(client, pw, django_assert_max_num_queries):
    client.force_login(pw.party_officer_a)
    url = reverse("party:members")
    member(pw, "Một")
    client.get(url, {"commune": pw.a.pk})
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url, {"commune": pw.a.pk})
    for i in range(8):
        member(pw, f"Thêm {i}")
    with CaptureQueriesContext(connection) as large:
        client.get(url, {"commune": pw.a.pk})
    assert len(small.captured_queries) == len(large.captured_queries)


def test_the_ratings_and_admissions_pages_keep_their_query_count(client, pw):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(pw.party_officer_a)

    def counts():
        found = []
        for name, extra in (
            ("party:ratings", {"year": 2025, "cell": pw.cell_a1.pk}),
            ("party:admissions", {}),
            ("party:index", {}),
        ):
            with CaptureQueriesContext(connection) as captured:
                client.get(reverse(name), {"commune": pw.a.pk, **extra})
            found.append(len(captured.captured_queries))
        return found

    record = member(pw, "Một")
    services.rating_self_assess(
        subject=Subject.MEMBER, year=2025, member=record, points=80, by=pw.root
    )
    candidate(pw, "Ứng Viên Một")
    small = counts()
    for i in range(6):
        record = member(pw, f"Thêm {i}")
        services.rating_self_assess(
            subject=Subject.MEMBER, year=2025, member=record, points=80, by=pw.root
        )
        candidate(pw, f"Ứng Viên {i + 2}")
    assert counts() == small
