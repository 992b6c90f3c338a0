"""Every write of the emulation module. Each service checks the caller's right through the
access layer, validates against the rulebook, saves through the audit helpers and runs in one
transaction: a ValidationError leaves nothing saved."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.lib.numbers import format_number
from tongket.lib.text import fold
from tongket.lib.xlsx import Column, read_xlsx
from tongket.units import access, audit
from tongket.units.choices import COMMUNE_KINDS, Action
from tongket.units.models import Person, Unit, User

from .choices import (
    BODY_STYLE,
    AwardingBody,
    ClusterKind,
    NominationState,
    Recipient,
    RuleKind,
)
from .eligibility import cap_check, judge
from .models import (
    Award,
    AwardDecision,
    AwardKind,
    Ballot,
    Cluster,
    CouncilMember,
    CouncilSession,
    Evidence,
    Movement,
    Nomination,
    PastAward,
    Pledge,
    PledgeCriterion,
    PledgeScore,
    PledgeSignature,
    Registration,
    Rule,
)
from .rules import Rulebook

EVIDENCE_MAX_BYTES = 5 * 1024 * 1024
# Accepted evidence files: extension → the bytes such a file starts with.
EVIDENCE_TYPES = {
    "pdf": (b"%PDF",),
    "png": (b"\x89PNG",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
}


# Helpers --------------------------------------------------------------------------------------


def commune_of(unit: Unit) -> Unit:
    """The commune (xã, phường, đặc khu) a unit belongs to."""
    if unit.kind in COMMUNE_KINDS:
        return unit
    commune = (
        Unit.objects.filter(pk__in=unit.ancestor_ids, kind__in=COMMUNE_KINDS)
        .order_by("-depth")
        .first()
    )
    if commune is None:
        raise ValidationError(_("%(unit)s không thuộc xã, phường nào.") % {"unit": unit.name})
    return commune


def _require_superuser_or_admin(by: User, unit: Unit | None) -> None:
    if unit is None:
        if not access.is_superuser(by):
            raise PermissionDenied(
                _("Chỉ quản trị hệ thống mới sửa được quy định áp dụng toàn quốc.")
            )
        return
    access.require(by, Action.ADMINISTER, unit)


def _within(child: Unit | None, parent: Unit) -> bool:
    return child is not None and child.path.startswith(parent.path)


def _year(year: int) -> int:
    if not 2000 <= int(year) <= 2100:
        raise ValidationError({"year": _("Năm không hợp lệ.")})
    return int(year)


# The rulebook ---------------------------------------------------------------------------------

RULE_FIELDS = (
    "award_kind",
    "kind",
    "unit",
    "recipient",
    "operator",
    "value",
    "text",
    "reference_kind",
    "effective_from",
    "citation_document",
    "citation_article",
    "unverified",
    "note",
)


@transaction.atomic
def rule_create(*, by: User, **fields) -> Rule:
    """Add a dated rule row: a new number takes effect from its date; earlier decisions keep
    the numbers they copied."""
    _require_superuser_or_admin(by, fields.get("unit"))
    rule = Rule(**{name: fields.get(name) for name in RULE_FIELDS if name in fields})
    for name in ("recipient", "operator", "text", "citation_article", "note"):
        if getattr(rule, name) is None:
            setattr(rule, name, "")
    return audit.create(rule, by=by)


@transaction.atomic
def rule_update(*, rule: Rule, by: User, **fields) -> Rule:
    rule = Rule.objects.select_for_update().get(pk=rule.pk)
    _require_superuser_or_admin(by, rule.unit)
    if "unit" in fields:
        _require_superuser_or_admin(by, fields["unit"])
    before = audit.snapshot(rule)
    for name, value in fields.items():
        if name in RULE_FIELDS:
            setattr(rule, name, "" if value is None and name in ("text", "note") else value)
    return audit.update(rule, before, by=by)


# Movements, clusters, pledges -----------------------------------------------------------------


@transaction.atomic
def movement_create(
    *,
    unit: Unit,
    name: str,
    content: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    by: User,
) -> Movement:
    access.require(by, Action.EDIT, unit)
    movement = Movement(
        unit=unit, name=name.strip(), content=content, starts_on=starts_on, ends_on=ends_on
    )
    return audit.create(movement, by=by)


@transaction.atomic
def cluster_create(
    *, unit: Unit, name: str, kind: str, leader: Unit, members: Iterable[Unit], by: User
) -> Cluster:
    access.require(by, Action.EDIT, unit)
    members = list(members)
    if kind not in ClusterKind.values:
        raise ValidationError({"kind": _("Loại cụm, khối không hợp lệ.")})
    if len(members) < 2:
        raise ValidationError({"members": _("Cụm, khối thi đua cần ít nhất hai đơn vị.")})
    if leader not in members:
        raise ValidationError({"leader": _("Đơn vị cụm trưởng phải là thành viên của cụm.")})
    outside = [member.name for member in members if not _within(member, unit)]
    if outside:
        raise ValidationError(
            {
                "members": _("Không thuộc %(unit)s: %(names)s.")
                % {"unit": unit.name, "names": ", ".join(outside)}
            }
        )
    if Cluster.objects.filter(unit=unit, name=name.strip()).exists():
        raise ValidationError({"name": _("Đã có cụm, khối thi đua tên này.")})
    cluster = audit.create(Cluster(unit=unit, name=name.strip(), kind=kind, leader=leader), by=by)
    cluster.members.set(members)
    audit.record(
        by=by,
        action="update",
        obj=cluster,
        verb="members",
        changes={"members": [None, [member.pk for member in members]]},
    )
    return cluster


@transaction.atomic
def pledge_create(
    *, cluster: Cluster, year: int, title: str, criteria: list[tuple[str, Decimal]], by: User
) -> Pledge:
    """A cluster's pledge for a year with its criteria and their points."""
    access.require(by, Action.EDIT, cluster.unit)
    year = _year(year)
    if Pledge.objects.filter(cluster=cluster, year=year).exists():
        raise ValidationError(
            {
                "year": _("%(cluster)s đã có giao ước năm %(year)s.")
                % {"cluster": cluster.name, "year": year}
            }
        )
    if not criteria:
        raise ValidationError({"criteria": _("Giao ước cần ít nhất một tiêu chí.")})
    for text, points in criteria:
        if not text.strip() or points is None or points <= 0:
            raise ValidationError(
                {"criteria": _("Mỗi tiêu chí cần nội dung và số điểm tối đa lớn hơn 0.")}
            )
    pledge = audit.create(Pledge(cluster=cluster, year=year, title=title.strip()), by=by)
    for order, (text, points) in enumerate(criteria, start=1):
        audit.create(
            PledgeCriterion(pledge=pledge, order=order, text=text.strip(), max_points=points),
            by=by,
        )
    return pledge


