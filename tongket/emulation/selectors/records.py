"""Reads of the awards recorded by count: the list a user may see, one record, and how the
statistics and the article say them ("Đảng bộ, chính quyền phường khen thưởng 14 tập thể,
97 cá nhân.", "Phường Hòa Bình được UBND tỉnh tặng bằng khen.")."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from tongket.lib.numbers import format_number
from tongket.units import access
from tongket.units.models import Unit, User

from ..choices import RecordBody
from ..models import AwardRecord
from .common import kind_word

BY_COUNT = "ghi theo số lượng"

# The order in which an article names who awarded what: the joint body first, then the
# party, then the state.
RECORD_BODY_ORDER = [
    RecordBody.JOINT,
    RecordBody.PARTY_COMMITTEE,
    RecordBody.PEOPLE_COMMITTEE,
    RecordBody.CHAIRMAN,
    RecordBody.PROVINCE_PARTY,
    RecordBody.PROVINCE_PEOPLE_COMMITTEE,
    RecordBody.PROVINCE_CHAIRMAN,
    RecordBody.DISTRICT,
    RecordBody.OTHER,
]


def records_list(user: User, year: int | None = None) -> QuerySet[AwardRecord]:
    listing = access.restrict(
        AwardRecord.objects.select_related("commune", "award_kind").annotate(
            named=Count("recipients")
        ),
        user,
    )
    if year:
        listing = listing.filter(year=year)
    return listing.order_by("-year", "signed_on", "pk")


def get_record_for(user: User, pk, action: str = "view") -> AwardRecord:
    return access.get_for(
        AwardRecord.objects.select_related("commune", "award_kind"), user, pk, action
    )


def record_body_label(record: AwardRecord, unit: Unit | None) -> str:
    """ "Đảng bộ, chính quyền phường", "UBND tỉnh", or the name typed for another body."""
    if record.body == RecordBody.OTHER:
        return record.body_name.strip()
    return record.style["label"].format(kind=kind_word(record.commune or unit))


def record_counts(record: AwardRecord) -> str:
    """ "14 tập thể, 97 cá nhân", or in party words "5 chi bộ, 14 đảng viên"."""
    words = ("chi bộ", "đảng viên", "hộ gia đình") if record.is_party else None
    return counts_words(record.collectives, record.individuals, record.households, words)


def counts_words(collectives: int, individuals: int, households: int, words=None) -> str:
    words = words or ("tập thể", "cá nhân", "hộ gia đình")
    return ", ".join(
        f"{format_number(count)} {word}"
        for count, word in zip((collectives, individuals, households), words, strict=True)
        if count
    )


def _what(record: AwardRecord) -> str:
    """ "tặng bằng khen", "công nhận danh hiệu “Lao động tiên tiến”", "trao giấy khen"."""
    if record.is_title:
        return f"công nhận danh hiệu “{record.form_phrase}”"
    if record.is_party:
        return f"trao {record.form_phrase}"
    return f"tặng {record.form_phrase}"


def _given_sentence(record: AwardRecord, unit: Unit | None) -> str:
    label = record_body_label(record, unit)
    counts = record_counts(record)
    reason = f" {record.reason.strip().rstrip('.')}" if record.reason.strip() else ""
    if record.body == RecordBody.JOINT:
        return f"{label} khen thưởng {counts}{reason}."
    return f"{label} {_what(record)} cho {counts}{reason}."


def _received_sentence(record: AwardRecord, unit: Unit | None) -> str:
    label = record_body_label(record, unit)
    commune = record.commune or unit
    reason = f" vì {record.reason.strip().rstrip('.')}" if record.reason.strip() else ""
    parts = []
    if record.commune_itself:
        parts.append(f"{commune.name} được {label} {_what(record)}{reason}")
    counts = record_counts(record)
    if counts:
        whose = f" của {kind_word(commune)}" if record.commune_itself is False else ""
        parts.append(f"{counts}{whose} được {label} {_what(record)}")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def record_sentences(records: list[AwardRecord], unit: Unit | None) -> list[str]:
    """Each record as an article says it, the joint body first, then the party, the state,
    the levels above."""
    ordered = sorted(records, key=lambda r: (RECORD_BODY_ORDER.index(r.body), r.signed_on, r.pk))
    return [
        _received_sentence(record, unit) if record.is_received else _given_sentence(record, unit)
        for record in ordered
    ]
