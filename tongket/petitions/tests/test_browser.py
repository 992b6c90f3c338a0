"""The round followed on screens, from the commune to the province and back to the portal:
the commune's officer records a session and a recommendation and sends it up; the province's
officer gives it to a department and answers; the commune's officer closes it; a leader
publishes the answer and anyone reads it on the portal, the name hidden."""

from __future__ import annotations

import pytest

from tongket.petitions.models import Recommendation

from .builders import make_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_a_session_to_the_published_answer(world, people, plan, browser_login):
    session = make_session(world, plan, world.group_a1, held=False)

    page = browser_login(world.officer_a)
    page.goto(f"/kien-nghi/buoi/{session.pk}/")
    page.fill("#id_report_summary", "Tổ dân phố hoàn thành các chỉ tiêu năm 2025.")
    page.click("#record-form button[type=submit]")
    page.wait_for_selector("#item-form")
    page.fill("#id_text", "Ông Hoàng Văn Tư đề nghị tỉnh nâng cấp đường tỉnh lộ 5 qua tổ dân phố.")
    page.select_option("#id_field", "urban")
    page.select_option("#id_competence", "province")
    page.fill("#id_person_name", "Hoàng Văn Tư")
    page.click("#item-form button[type=submit]")
    page.wait_for_selector("#session-items a")
    item = Recommendation.objects.get()
    page.goto("/kien-nghi/chuyen-len/")
    page.check(f"#id_send_{item.pk}")
    page.click("#forward-form button[type=submit]")
    page.wait_for_url("**/kien-nghi/bao-cao/**")

    page = browser_login(world.province_officer)
    page.goto("/kien-nghi/tinh/")
    page.click("#forwarded a")
    page.select_option("#id_department", str(people.department.pk))
    page.click("#department-form button[type=submit]")
    page.wait_for_selector(".alert-success")
    assert "Sở Xây dựng" in page.inner_text("#department")
    page.fill("#id_answer", "Sở Xây dựng đưa tuyến đường vào kế hoạch đầu tư năm 2026.")
    page.click("#answer-form button[type=submit]")
    page.wait_for_selector(".alert-success")

    page = browser_login(world.officer_a)
    page.goto(f"/kien-nghi/{item.pk}/")
    page.click("#close-form button[type=submit]")
    page.wait_for_selector("#item-answer")
    assert "kế hoạch đầu tư năm 2026" in page.inner_text("#item-answer")

    page = browser_login(world.leader_a)
    page.goto(f"/kien-nghi/{item.pk}/")
    page.click("#publish-button")
    page.wait_for_selector(".alert-success")

    page.goto(f"/cong/{world.a.code}/tra-loi-kien-nghi/")
    text = page.inner_text(".published-answer")
    assert "kế hoạch đầu tư năm 2026" in text
    assert "Hoàng Văn Tư" not in text and "(đã ẩn tên)" in text
