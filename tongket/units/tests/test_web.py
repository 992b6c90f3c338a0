"""The view steps every app shares (units/web.py): refusals shown as messages the same way
whatever they come from, and the year read from the query string under its old name too."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from tongket.units.web import run_action, show_errors, year_param


def _request(query: dict | None = None):
    request = RequestFactory().get("/", query or {})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _texts(request) -> list[str]:
    return [str(message) for message in get_messages(request)]


class _Form(forms.Form):
    name = forms.CharField()
    year = forms.IntegerField()


def test_a_form_refusal_a_service_refusal_and_a_list_read_the_same():
    form = _Form({"name": "", "year": "x"})
    assert not form.is_valid()
    from_form = _request()
    show_errors(from_form, form.errors)
    assert len(_texts(from_form)) == 2

    from_service = _request()
    show_errors(from_service, ValidationError({"value": ["Giá trị quá lớn."], "note": ["Dài."]}))
    assert _texts(from_service) == ["Giá trị quá lớn.", "Dài."]

    from_list = _request()
    show_errors(from_list, ["Dòng 2: sai.", "Dòng 3: sai."], heading="Chưa lưu gì:", limit=1)
    assert _texts(from_list) == ["Chưa lưu gì:", "Dòng 2: sai."]


def test_a_refused_button_shows_every_message_and_returns_none():
    request = _request()

    def refuse():
        raise ValidationError(["Một.", "Hai."])

    assert run_action(request, refuse, "Đã lưu.") is None
    assert _texts(request) == ["Một.", "Hai."]


@pytest.mark.parametrize(
    ("query", "year"),
    [
        ({"year": "2025"}, 2025),
        ({"nam": "2024"}, 2024),
        ({"year": "2025", "nam": "2024"}, 2025),
        ({"year": "", "nam": "2024"}, 2024),
        ({"year": "hai"}, None),
        ({"nam": "1800"}, None),
        ({}, None),
    ],
)
def test_the_year_is_read_under_its_name_and_under_the_old_nam(query, year):
    assert year_param(_request(query)) == year