@transaction.atomic
def pledge_sign(
    *, pledge: Pledge, unit: Unit, signed_on: datetime.date, signer_name: str = "", by: User
) -> PledgeSignature:
    """Record that a member unit signed the pledge on a date."""
    access.require(by, Action.ENTER, unit)
    if not pledge.cluster.members.filter(pk=unit.pk).exists():
        raise ValidationError(
            {
                "unit": _("%(unit)s không phải thành viên của %(cluster)s.")
                % {"unit": unit.name, "cluster": pledge.cluster.name}
            }
        )
    if PledgeSignature.objects.filter(pledge=pledge, unit=unit).exists():
        raise ValidationError({"unit": _("%(unit)s đã ký giao ước này.") % {"unit": unit.name}})
    signature = PledgeSignature(
        pledge=pledge, unit=unit, signed_on=signed_on, signer_name=signer_name.strip()
    )
    return audit.create(signature, by=by)


@transaction.atomic
def pledge_scores_set(
    *, pledge: Pledge, unit: Unit, points: dict[int, Decimal], by: User
) -> list[PledgeScore]:
    """The cluster's year-end points for one member, criterion by criterion."""
    access.require(by, Action.EDIT, pledge.cluster.unit)
    if not pledge.cluster.members.filter(pk=unit.pk).exists():
        raise ValidationError(_("%(unit)s không phải thành viên của cụm.") % {"unit": unit.name})
    criteria = {criterion.pk: criterion for criterion in pledge.criteria.all()}
    errors = []
    for criterion_id, value in points.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            errors.append(_("Tiêu chí không thuộc giao ước này."))
        elif value is None or value < 0 or value > criterion.max_points:
            errors.append(
                _("“%(text)s”: điểm phải từ 0 đến %(max)s.")
                % {"text": criterion.text, "max": format_number(criterion.max_points)}
            )
    if errors:
        raise ValidationError(errors)
    saved = []
    existing = {
        score.criterion_id: score for score in PledgeScore.objects.filter(pledge=pledge, unit=unit)
    }
    for criterion_id, value in points.items():
        score = existing.get(criterion_id)
        if score is None:
            score = audit.create(
                PledgeScore(pledge=pledge, criterion_id=criterion_id, unit=unit, points=value),
                by=by,
            )
        else:
            before = audit.snapshot(score)
            score.points = value
            score = audit.update(score, before, by=by)
        saved.append(score)
    return saved


