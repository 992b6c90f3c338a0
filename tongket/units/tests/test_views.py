import pytest
from django.urls import reverse

from tongket.units import services
from tongket.units.choices import Role, UnitKind
from tongket.units.models import AuditEntry, Person, RoleGrant, Unit, User


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(reverse("units:tree"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_login_with_wrong_password_shows_vietnamese_message(client, world):
    response = client.post(reverse("login"), {"username": "canbo_a", "password": "sai"})
    assert "không đúng" in response.content.decode()


def test_login_and_logout(client, world):
    response = client.post(reverse("login"), {"username": "canbo_a", "password": world.password})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_home_lists_the_users_scope(login, world):
    body = login(world.officer_a).get(reverse("home")).content.decode()
    assert "Phường Hòa Bình" in body and "Cán bộ" in body


def test_tree_shows_only_the_users_scope(login, world):
    body = login(world.officer_a).get(reverse("units:tree")).content.decode()
    assert "Phường Hòa Bình" in body and "Tổ dân phố số 1" in body
    assert "Phường Đậu Liêu" not in body


def test_search_ignores_diacritics(login, world):
    body = login(world.province_officer).get(reverse("units:tree"), {"q": "dau lieu"})
    assert "Phường Đậu Liêu" in body.content.decode()


def test_search_never_reaches_outside_scope(login, world):
    body = login(world.officer_a).get(reverse("units:tree"), {"q": "dau lieu"}).content.decode()
    assert "Phường Đậu Liêu" not in body
    assert "Không tìm thấy" in body


def test_unit_page_allowed(login, world):
    body = login(world.officer_a).get(reverse("units:detail", args=[world.a.pk])).content
    assert "Tổ dân phố số 2" in body.decode()


@pytest.mark.parametrize(
    ("persona", "unit"),
    [("officer_a", "b"), ("reporter_a1", "group_a2"), ("reporter_a1", "a"), ("officer_b", "a")],
)
def test_unit_page_outside_scope_is_404(login, world, persona, unit):
    client = login(getattr(world, persona))
    response = client.get(reverse("units:detail", args=[getattr(world, unit).pk]))
    assert response.status_code == 404


def test_unknown_unit_id_is_404(login, world):
    assert login(world.root).get("/don-vi/999999/").status_code == 404


def test_people_list_allowed_and_searchable_without_diacritics(login, world):
    body = login(world.officer_a).get(reverse("units:people"), {"q": "tran thi can"}).content
    assert "Trần Thị Cán" in body.decode()


def test_people_list_hides_people_outside_scope(login, world):
    body = login(world.officer_a).get(reverse("units:people")).content.decode()
    assert "Hoàng Văn Bê" not in body


def test_people_filtered_by_a_unit_outside_scope_is_404(login, world):
    response = login(world.officer_a).get(reverse("units:people"), {"unit": world.b.pk})
    assert response.status_code == 404


def test_person_page_allowed_and_forbidden(login, world):
    person = world.officer_b.person
    assert login(world.officer_b).get(reverse("units:person", args=[person.pk])).status_code == 200
    assert login(world.officer_a).get(reverse("units:person", args=[person.pk])).status_code == 404


def test_admin_home_allowed_for_admin_forbidden_for_officer(login, world):
    assert login(world.admin_a).get(reverse("units:admin_home")).status_code == 200
    assert login(world.officer_a).get(reverse("units:admin_home")).status_code == 403


def test_admin_creates_a_subunit(login, world):
    client = login(world.admin_a)
    response = client.post(
        reverse("units:unit_create"),
        {
            "code": "P-A-T3",
            "name": "Tổ dân phố số 3",
            "kind": UnitKind.RESIDENTIAL_GROUP,
            "parent": world.a.pk,
        },
    )
    assert response.status_code == 302
    assert Unit.objects.get(code="P-A-T3").parent == world.a


def test_unit_form_with_duplicate_code_shows_message_and_saves_nothing(login, world):
    client = login(world.admin_a)
    before = Unit.objects.count()
    response = client.post(
        reverse("units:unit_create"),
        {
            "code": "P-A-T1",
            "name": "Trùng mã",
            "kind": UnitKind.RESIDENTIAL_GROUP,
            "parent": world.a.pk,
        },
    )
    assert response.status_code == 200
    assert "đã được dùng" in response.content.decode()
    assert Unit.objects.count() == before


def test_unit_form_with_a_parent_outside_scope_is_refused(login, world):
    client = login(world.admin_a)
    response = client.post(
        reverse("units:unit_create"),
        {
            "code": "X9",
            "name": "Tổ lạ",
            "kind": UnitKind.RESIDENTIAL_GROUP,
            "parent": world.b.pk,
        },
    )
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not Unit.objects.filter(code="X9").exists()


def test_unit_form_malformed_input_shows_field_errors(login, world):
    client = login(world.admin_a)
    response = client.post(
        reverse("units:unit_create"),
        {
            "code": "",
            "name": "",
            "kind": "planet",
            "parent": "abc",
            "valid_from": "31/02/2025",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "bắt buộc" in body


def test_unit_edit_loop_is_refused_with_message(login, world):
    client = login(world.admin_a)
    response = client.post(
        reverse("units:unit_edit", args=[world.group_a1.pk]),
        {
            "code": "P-A-T1",
            "name": "Tổ dân phố số 1",
            "kind": UnitKind.RESIDENTIAL_GROUP,
            "parent": world.group_a1.pk,
        },
    )
    assert response.status_code == 200
    world.group_a1.refresh_from_db()
    assert world.group_a1.parent == world.a


def test_unit_edit_forbidden_for_officer_and_404_outside_scope(login, world):
    assert (
        login(world.officer_a).get(reverse("units:unit_edit", args=[world.a.pk])).status_code == 403
    )
    assert (
        login(world.admin_a).get(reverse("units:unit_edit", args=[world.b.pk])).status_code == 404
    )


def test_officer_adds_a_person_and_a_position(login, world):
    client = login(world.officer_a)
    response = client.post(
        reverse("units:person_create"), {"full_name": "Đinh Văn Mới", "unit": world.group_a1.pk}
    )
    person = Person.objects.get(full_name="Đinh Văn Mới")
    assert response.status_code == 302
    response = client.post(
        reverse("units:position_create", args=[person.pk]),
        {"unit": world.group_a1.pk, "title": "Tổ phó", "start_date": "2025-07-01"},
    )
    assert response.status_code == 302
    assert person.positions.get().title == "Tổ phó"


def test_reporter_cannot_add_people(login, world):
    assert login(world.reporter_a1).get(reverse("units:person_create")).status_code == 403


def test_person_edit_forbidden_outside_scope(login, world):
    person = world.officer_b.person
    response = login(world.officer_a).post(
        reverse("units:person_edit", args=[person.pk]),
        {"full_name": "Đổi tên", "unit": world.a.pk},
    )
    assert response.status_code == 404
    person.refresh_from_db()
    assert person.full_name == "Hoàng Văn Bê"


def test_person_edit_to_unit_outside_scope_is_refused(login, world):
    person = world.officer_a.person
    response = login(world.officer_a).post(
        reverse("units:person_edit", args=[person.pk]),
        {"full_name": person.full_name, "unit": world.b.pk},
    )
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.unit == world.a


def test_admin_creates_account_and_grants_role(login, world):
    client = login(world.admin_a)
    person = services.person_create(full_name="Kiều Thị Mới", unit=world.a, by=world.admin_a)
    response = client.post(
        reverse("units:account_create"),
        {
            "username": "kieu",
            "password": "Mat-khau-rat-manh-2026",
            "unit": world.a.pk,
            "person": person.pk,
        },
    )
    account = User.objects.get(username="kieu")
    assert response.status_code == 302
    response = client.post(
        reverse("units:account", args=[account.pk]),
        {"form": "grant", "g-unit": world.group_a2.pk, "g-role": Role.REPORTER},
    )
    assert response.status_code == 302
    assert RoleGrant.objects.filter(user=account, unit=world.group_a2, role=Role.REPORTER).exists()


def test_accounts_forbidden_for_leader(login, world):
    assert login(world.leader_a).get(reverse("units:accounts")).status_code == 403


def test_account_of_other_commune_is_404_for_admin(login, world):
    assert (
        login(world.admin_a).get(reverse("units:account", args=[world.officer_b.pk])).status_code
        == 404
    )


def test_revoking_a_grant_outside_scope_is_404(login, world):
    grant = RoleGrant.objects.get(user=world.officer_b)
    response = login(world.admin_a).post(reverse("units:grant_revoke", args=[grant.pk]))
    assert response.status_code == 404
    assert RoleGrant.objects.filter(pk=grant.pk).exists()


def test_revoking_a_grant_in_scope(login, world):
    grant = RoleGrant.objects.get(user=world.reporter_a1)
    response = login(world.admin_a).post(reverse("units:grant_revoke", args=[grant.pk]))
    assert response.status_code == 302
    assert not RoleGrant.objects.filter(pk=grant.pk).exists()
    assert AuditEntry.objects.filter(model="units.rolegrant", action="delete").exists()


def test_audit_log_readable_by_leader_within_scope(login, world):
    services.person_create(full_name="Người B", unit=world.b, by=world.officer_b)
    body = login(world.leader_a).get(reverse("units:audit")).content.decode()
    assert "Tổ dân phố số 1" in body
    assert "Người B" not in body


def test_audit_log_forbidden_for_officer_and_reporter(login, world):
    assert login(world.officer_a).get(reverse("units:audit")).status_code == 403
    assert login(world.reporter_a1).get(reverse("units:audit")).status_code == 403


def test_password_change_is_audited(login, world):
    client = login(world.officer_a)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": world.password,
            "new_password1": "Mat-khau-moi-2026!",
            "new_password2": "Mat-khau-moi-2026!",
        },
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(verb="change_password", actor=world.officer_a).exists()


def _grow_tree(world, extra: int) -> None:
    for i in range(extra):
        services.unit_create(
            code=f"G{i}",
            name=f"Tổ dân phố mở rộng {i}",
            kind=UnitKind.RESIDENTIAL_GROUP,
            parent=world.a,
            by=world.root,
        )
        services.person_create(full_name=f"Người số {i}", unit=world.a, by=world.root)


@pytest.mark.parametrize("url_name", ["units:tree", "units:people"])
def test_queries_per_page_do_not_grow_with_data(
    login, world, django_assert_max_num_queries, url_name
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(world.officer_a)
    client.get(reverse(url_name))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse(url_name))
    _grow_tree(world, 30)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse(url_name))
    assert len(large) == len(small)


def test_unit_page_queries_do_not_grow_with_children(login, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(world.officer_a)
    url = reverse("units:detail", args=[world.a.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _grow_tree(world, 30)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


def test_a_write_that_loses_a_race_gets_a_409_in_vietnamese_not_a_500(login, world, monkeypatch):
    from django.db import IntegrityError

    def racing_create(**kwargs):
        raise IntegrityError("UNIQUE constraint failed: units_unit.code")

    monkeypatch.setattr(services, "unit_create", racing_create)
    client = login(world.admin_a)
    response = client.post(
        reverse("units:unit_create"),
        {
            "code": "P-A-T9",
            "name": "Tổ dân phố số 9",
            "kind": UnitKind.RESIDENTIAL_GROUP,
            "parent": world.a.pk,
        },
    )
    assert response.status_code == 409
    assert "người khác thay đổi cùng lúc" in response.content.decode()
    json_response = client.post(
        reverse("units:unit_create"),
        {
            "code": "P-A-T9",
            "name": "Tổ dân phố số 9",
            "kind": UnitKind.RESIDENTIAL_GROUP,
            "parent": world.a.pk,
        },
        HTTP_ACCEPT="application/json",
    )
    assert json_response.status_code == 409
    assert "người khác" in json_response.json()["detail"]
