"""Home is a work list computed from the data: the registry every app's provider joins, the
home page and the menu's count, and the same list by e-mail (off unless asked for)."""

from __future__ import annotations

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from tongket.targets import services as target_services
from tongket.units import worklist
from tongket.units.worklist import WorkItem

YEAR = 2025


def test_every_app_with_work_to_hand_out_registers_its_provider():
    modules = {func.__module__ for func in worklist.providers()}
    assert modules == {
        "tongket.targets.worklist",
        "tongket.emulation.worklist",
        "tongket.petitions.worklist",
        "tongket.party.worklist",
    }


def test_late_items_come_first_then_by_deadline():
    day = datetime.date(2025, 5, 1)
    items = [
        WorkItem("c", "/c/", "B"),
        WorkItem("b", "/b/", "A", due=day),
        WorkItem("a", "/a/", "A", due=day - datetime.timedelta(days=9), late=True),
    ]
    assert [item.text for item in sorted(items, key=lambda i: i.sort_key)] == ["a", "b", "c"]


def _late_deadline(world):
    from tongket.targets import services

    services.indicator_create(
        owner=world.province,
        code="VH10",
        year=YEAR,
        name="Tổng số hộ gia đình",
        group="culture_society",
        reporting_kinds="residential_group",
        by=world.province_officer,
    )
    target_services.deadline_set(
        unit=world.province,
        year=YEAR,
        period="year",
        due=datetime.date(YEAR, 1, 20),
        by=world.province_officer,
    )


def test_home_lists_the_work_with_links_and_the_menu_counts_it(world, login):
    empty = login(world.officer_b).get(reverse("home")).content.decode()
    assert "Không có việc nào đang chờ bạn." in empty
    assert 'badge rounded-pill text-bg-danger">' not in empty.split('id="nav-work"', 1)[1][:200]
    _late_deadline(world)
    page = login(world.reporter_a1).get(reverse("home")).content.decode()
    grid = reverse("targets:grid", args=[world.group_a1.pk])
    assert "Tổ dân phố số 1: 0/1 chỉ tiêu đã nhập, cả năm 2025, hạn 20/01/2025" in page
    assert f'href="{grid}?year=2025&amp;period=year"' in page
    assert 'id="nav-work"' in page
    nav = page.split('id="nav-work"', 1)[1].split("</a>", 1)[0]
    assert ">1<" in nav


def test_other_pages_show_the_count_kept_from_the_last_computation_home_refreshes_it(
    world, login, django_assert_max_num_queries, settings
):
    """The menu of every page shows the count; only home computes the list. Between two
    computations the count is kept WORKLIST_BADGE_SECONDS, so a page does not pay for it."""
    from tongket.units import worklist

    settings.WORKLIST_BADGE_SECONDS = 60

    def badge(html):
        return html.split('id="nav-work"', 1)[1].split("</a>", 1)[0]

    client = login(world.reporter_a1)
    assert ">1<" not in badge(client.get(reverse("units:tree")).content.decode())
    _late_deadline(world)
    kept = client.get(reverse("units:tree")).content.decode()
    assert ">1<" not in badge(kept)  # the count kept from before
    assert ">1<" in badge(client.get(reverse("home")).content.decode())  # home computes
    assert ">1<" in badge(client.get(reverse("units:tree")).content.decode())  # and keeps it
    worklist.forget(world.reporter_a1)
    with django_assert_max_num_queries(40):
        client.get(reverse("units:tree"))


def test_the_work_list_by_email_is_off_unless_asked_for(world, settings):
    _late_deadline(world)
    world.reporter_a1.email = "bao@example.vn"
    world.reporter_a1.save()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.WORKLIST_EMAIL = False
    out = StringIO()
    call_command("send_worklists", stdout=out)
    assert mail.outbox == [] and "Chưa bật" in out.getvalue()
    settings.WORKLIST_EMAIL = True
    call_command("send_worklists", "--base-url", "https://tongket.example.vn/", stdout=out)
    # the reporter and the superuser (root@example.vn, who sees the late communes)
    assert sorted(m.to[0] for m in mail.outbox) == ["bao@example.vn", "root@example.vn"]
    message = next(m for m in mail.outbox if m.to == ["bao@example.vn"])
    assert message.subject.startswith("tongket: 1 việc cần làm ngày ")
    assert "Tổ dân phố số 1: 0/1 chỉ tiêu đã nhập" in message.body
    grid = reverse("targets:grid", args=[world.group_a1.pk])
    assert f"https://tongket.example.vn{grid}?year=2025&period=year" in message.body


def test_no_mail_for_an_empty_list_or_an_account_without_address(world, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    world.officer_b.email = "be@example.vn"
    world.officer_b.save()
    assert not worklist.mail_work_items(world.officer_b)
    _late_deadline(world)
    assert not worklist.mail_work_items(world.reporter_a1)
    assert mail.outbox == []