# Registrations, past awards, nominations ------------------------------------------------------


def _nominee_fields(
    recipient: str, person, collective, household_name: str, household_group
) -> dict:
    if recipient not in Recipient.values:
        raise ValidationError({"recipient": _("Đối tượng không hợp lệ.")})
    return {
        "recipient": recipient,
        "person": person if recipient == Recipient.INDIVIDUAL else None,
        "collective": collective if recipient == Recipient.COLLECTIVE else None,
        "household_name": household_name.strip() if recipient == Recipient.HOUSEHOLD else "",
        "household_group": household_group if recipient == Recipient.HOUSEHOLD else None,
    }


def _check_nominee_in(obj, unit: Unit) -> None:
    obj.clean_nominee()
    if not _within(obj.nominee_unit, unit):
        raise ValidationError(
            _("%(who)s không thuộc %(unit)s.") % {"who": obj.nominee_name, "unit": unit.name}
        )


@transaction.atomic
def registration_create(
    *,
    unit: Unit,
    year: int,
    award_kind: AwardKind,
    recipient: str,
    by: User,
    person: Person | None = None,
    collective: Unit | None = None,
    household_name: str = "",
    household_group: Unit | None = None,
    registered_on: datetime.date | None = None,
) -> Registration:
    access.require(by, Action.ENTER, unit)
    registration = Registration(
        unit=unit,
        year=_year(year),
        award_kind=award_kind,
        registered_on=registered_on or timezone.localdate(),
        **_nominee_fields(recipient, person, collective, household_name, household_group),
    )
    _check_nominee_in(registration, unit)
    if not award_kind.allows(recipient):
        raise ValidationError(
            {
                "award_kind": _("“%(kind)s” không dành cho %(who)s.")
                % {"kind": award_kind.name, "who": Recipient(recipient).label.lower()}
            }
        )
    registration.set_nominee_key()
    if Registration.objects.filter(
        year=registration.year, award_kind=award_kind, nominee_key=registration.nominee_key
    ).exists():
        raise ValidationError(
            _("%(who)s đã đăng ký “%(kind)s” năm %(year)s.")
            % {"who": registration.nominee_name, "kind": award_kind.name, "year": year}
        )
    return audit.create(registration, by=by)


@transaction.atomic
def past_award_create(
    *,
    unit: Unit,
    year: int,
    award_kind: AwardKind,
    recipient: str,
    decision_ref: str,
    by: User,
    person: Person | None = None,
    collective: Unit | None = None,
    household_name: str = "",
    household_group: Unit | None = None,
) -> PastAward:
    """Enter a title or commendation given before tongket was used (from the old decision)."""
    access.require(by, Action.EDIT, unit)
    past = PastAward(
        unit=unit,
        year=_year(year),
        award_kind=award_kind,
        decision_ref=decision_ref.strip(),
        **_nominee_fields(recipient, person, collective, household_name, household_group),
    )
    _check_nominee_in(past, unit)
    past.set_nominee_key()
    if PastAward.objects.filter(
        year=past.year, award_kind=award_kind, nominee_key=past.nominee_key
    ).exists():
        raise ValidationError(_("Đã ghi nhận khen thưởng này."))
    return audit.create(past, by=by)


