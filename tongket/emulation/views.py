"""Screens of the emulation module. Views parse input, call one service or selector, and
render; rights are checked by the access layer and the services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.lib.numbers import NumberFormatError, parse_number
from tongket.units import access
from tongket.units.choices import COMMUNE_KINDS, Action
from tongket.units.downloads import xlsx_download
from tongket.units.models import Person
from tongket.units.selectors import paginate
from tongket.units.web import run_action, save_form, year_param

from . import selectors, services
from .choices import NominationState
from .forms import (
    ApproveForm,
    ClusterForm,
    CouncilMemberForm,
    EvidenceForm,
    ImportForm,
    MovementForm,
    NominationForm,
    PastAwardForm,
    PledgeForm,
    RegistrationForm,
    ReturnForm,
    RuleForm,
    ScheduleForm,
    SessionForm,
    SignForm,
)
from .models import (
    AwardDecision,
    Ballot,
    Cluster,
    Evidence,
    Nomination,
    Pledge,
    Rule,
)


def _year(request: HttpRequest) -> int:
    year = year_param(request)
    if year:
        return year
    latest = access.restrict(Nomination.objects.all(), request.user).aggregate(y=Max("year"))
    return latest["y"] or timezone.localdate().year


def _units(request, action=Action.ENTER):
    return access.units_for(request.user, action).order_by("path")


def _people(request, action=Action.ENTER):
    return access.restrict(Person.objects.select_related("unit"), request.user, action)


def _communes(request, action=Action.EDIT):
    return _units(request, action).filter(kind__in=COMMUNE_KINDS)


def _form_page(request, form, title: str, **context) -> HttpResponse:
    return render(request, "emulation/form.html", {"form": form, "title": title, **context})


# Dashboard ------------------------------------------------------------------------------------


@login_required
def index(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    user = request.user
    return render(
        request,
        "emulation/index.html",
        {
            "year": year,
            "counts": selectors.dashboard_counts(user, year),
            "can_enter": access.can_anywhere(user, Action.ENTER),
            "can_edit": access.can_anywhere(user, Action.EDIT),
            "can_approve": access.can_anywhere(user, Action.APPROVE),
            "can_administer": access.can_anywhere(user, Action.ADMINISTER),
            "sessions": selectors.sessions_for(user).order_by("-held_on")[:5],
            "decisions": selectors.decisions_list(user, year).order_by("-signed_on")[:5],
        },
    )


# Rulebook -------------------------------------------------------------------------------------


@login_required
def rulebook(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "emulation/rulebook.html",
        {
            "groups": selectors.rulebook_page(request.user),
            "can_administer": access.can_anywhere(request.user, Action.ADMINISTER),
        },
    )


def _rule_fields(data: dict) -> dict:
    return {name: data.get(name) for name in services.RULE_FIELDS}


@login_required
def rule_create(request: HttpRequest) -> HttpResponse:
    if not access.can_anywhere(request.user, Action.ADMINISTER):
        raise PermissionDenied
    initial = {}
    source = request.GET.get("from", "")
    if source.isdigit():
        rule = Rule.objects.filter(pk=source).first()
        if rule is not None:
            initial = {name: getattr(rule, name) for name in services.RULE_FIELDS}
            initial["effective_from"] = timezone.localdate()
    form = RuleForm(request.POST or None, units=_units(request, Action.ADMINISTER), initial=initial)
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.rule_create(by=request.user, **_rule_fields(d)),
        _("Đã thêm quy định mới; quy định áp dụng từ ngày hiệu lực."),
    ):
        return redirect("emulation:rulebook")
    return _form_page(request, form, _("Thêm quy định"))


@login_required
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rule = Rule.objects.filter(pk=pk).select_related("unit").first()
    if rule is None:
        raise Http404
    if rule.unit is None and not access.is_superuser(request.user):
        raise PermissionDenied(_("Chỉ quản trị hệ thống mới sửa được quy định toàn quốc."))
    if rule.unit is not None:
        access.require(request.user, Action.ADMINISTER, rule.unit)
    form = RuleForm(
        request.POST or None,
        units=_units(request, Action.ADMINISTER),
        initial={name: getattr(rule, name) for name in services.RULE_FIELDS},
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.rule_update(rule=rule, by=request.user, **_rule_fields(d)),
        _("Đã lưu quy định."),
    ):
        return redirect("emulation:rulebook")
    return _form_page(request, form, _("Sửa quy định"))


# Movements, clusters, pledges -----------------------------------------------------------------


@login_required
def movements(request: HttpRequest) -> HttpResponse:
    form = MovementForm(request.POST or None, units=_units(request, Action.EDIT))
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.movement_create(by=request.user, **d),
        _("Đã phát động phong trào."),
    ):
        return redirect("emulation:movements")
    return render(
        request,
        "emulation/movements.html",
        {
            "movements": selectors.movements_list(request.user),
            "form": form if access.can_anywhere(request.user, Action.EDIT) else None,
        },
    )


@login_required
def clusters(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "emulation/clusters.html",
        {
            "clusters": selectors.clusters_list(request.user),
            "can_edit": access.can_anywhere(request.user, Action.EDIT),
        },
    )


@login_required
def cluster_create(request: HttpRequest) -> HttpResponse:
    if not access.can_anywhere(request.user, Action.EDIT):
        raise PermissionDenied
    form = ClusterForm(
        request.POST or None,
        units=_units(request, Action.EDIT),
        members=_units(request, Action.VIEW),
    )
    cluster = request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.cluster_create(by=request.user, **d),
        _("Đã lập cụm, khối thi đua."),
    )
    if cluster:
        return redirect("emulation:cluster", pk=cluster.pk)
    return _form_page(request, form, _("Lập cụm, khối thi đua"))


@login_required
def cluster_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cluster = access.get_for(Cluster.objects.select_related("unit", "leader"), request.user, pk)
    pledges = list(cluster.pledges.order_by("-year").prefetch_related("criteria"))
    return render(
        request,
        "emulation/cluster.html",
        {
            "cluster": cluster,
            "members": cluster.members.order_by("path"),
            "rankings": selectors.cluster_rankings(cluster.unit, 0, pledges=pledges),
            "can_edit": access.can(request.user, Action.EDIT, cluster.unit),
            "can_enter": access.can_anywhere(request.user, Action.ENTER),
        },
    )


@login_required
def pledge_create(request: HttpRequest, pk: int) -> HttpResponse:
    cluster = access.get_for(Cluster.objects.all(), request.user, pk, Action.EDIT)
    form = PledgeForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.pledge_create(cluster=cluster, by=request.user, **d),
        _("Đã lập giao ước thi đua."),
    ):
        return redirect("emulation:cluster", pk=cluster.pk)
    return _form_page(request, form, _("Giao ước thi đua của %(c)s") % {"c": cluster.name})


def _pledge(request, pk, action=Action.VIEW) -> Pledge:
    return access.get_for(Pledge.objects.select_related("cluster__unit"), request.user, pk, action)


@login_required
def pledge_sign(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = _pledge(request, pk)
    units = _units(request, Action.ENTER).filter(emulation_clusters=pledge.cluster)
    if not units.exists():
        raise PermissionDenied
    form = SignForm(request.POST or None, units=units, initial={"signed_on": timezone.localdate()})
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.pledge_sign(pledge=pledge, by=request.user, **d),
        _("Đã ghi nhận chữ ký giao ước."),
    ):
        return redirect("emulation:cluster", pk=pledge.cluster_id)
    return _form_page(request, form, _("Ký giao ước: %(p)s") % {"p": pledge.title})


@login_required
def pledge_score(request: HttpRequest, pk: int) -> HttpResponse:
    """The cluster's year-end scoring: one row per member, one column per criterion."""
    pledge = _pledge(request, pk, Action.EDIT)
    criteria = list(pledge.criteria.all())
    members = list(pledge.cluster.members.order_by("path"))
    scores = {(s.unit_id, s.criterion_id): s.points for s in pledge.scores.all()}
    errors = []
    if request.method == "POST":
        for member in members:
            points = {}
            for criterion in criteria:
                raw = request.POST.get(f"s-{member.pk}-{criterion.pk}", "").strip()
                if raw:
                    try:
                        points[criterion.pk] = parse_number(raw)
                    except NumberFormatError as exc:
                        errors.append(f"{member.name}: {exc}")
            if points and not errors:
                try:
                    services.pledge_scores_set(
                        pledge=pledge, unit=member, points=points, by=request.user
                    )
                except ValidationError as exc:
                    errors.extend(f"{member.name}: {m}" for m in exc.messages)
        if not errors:
            messages.success(request, _("Đã lưu điểm chấm."))
            return redirect("emulation:cluster", pk=pledge.cluster_id)
    grid = [
        (member, [(criterion, scores.get((member.pk, criterion.pk))) for criterion in criteria])
        for member in members
    ]
    return render(
        request,
        "emulation/pledge_score.html",
        {"pledge": pledge, "criteria": criteria, "grid": grid, "errors": errors},
    )


