"""Builders for conference tests, through the real services."""

from __future__ import annotations

import datetime
import io

from PIL import Image

from tongket.conferences import services
from tongket.units import services as unit_services

CONFERENCE_DAY = datetime.date(2026, 1, 9)


def png_bytes(size=(64, 48), colour="navy", image_format="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=image_format)
    return buffer.getvalue()


def official(world, name: str, title: str, unit=None, start=datetime.date(2021, 6, 1), end=None):
    unit = unit or world.province
    person = unit_services.person_create(full_name=name, unit=unit, by=world.root)
    position = unit_services.position_create(
        person=person, unit=unit, title=title, start_date=start, by=world.root
    )
    if end:
        unit_services.position_end(position=position, end_date=end, by=world.root)
    return person


def make_conference(world, *, by=None, unit=None, **fields):
    values = {
        "year": 2025,
        "date": CONFERENCE_DAY,
        "start_time": datetime.time(8, 0),
        "venue": "Hội trường UBND phường",
        "kind": "year_review",
        "organisers": "both",
    }
    values.update(fields)
    return services.conference_create(unit=unit or world.a, by=by or world.officer_a, **values)