@transaction.atomic
def nomination_create(
    *,
    unit: Unit,
    year: int,
    award_kind: AwardKind,
    recipient: str,
    achievement: str,
    by: User,
    person: Person | None = None,
    collective: Unit | None = None,
    household_name: str = "",
    household_group: Unit | None = None,
    movement: Movement | None = None,
    submit: bool = False,
) -> Nomination:
    """A draft nomination made by a unit for someone within it; with submit=True it is sent
    at once, and a refusal leaves nothing saved."""
    access.require(by, Action.ENTER, unit)
    if not achievement.strip():
        raise ValidationError({"achievement": _("Cần ghi tóm tắt thành tích.")})
    nomination = Nomination(
        unit=unit,
        commune=commune_of(unit),
        year=_year(year),
        award_kind=award_kind,
        achievement=achievement.strip(),
        movement=movement,
        created_by=by,
        **_nominee_fields(recipient, person, collective, household_name, household_group),
    )
    _check_nominee_in(nomination, unit)
    nomination = audit.create(nomination, by=by)
    if submit:
        nomination = nomination_submit(nomination=nomination, by=by)
    return nomination


@transaction.atomic
def nomination_update(*, nomination: Nomination, by: User, **fields) -> Nomination:
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    access.require(by, Action.ENTER, nomination.unit)
    if not nomination.is_editable:
        raise ValidationError(_("Chỉ sửa được đề nghị ở trạng thái dự thảo hoặc bị trả lại."))
    before = audit.snapshot(nomination)
    for name in ("award_kind", "achievement", "movement", "year"):
        if name in fields:
            setattr(nomination, name, fields[name])
    if "recipient" in fields:
        for name, value in _nominee_fields(
            fields["recipient"],
            fields.get("person"),
            fields.get("collective"),
            fields.get("household_name", ""),
            fields.get("household_group"),
        ).items():
            setattr(nomination, name, value)
    _check_nominee_in(nomination, nomination.unit)
    return audit.update(nomination, before, by=by)


def _fresh(nominations: Iterable[Nomination]) -> list[Nomination]:
    """The nominations as the database holds them now, locked, in the order given."""
    ids = [nomination.pk for nomination in nominations]
    rows = Nomination.objects.select_for_update().select_related("award_kind").in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


def _refuse(checks) -> None:
    failed = [check.refusal for check in checks if not check.passed]
    if failed:
        raise ValidationError(failed)


@transaction.atomic
def nomination_submit(*, nomination: Nomination, by: User) -> Nomination:
    """Send a draft (or returned) nomination to the office, after every eligibility check;
    a failed check refuses it with the rule's citation and nothing changes."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    access.require(by, Action.ENTER, nomination.unit)
    if not nomination.is_editable:
        raise ValidationError(_("Đề nghị này đã được gửi."))
    _refuse(judge(nomination))
    return audit.transition(nomination, "state", NominationState.SUBMITTED, by=by, return_reason="")


@transaction.atomic
def nomination_return(*, nomination: Nomination, reason: str, by: User) -> Nomination:
    """The office (or the council) sends a nomination back with a reason."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    access.require(by, Action.EDIT, nomination.commune)
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do trả lại.")})
    if nomination.state not in (NominationState.SUBMITTED, NominationState.IN_REVIEW):
        raise ValidationError(_("Chỉ trả lại được đề nghị đã gửi hoặc đang được Hội đồng xét."))
    for ballot in Ballot.objects.filter(nomination=nomination):
        audit.delete(ballot, by=by, note=reason.strip())
    return audit.transition(
        nomination,
        "state",
        NominationState.RETURNED,
        by=by,
        note=reason.strip(),
        return_reason=reason.strip(),
    )