# Registrations and past awards ----------------------------------------------------------------


@login_required
def registrations(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    form = RegistrationForm(
        request.POST or None,
        units=_units(request),
        people=_people(request),
        initial={"year": year, "registered_on": timezone.localdate()},
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.registration_create(
            unit=d["unit"],
            year=d["year"],
            award_kind=d["award_kind"],
            registered_on=d["registered_on"],
            by=request.user,
            **form.nominee(),
        ),
        _("Đã đăng ký thi đua."),
    ):
        return redirect(f"{request.path}?year={form.cleaned_data['year']}")
    return render(
        request,
        "emulation/registrations.html",
        {
            "year": year,
            "registrations": selectors.registrations_list(request.user, year),
            "form": form if access.can_anywhere(request.user, Action.ENTER) else None,
        },
    )


@login_required
def past_awards(request: HttpRequest) -> HttpResponse:
    form = PastAwardForm(
        request.POST or None,
        units=_units(request, Action.EDIT),
        people=_people(request, Action.EDIT),
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.past_award_create(
            unit=d["unit"],
            year=d["year"],
            award_kind=d["award_kind"],
            decision_ref=d["decision_ref"],
            by=request.user,
            **form.nominee(),
        ),
        _("Đã ghi nhận khen thưởng năm trước."),
    ):
        return redirect("emulation:past_awards")
    return render(
        request,
        "emulation/past_awards.html",
        {
            "past": selectors.past_awards_list(request.user)[:500],
            "form": form if access.can_anywhere(request.user, Action.EDIT) else None,
        },
    )


# Nominations ----------------------------------------------------------------------------------


@login_required
def nominations(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    state = request.GET.get("state", "")
    if state not in NominationState.values:
        state = ""
    listing = selectors.nominations_list(request.user, year=year, state=state)
    return render(
        request,
        "emulation/nominations.html",
        {
            "year": year,
            "state": state,
            "states": NominationState.choices,
            "page": paginate(listing, request.GET.get("page")),
            "can_enter": access.can_anywhere(request.user, Action.ENTER),
        },
    )


@login_required
def nomination_create(request: HttpRequest) -> HttpResponse:
    if not access.can_anywhere(request.user, Action.ENTER):
        raise PermissionDenied
    form = NominationForm(
        request.POST or None,
        units=_units(request),
        people=_people(request),
        movements=selectors.movements_list(request.user),
        initial={"year": _year(request), "recipient": "individual"},
    )
    nomination = request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.nomination_create(
            unit=d["unit"],
            year=d["year"],
            award_kind=d["award_kind"],
            achievement=d["achievement"],
            movement=d["movement"],
            by=request.user,
            **form.nominee(),
        ),
        _("Đã lập đề nghị (dự thảo). Kiểm tra điều kiện rồi gửi."),
    )
    if nomination:
        return redirect("emulation:nomination", pk=nomination.pk)
    return _form_page(request, form, _("Đề nghị khen thưởng"))


@login_required
def nomination_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a draft or a returned nomination before sending it (again)."""
    nomination = _nomination(request, pk, Action.ENTER)
    initial = {
        "unit": nomination.unit_id,
        "year": nomination.year,
        "award_kind": nomination.award_kind_id,
        "recipient": nomination.recipient,
        "person": nomination.person_id,
        "collective": nomination.collective_id,
        "household_name": nomination.household_name,
        "household_group": nomination.household_group_id,
        "movement": nomination.movement_id,
        "achievement": nomination.achievement,
    }
    form = NominationForm(
        request.POST or None,
        units=_units(request).filter(pk=nomination.unit_id),
        people=_people(request),
        movements=selectors.movements_list(request.user),
        initial=initial,
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.nomination_update(
            nomination=nomination,
            by=request.user,
            year=d["year"],
            award_kind=d["award_kind"],
            achievement=d["achievement"],
            movement=d["movement"],
            **form.nominee(),
        ),
        _("Đã lưu đề nghị."),
    ):
        return redirect("emulation:nomination", pk=pk)
    return _form_page(request, form, _("Sửa đề nghị khen thưởng"))


def _nomination(request, pk, action=Action.VIEW) -> Nomination:
    return access.get_for(
        Nomination.objects.select_related(*selectors.NOMINATION_RELATED),
        request.user,
        pk,
        action,
    )


@login_required
def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk)
    user = request.user
    return render(
        request,
        "emulation/nomination.html",
        {
            "page": selectors.nomination_page(nomination),
            "n": nomination,
            "can_enter": access.can(user, Action.ENTER, nomination.unit),
            "can_check": access.can(user, Action.EDIT, nomination.commune),
            "evidence_form": EvidenceForm(),
            "return_form": ReturnForm(),
        },
    )


@login_required
@require_POST
def nomination_submit(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk, Action.ENTER)
    run_action(
        request,
        lambda: services.nomination_submit(nomination=nomination, by=request.user),
        _("Đã gửi đề nghị."),
    )
    return redirect("emulation:nomination", pk=pk)


@login_required
@require_POST
def nomination_return(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk)
    run_action(
        request,
        lambda: services.nomination_return(
            nomination=nomination, reason=request.POST.get("reason", ""), by=request.user
        ),
        _("Đã trả lại đề nghị."),
    )
    return redirect("emulation:nomination", pk=pk)


@login_required
@require_POST
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk, Action.ENTER)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Chưa chọn tệp."))
    else:
        run_action(
            request,
            lambda: services.evidence_add(
                nomination=nomination, upload=form.cleaned_data["file"], by=request.user
            ),
            _("Đã thêm minh chứng."),
        )
    return redirect("emulation:nomination", pk=pk)


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = access.get_for(Evidence.objects.select_related("nomination__unit"), request.user, pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Tệp không còn trên máy chủ.")) from None
    return FileResponse(handle, as_attachment=True, filename=evidence.original_name)


@login_required
def nomination_import(request: HttpRequest) -> HttpResponse:
    if not access.can_anywhere(request.user, Action.ENTER):
        raise PermissionDenied
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        units=_units(request),
        initial={"year": _year(request)},
    )
    created = request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.nominations_import(
            unit=d["unit"], year=d["year"], data=d["file"].read(), by=request.user
        ),
        _("Đã nhập và gửi các đề nghị."),
    )
    if created:
        return redirect(f"{_url('emulation:nominations')}?year={form.cleaned_data['year']}")
    return _form_page(request, form, _("Nhập danh sách đề nghị từ Excel"), multipart=True)


def _url(name: str) -> str:
    return reverse(name)


# The council ----------------------------------------------------------------------------------


@login_required
def council(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    communes = _communes(request)
    form = CouncilMemberForm(
        request.POST or None,
        communes=communes,
        people=_people(request, Action.EDIT),
        initial={"year": year},
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.council_member_add(by=request.user, **d),
        _("Đã thêm thành viên Hội đồng."),
    ):
        return redirect(f"{request.path}?year={form.cleaned_data['year']}")
    members = [
        (commune, selectors.council_members(commune, year))
        for commune in _communes(request, Action.VIEW)[:20]
    ]
    return render(
        request,
        "emulation/council.html",
        {
            "year": year,
            "members": members,
            "sessions": selectors.sessions_for(request.user).filter(year=year),
            "form": form if communes.exists() else None,
        },
    )


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    communes = _communes(request)
    if not communes.exists():
        raise PermissionDenied
    form = SessionForm(
        request.POST or None,
        communes=communes,
        initial={"year": _year(request), "held_on": timezone.localdate()},
    )
    session = request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.session_create(by=request.user, **d),
        _("Đã lập phiên họp Hội đồng."),
    )
    if session:
        return redirect("emulation:session", pk=session.pk)
    return _form_page(request, form, _("Phiên họp Hội đồng Thi đua – Khen thưởng"))


def _session(request, pk):
    session = selectors.sessions_for(request.user).filter(pk=pk).first()
    if session is None:
        raise Http404(_("Không tìm thấy hoặc bạn không có quyền xem."))
    return session


@login_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    user = request.user
    can_edit = access.can(user, Action.EDIT, session.commune)
    page = selectors.session_page(session, with_waiting=can_edit)
    schedule = ScheduleForm(
        nominations=Nomination.objects.filter(pk__in=[n.pk for n in page.waiting])
    )
    return render(
        request,
        "emulation/session.html",
        {
            "page": page,
            "session": session,
            "can_edit": can_edit,
            "can_approve": access.can(user, Action.APPROVE, session.commune),
            "schedule": schedule,
            "approve": ApproveForm(initial={"signed_on": timezone.localdate()}),
        },
    )


@login_required
@require_POST
def session_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    form = ScheduleForm(
        request.POST,
        nominations=Nomination.objects.filter(
            commune=session.commune, year=session.year, state=NominationState.SUBMITTED
        ),
    )
    if form.is_valid():
        run_action(
            request,
            lambda: services.session_add_nominations(
                session=session, nominations=form.cleaned_data["nominations"], by=request.user
            ),
            _("Đã đưa các đề nghị ra Hội đồng."),
        )
    else:
        messages.error(request, _("Chọn ít nhất một đề nghị."))
    return redirect("emulation:session", pk=pk)


@login_required
@require_POST
def session_votes(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    votes, bad = {}, []
    for ballot in Ballot.objects.filter(session=session).select_related("nomination"):
        raw = request.POST.get(f"votes-{ballot.pk}", "").strip()
        if raw == "":
            continue
        if not raw.isdigit():
            bad.append(
                _("%(who)s: số phiếu “%(raw)s” không phải số nguyên.")
                % {"who": ballot.nomination.nominee_name, "raw": raw}
            )
            continue
        votes[ballot.pk] = int(raw)
    if bad:
        for message in bad:
            messages.error(request, message)
    else:
        run_action(
            request,
            lambda: services.ballots_record(session=session, votes=votes, by=request.user),
            _("Đã ghi kết quả bỏ phiếu."),
        )
    return redirect("emulation:session", pk=pk)


@login_required
@require_POST
def session_approve(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    form = ApproveForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("emulation:session", pk=pk)
    result = {}

    def approve():
        result["decision"] = services.council_result_approve(
            session=session, by=request.user, **form.cleaned_data
        )

    run_action(request, approve, _("Đã ban hành quyết định khen thưởng."))
    if "decision" in result:
        return redirect("emulation:decision", pk=result["decision"].pk)
    return redirect("emulation:session", pk=pk)


@login_required
def session_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    return render(
        request,
        "emulation/minutes.html",
        {"page": selectors.session_page(session, with_waiting=False), "session": session},
    )


# Decisions and statistics ---------------------------------------------------------------------


@login_required
def decisions(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    return render(
        request,
        "emulation/decisions.html",
        {"year": year, "decisions": selectors.decisions_list(request.user, year)},
    )


@login_required
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = access.get_for(AwardDecision.objects.select_related("commune"), request.user, pk)
    return render(request, "emulation/decision.html", {"page": selectors.decision_page(decision)})


def _statistics_unit(request):
    value = request.GET.get("unit", "")
    if value.isdigit():
        return access.get_unit_for(request.user, value)
    unit = _communes(request, Action.VIEW).first() or access.root_units_for(request.user).first()
    if unit is None:
        raise PermissionDenied
    return unit


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    unit = _statistics_unit(request)
    year = _year(request)
    return render(
        request,
        "emulation/statistics.html",
        {
            "stats": selectors.commendation_statistics(unit, year),
            "signed_next": selectors.pledges_signed(unit, year + 1),
            "unit": unit,
            "year": year,
            "communes": _communes(request, Action.VIEW)[:200],
        },
    )


@login_required
def statistics_xlsx(request: HttpRequest) -> HttpResponse:
    unit = _statistics_unit(request)
    year = _year(request)
    data = selectors.statistics_xlsx(selectors.commendation_statistics(unit, year))
    return xlsx_download(data, f"khen-thuong-{year}.xlsx")
