"""The edge: paths, query strings and form bodies that cannot be stored are refused with a
Vietnamese 400 before any view runs; form fields refuse control characters (and line breaks
in single-line fields); services refuse them whatever called them."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tongket.units import services
from tongket.units.forms import PersonForm
from tongket.units.models import AuditEntry, Person, Unit


def _multipart(fields: dict[str, bytes]) -> bytes:
    lines = []
    for name, value in fields.items():
        lines += [
            b"--BoUnDaRy",
            f'Content-Disposition: form-data; name="{name}"'.encode(),
            b"",
            value,
        ]
    return b"\r\n".join([*lines, b"--BoUnDaRy--", b""])


# Paths and query strings ------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/cong/%00/", "/cong/%01x/tin/1/", "/don-vi/%0A/"])
def test_a_control_character_in_a_path_is_a_400_page_in_vietnamese(client, world, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "ký tự điều khiển" in response.content.decode()
    assert response["Content-Type"].startswith("text/html")


def test_a_nul_in_a_search_query_is_a_400_page(login, world):
    response = login(world.officer_a).get("/don-vi/?q=%00")
    assert response.status_code == 400
    assert "U+0000" in response.content.decode()


def test_a_nul_in_an_api_query_is_a_400_in_json(login, world):
    response = login(world.officer_a).get("/api/v1/units/?q=%00")
    assert response.status_code == 400
    assert "U+0000" in response.json()["detail"]


@pytest.mark.parametrize("url", ["/don-vi/?q=H%E0a", "/api/v1/units/?q=%C3", "/cong/?%FF=1"])
def test_invalid_utf8_in_a_query_is_refused_not_replaced(login, world, url):
    response = login(world.officer_a).get(url)
    assert response.status_code == 400
    assert "UTF-8" in response.content.decode()


def test_invalid_utf8_in_a_path_is_an_unknown_address(client, world):
    response = client.get("/cong/%FF/")
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()


def test_valid_vietnamese_queries_still_pass(login, world):
    client = login(world.officer_a)
    assert client.get("/don-vi/?q=%C4%91%E1%BA%ADu+li%C3%AAu").status_code == 200
    assert client.get("/api/v1/units/?q=hoa%20binh").status_code == 200


# Form bodies --------------------------------------------------------------------------------


def test_invalid_utf8_in_a_posted_form_is_refused_and_nothing_saved(login, world):
    client = login(world.officer_a)
    before = Person.objects.count()
    response = client.post(
        reverse("units:person_create"),
        f"full_name=Nguy%E1n&unit={world.a.pk}".encode(),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "UTF-8" in response.content.decode()
    assert Person.objects.count() == before


def test_invalid_utf8_in_a_multipart_form_is_refused_not_stored_as_replacement(login, world):
    client = login(world.officer_a)
    before = Person.objects.count()
    body = _multipart({"full_name": b"Nguy\xe1n V\xe3n", "unit": str(world.a.pk).encode()})
    response = client.generic(
        "POST",
        reverse("units:person_create"),
        body,
        content_type="multipart/form-data; boundary=BoUnDaRy",
    )
    assert response.status_code == 200
    assert "U+FFFD" in response.content.decode()
    assert Person.objects.count() == before


def test_a_nul_in_a_form_field_is_refused_with_a_message(login, world):
    client = login(world.officer_a)
    before = Person.objects.count()
    response = client.post(
        reverse("units:person_create"), {"full_name": "Lê\x00Văn", "unit": world.a.pk}
    )
    assert response.status_code == 200
    assert "U+0000" in response.content.decode()
    assert Person.objects.count() == before


def test_a_single_line_field_refuses_a_line_break_a_long_text_keeps_it(world):
    units = Unit.objects.all()
    single = PersonForm({"full_name": "Lê\nVăn", "unit": world.a.pk}, units=units)
    assert not single.is_valid()
    assert "một dòng" in single.errors["full_name"][0]
    long_text = PersonForm(
        {"full_name": "Lê Văn", "unit": world.a.pk, "note": "Dòng 1\r\nDòng 2\tx"}, units=units
    )
    assert long_text.is_valid(), long_text.errors
    bell = PersonForm({"full_name": "Lê Văn", "unit": world.a.pk, "note": "a\x07"}, units=units)
    assert not bell.is_valid()
    assert "U+0007" in bell.errors["note"][0]


def test_every_styled_form_gets_the_check_on_every_text_field():
    """Each form class of every app: a NUL in any of its text fields is an error on it."""
    from django import forms

    from tongket.units.forms import StyledForm

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    checked = 0
    for form_class in set(subclasses(StyledForm)):
        for name, field in form_class.base_fields.items():
            if not isinstance(field, forms.CharField):
                continue
            instance = form_class.__new__(form_class)
            StyledForm.__init__(instance)
            field = instance.fields[name]
            with pytest.raises(ValidationError):
                field.run_validators("a\x00b")
            checked += 1
    assert checked > 20


# Services: the net under every caller -------------------------------------------------------


def test_a_service_refuses_a_control_character_whatever_called_it(world):
    before = AuditEntry.objects.count()
    people, units = Person.objects.count(), Unit.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.person_create(full_name="Lê\x00Văn", unit=world.a, by=world.officer_a)
    assert "full_name" in refused.value.message_dict
    with pytest.raises(ValidationError):
        services.unit_create(
            code="X\n1", name="Tổ mới", kind="residential_group", parent=world.a, by=world.root
        )
    assert AuditEntry.objects.count() == before
    assert (Person.objects.count(), Unit.objects.count()) == (people, units)


def test_a_service_keeps_line_breaks_in_long_texts(world):
    person = services.person_create(
        full_name="Lê Văn", unit=world.a, by=world.officer_a, note="Dòng 1\nDòng 2"
    )
    assert person.note == "Dòng 1\nDòng 2"