@transaction.atomic
def evidence_add(*, nomination: Nomination, upload, by: User) -> Evidence:
    """Attach an evidence file after checking its type (by content, not only its name) and
    its size."""
    access.require(by, Action.ENTER, nomination.unit)
    if nomination.state == NominationState.DECIDED:
        raise ValidationError(_("Đề nghị đã có quyết định, không thêm minh chứng."))
    name = (upload.name or "").rsplit("/", 1)[-1][:200]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = ", ".join(f".{ext}" for ext in EVIDENCE_TYPES)
    if extension not in EVIDENCE_TYPES:
        raise ValidationError(
            {
                "file": _("Tệp “%(name)s” không được nhận; chỉ nhận %(allowed)s.")
                % {"name": name, "allowed": allowed}
            }
        )
    if upload.size > EVIDENCE_MAX_BYTES:
        raise ValidationError(
            {
                "file": _("Tệp “%(name)s” nặng %(size)s MB, vượt quá %(max)s MB.")
                % {
                    "name": name,
                    "size": format_number(Decimal(upload.size) / 2**20, 1),
                    "max": format_number(EVIDENCE_MAX_BYTES // 2**20),
                }
            }
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in EVIDENCE_TYPES[extension]):
        raise ValidationError(
            {
                "file": _("Nội dung tệp “%(name)s” không đúng định dạng .%(ext)s.")
                % {"name": name, "ext": extension}
            }
        )
    evidence = Evidence(nomination=nomination, original_name=name, size=upload.size)
    evidence.file.save(name, upload, save=False)
    return audit.create(evidence, by=by)


@transaction.atomic
def evidence_delete(*, evidence: Evidence, by: User) -> None:
    access.require(by, Action.ENTER, evidence.nomination.unit)
    if evidence.nomination.state == NominationState.DECIDED:
        raise ValidationError(_("Đề nghị đã có quyết định, không xóa minh chứng."))
    stored = evidence.file
    audit.delete(evidence, by=by)
    transaction.on_commit(lambda: stored.delete(save=False))


IMPORT_COLUMNS = [
    Column("full_name", "Họ và tên", max_length=120),
    Column("unit", "Mã đơn vị", required=False, max_length=32),
    Column("award_kind", "Danh hiệu, hình thức", max_length=200),
    Column("achievement", "Tóm tắt thành tích", max_length=5000),
]


@transaction.atomic
def nominations_import(
    *, unit: Unit, year: int, data: bytes, by: User, submit: bool = True
) -> list[Nomination]:
    """Nominate a list of people from an .xlsx file (Họ và tên, Mã đơn vị, Danh hiệu, hình
    thức, Tóm tắt thành tích). All or nothing: any bad row saves nothing, and every bad row
    is named with what is wrong."""
    access.require(by, Action.ENTER, unit)
    table = read_xlsx(data, IMPORT_COLUMNS)
    errors = [str(error) for error in table.errors]
    people: dict[str, list[Person]] = {}
    for person in Person.objects.filter(unit__path__startswith=unit.path).select_related("unit"):
        people.setdefault(person.name_folded, []).append(person)
    kinds = list(AwardKind.objects.all())
    created: list[Nomination] = []
    for row in table.rows:
        where = _("Dòng %(row)s") % {"row": row["_row"]}
        candidates = people.get(fold(row["full_name"]), [])
        if row["unit"]:
            candidates = [p for p in candidates if p.unit.code == row["unit"].strip()]
        if not candidates:
            errors.append(
                _("%(where)s: không tìm thấy “%(name)s” trong %(unit)s.")
                % {"where": where, "name": row["full_name"], "unit": unit.name}
            )
            continue
        if len(candidates) > 1:
            errors.append(
                _("%(where)s: có %(n)s người tên “%(name)s”; hãy ghi mã đơn vị.")
                % {"where": where, "n": len(candidates), "name": row["full_name"]}
            )
            continue
        wanted = fold(row["award_kind"])
        kind = next((k for k in kinds if k.code == row["award_kind"].strip()), None) or next(
            (k for k in kinds if fold(k.name) == wanted), None
        )
        if kind is None:
            errors.append(
                _("%(where)s: không có danh hiệu, hình thức “%(kind)s”.")
                % {"where": where, "kind": row["award_kind"]}
            )
            continue
        try:
            with transaction.atomic():
                nomination = nomination_create(
                    unit=unit,
                    year=year,
                    award_kind=kind,
                    recipient=Recipient.INDIVIDUAL,
                    person=candidates[0],
                    achievement=row["achievement"],
                    by=by,
                    submit=submit,
                )
                created.append(nomination)
        except ValidationError as exc:
            errors.extend(f"{where}: {message}" for message in exc.messages)
    if not table.rows and not errors:
        errors.append(_("Tệp không có dòng nào."))
    if errors:
        transaction.set_rollback(True)
        raise ValidationError(errors)
    return created


# The council ----------------------------------------------------------------------------------


@transaction.atomic
def council_member_add(
    *, commune: Unit, year: int, person: Person, role: str, by: User
) -> CouncilMember:
    access.require(by, Action.EDIT, commune)
    if not _within(person.unit, commune):
        raise ValidationError(
            {
                "person": _("%(who)s không thuộc %(unit)s.")
                % {"who": person.full_name, "unit": commune.name}
            }
        )
    if CouncilMember.objects.filter(commune=commune, year=year, person=person).exists():
        raise ValidationError({"person": _("Người này đã là thành viên Hội đồng năm này.")})
    member = CouncilMember(commune=commune, year=_year(year), person=person, role=role.strip())
    return audit.create(member, by=by)


def council_size(commune: Unit, year: int) -> int:
    return CouncilMember.objects.filter(commune=commune, year=year).count()


@transaction.atomic
def session_create(
    *,
    commune: Unit,
    year: int,
    held_on: datetime.date,
    members_present: int,
    by: User,
    place: str = "",
    chair_name: str = "",
    secretary_name: str = "",
) -> CouncilSession:
    access.require(by, Action.EDIT, commune)
    total = council_size(commune, year)
    if total == 0:
        raise ValidationError(_("Hội đồng năm %(year)s chưa có thành viên.") % {"year": year})
    if members_present > total:
        raise ValidationError(
            {
                "members_present": _(
                    "Số thành viên có mặt (%(present)s) lớn hơn số thành viên Hội đồng (%(total)s)."
                )
                % {"present": members_present, "total": total}
            }
        )
    session = CouncilSession(
        commune=commune,
        year=_year(year),
        held_on=held_on,
        members_present=members_present,
        place=place.strip(),
        chair_name=chair_name.strip(),
        secretary_name=secretary_name.strip(),
    )
    return audit.create(session, by=by)


@transaction.atomic
def session_add_nominations(
    *, session: CouncilSession, nominations: Iterable[Nomination], by: User
) -> list[Ballot]:
    """Put submitted nominations before the council: each gets a ballot carrying the council
    size and the vote threshold in force on the meeting day."""
    access.require(by, Action.EDIT, session.commune)
    book = Rulebook.load(session.commune, session.held_on)
    total = council_size(session.commune, session.year)
    ballots = []
    errors = []
    for nomination in _fresh(nominations):
        if nomination.commune_id != session.commune_id or nomination.year != session.year:
            errors.append(_("%(n)s không thuộc năm, đơn vị của phiên họp.") % {"n": nomination})
            continue
        if nomination.state != NominationState.SUBMITTED:
            errors.append(_("%(n)s chưa được gửi hoặc đã được xét.") % {"n": nomination})
            continue
        rule = book.get(nomination.award_kind, RuleKind.COUNCIL_THRESHOLD)
        if rule is None:
            errors.append(
                _("Bộ quy định chưa có tỷ lệ phiếu cần đạt cho “%(kind)s”.")
                % {"kind": nomination.award_kind.name}
            )
            continue
        ballot = audit.create(
            Ballot(
                session=session,
                nomination=nomination,
                members_total=total,
                threshold=rule.value,
                threshold_operator=rule.operator or "gte",
                threshold_citation=rule.citation[:400],
            ),
            by=by,
        )
        audit.transition(nomination, "state", NominationState.IN_REVIEW, by=by)
        ballots.append(ballot)
    if errors:
        raise ValidationError(errors)
    return ballots


@transaction.atomic
def ballot_record(*, ballot: Ballot, votes_for: int, by: User) -> Ballot:
    """Record the secret-ballot count for one candidate. The votes can't exceed the members
    present, nor the council; the threshold is a share of ALL members."""
    ballot = (
        Ballot.objects.select_for_update()
        .select_related("session__commune", "nomination__award_kind")
        .get(pk=ballot.pk)
    )
    session = ballot.session
    access.require(by, Action.EDIT, session.commune)
    if ballot.nomination.state not in (NominationState.IN_REVIEW, NominationState.VOTED):
        raise ValidationError(_("Đề nghị này không còn chờ Hội đồng bỏ phiếu."))
    if votes_for is None or votes_for < 0:
        raise ValidationError({"votes_for": _("Số phiếu không hợp lệ.")})
    if votes_for > session.members_present or votes_for > ballot.members_total:
        raise ValidationError(
            {
                "votes_for": _(
                    "%(who)s: số phiếu đồng ý (%(votes)s) lớn hơn số thành viên có mặt "
                    "(%(present)s) của Hội đồng %(total)s thành viên."
                )
                % {
                    "who": ballot.nomination.nominee_name,
                    "votes": votes_for,
                    "present": session.members_present,
                    "total": ballot.members_total,
                }
            }
        )
    passed = ballot.reaches_threshold(votes_for)
    before = audit.snapshot(ballot)
    ballot.votes_for, ballot.passed = votes_for, passed
    audit.update(ballot, before, by=by)
    audit.transition(
        ballot.nomination,
        "state",
        NominationState.VOTED,
        by=by,
        note=_("%(votes)s/%(total)s phiếu đồng ý")
        % {"votes": votes_for, "total": ballot.members_total},
    )
    return ballot


@transaction.atomic
def ballots_record(*, session: CouncilSession, votes: dict[int, int], by: User) -> list[Ballot]:
    """Record the whole session's count at once; any bad count saves nothing."""
    access.require(by, Action.EDIT, session.commune)
    ballots = {ballot.pk: ballot for ballot in session.ballots.all()}
    errors, saved = [], []
    for ballot_id, count in votes.items():
        ballot = ballots.get(ballot_id)
        if ballot is None:
            errors.append(_("Phiếu không thuộc phiên họp này."))
            continue
        try:
            with transaction.atomic():
                saved.append(ballot_record(ballot=ballot, votes_for=count, by=by))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        transaction.set_rollback(True)
        raise ValidationError(errors)
    return saved


# Decisions ------------------------------------------------------------------------------------


def next_decision_number(commune: Unit, body: str, on: datetime.date) -> int:
    used = AwardDecision.objects.filter(commune=commune, body=body, number_year=on.year)
    return (max(used.values_list("number", flat=True), default=0)) + 1


def _prize(coefficient: Decimal, base_salary: int) -> int:
    return int((coefficient * base_salary).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@transaction.atomic
def decision_create(
    *,
    commune: Unit,
    body: str,
    number: int,
    signed_on: datetime.date,
    signer_name: str,
    nominations: Iterable[Nomination],
    by: User,
    signer_title: str = "",
    subject: str = "",
    session: CouncilSession | None = None,
) -> AwardDecision:
    """Issue an award decision: the number is free for this body and year, every awardee
    passed the council vote and falls within the body's power, the caps hold, and each
    prize is the coefficient × the base salary in force on the decision date."""
    access.require(by, Action.APPROVE, commune)
    if body not in AwardingBody.values:
        raise ValidationError({"body": _("Cấp khen thưởng không hợp lệ.")})
    nominations = _fresh(nominations)
    if not nominations:
        raise ValidationError(_("Quyết định cần ít nhất một người, tập thể được khen."))
    if not number or number < 1:
        raise ValidationError({"number": _("Số quyết định phải là số nguyên dương.")})
    style = BODY_STYLE[body]
    clash = AwardDecision.objects.filter(
        commune=commune, body=body, number_year=signed_on.year, number=number
    ).first()
    if clash is not None:
        raise ValidationError(
            {
                "number": _(
                    "Số %(label)s năm %(year)s đã được dùng cho quyết định ngày "
                    "%(day)s. Số quyết định đánh theo từng cơ quan ban hành và từng năm, "
                    "bắt đầu lại từ ngày 01 tháng 01; số còn trống tiếp theo là %(next)s."
                )
                % {
                    "label": clash.number_label,
                    "year": signed_on.year,
                    "day": clash.signed_on.strftime("%d/%m/%Y"),
                    "next": next_decision_number(commune, body, signed_on),
                }
            }
        )
    book = Rulebook.load(commune, signed_on)
    salary = book.base_salary()
    if salary is None:
        raise ValidationError(
            _("Bộ quy định chưa có mức lương cơ sở áp dụng ngày %(day)s.")
            % {"day": signed_on.strftime("%d/%m/%Y")}
        )
    years = {nomination.year for nomination in nominations}
    if len(years) > 1:
        raise ValidationError(_("Một quyết định chỉ khen thành tích của một năm."))
    errors = []
    coefficients = []
    for nomination in nominations:
        if nomination.commune_id != commune.pk:
            errors.append(
                _("%(n)s không thuộc %(unit)s.") % {"n": nomination, "unit": commune.name}
            )
            continue
        ballot = Ballot.objects.filter(nomination=nomination).first()
        if nomination.state != NominationState.VOTED or ballot is None or not ballot.passed:
            errors.append(_("%(n)s chưa được Hội đồng bỏ phiếu đạt.") % {"n": nomination})
            continue
        body_rule = book.get(nomination.award_kind, RuleKind.AWARDING_BODY)
        if body_rule is None or body_rule.text != body:
            holder = (
                AwardingBody(body_rule.text).label
                if body_rule and body_rule.text in AwardingBody.values
                else _("chưa quy định")
            )
            errors.append(
                _(
                    "“%(kind)s” không thuộc thẩm quyền của %(body)s (thẩm quyền: %(holder)s). "
                    "(Căn cứ: %(citation)s.)"
                )
                % {
                    "kind": nomination.award_kind.name,
                    "body": AwardingBody(body).label,
                    "holder": holder,
                    "citation": body_rule.citation if body_rule else "—",
                }
            )
            continue
        coefficient = book.get(
            nomination.award_kind, RuleKind.PRIZE_COEFFICIENT, nomination.recipient
        )
        if coefficient is None:
            errors.append(
                _("Bộ quy định chưa có hệ số tiền thưởng của “%(kind)s”.")
                % {"kind": nomination.award_kind.name}
            )
            continue
        coefficients.append((nomination, coefficient))
    if errors:
        raise ValidationError(errors)
    year = years.pop()
    decision = audit.create(
        AwardDecision(
            commune=commune,
            body=body,
            number=number,
            number_year=signed_on.year,
            year=year,
            signed_on=signed_on,
            signer_name=signer_name.strip(),
            signer_title=signer_title.strip() or style["signer_title"],
            subject=subject.strip()
            or _("Về việc khen thưởng thành tích năm %(year)s") % {"year": year},
            base_salary=int(salary.value),
            base_salary_citation=salary.citation[:400],
            session=session,
        ),
        by=by,
    )
    for order, (nomination, coefficient) in enumerate(coefficients, start=1):
        audit.create(
            Award(
                decision=decision,
                nomination=nomination,
                order=order,
                coefficient=coefficient.value,
                coefficient_citation=coefficient.citation[:400],
                prize=_prize(coefficient.value, int(salary.value)),
            ),
            by=by,
        )
        audit.transition(
            nomination, "state", NominationState.DECIDED, by=by, note=decision.number_label
        )
    kinds = {nomination.award_kind for nomination in nominations}
    for kind in kinds:
        for rule in book.in_force(kind, RuleKind.CAP_SHARE):
            check = cap_check(rule, commune, year, adding=0, states=(NominationState.DECIDED,))
            if not check.passed:
                raise ValidationError(check.refusal)
    return decision


@transaction.atomic
def council_result_approve(
    *,
    session: CouncilSession,
    body: str,
    number: int,
    signed_on: datetime.date,
    signer_name: str,
    by: User,
    signer_title: str = "",
) -> AwardDecision:
    """Approve a whole council result in one step: one decision of `body` for every
    candidate of the session who passed and whose title or form that body awards."""
    access.require(by, Action.APPROVE, session.commune)
    book = Rulebook.load(session.commune, signed_on)
    passed = [
        ballot.nomination
        for ballot in session.ballots.select_related("nomination__award_kind").filter(
            passed=True, nomination__state=NominationState.VOTED
        )
        if book.awarding_body(ballot.nomination.award_kind) == body
    ]
    if not passed:
        raise ValidationError(
            _("Phiên họp không còn người, tập thể nào đạt chờ %(body)s quyết định.")
            % {"body": AwardingBody(body).label}
        )
    return decision_create(
        commune=session.commune,
        body=body,
        number=number,
        signed_on=signed_on,
        signer_name=signer_name,
        signer_title=signer_title,
        nominations=passed,
        by=by,
        session=session,
    )
