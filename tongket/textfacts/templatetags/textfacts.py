"""Fields of the review forms written straight to HTML: a 20-page report proposes hundreds
of facts, and Django's widget templates would take seconds to draw them. Each tag writes a
label, the control and the field's errors, escaped by format_html."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _errors(field) -> SafeString:
    return format_html_join("", '<div class="field-error">{}</div>', ((e,) for e in field.errors))


def _value(field) -> str:
    value = field.value()
    return "" if value is None else str(value)


@register.simple_tag
def fact_input(form, name: str, kind: str = "text", datalist: str = "") -> SafeString:
    if name not in form.fields:
        return mark_safe("")
    field = form[name]
    extra = format_html(' list="{}"', datalist) if datalist else ""
    mode = mark_safe(' inputmode="decimal" autocomplete="off"') if kind == "number" else ""
    return format_html(
        '<div class="textfacts-field"><label class="form-label small mb-0" for="{}">{}</label>'
        '<input class="form-control form-control-sm{}" type="{}" name="{}" id="{}" value="{}"'
        "{}{}>{}</div>",
        field.auto_id,
        field.label,
        " is-invalid" if field.errors else "",
        "date" if kind == "date" else "text",
        field.html_name,
        field.auto_id,
        _value(field),
        extra,
        mode,
        _errors(field),
    )


@register.simple_tag
def fact_select(form, name: str) -> SafeString:
    field = form[name]
    current = _value(field)
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, " selected" if str(value) == current else "", label)
            for value, label in field.field.choices
        ),
    )
    return format_html(
        '<div class="textfacts-field"><label class="form-label small mb-0" for="{}">{}</label>'
        '<select class="form-select form-select-sm" name="{}" id="{}">{}</select>{}</div>',
        field.auto_id,
        field.label,
        field.html_name,
        field.auto_id,
        options,
        _errors(field),
    )


@register.simple_tag
def fact_decision(form) -> SafeString:
    field = form["decision"]
    current = _value(field)
    radios = format_html_join(
        "",
        '<label class="me-2"><input class="form-check-input" type="radio" name="{}" value="{}"{}>'
        " {}</label>",
        (
            (field.html_name, value, " checked" if value == current else "", label)
            for value, label in field.field.choices
        ),
    )
    return format_html(
        '<fieldset class="textfacts-decision"><legend class="form-label small mb-0">{}</legend>'
        "{}{}</fieldset>",
        field.label,
        radios,
        _errors(field),
    )


@register.simple_tag
def fact_checkbox(form, name: str) -> SafeString:
    if name not in form.fields:
        return mark_safe("")
    field = form[name]
    return format_html(
        '<div class="form-check"><input class="form-check-input" type="checkbox" name="{}" '
        'id="{}"{}> <label class="form-check-label small" for="{}">{}</label></div>',
        field.html_name,
        field.auto_id,
        " checked" if field.value() else "",
        field.auto_id,
        field.label,
    )
