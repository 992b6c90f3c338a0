from io import StringIO

from django.core.management import call_command

from tongket.units.models import AuditEntry, Person, RoleGrant, Unit, User


def test_load_demo_is_idempotent_and_prints_the_logins(db):
    out = StringIO()
    call_command("load_demo", stdout=out)
    counts = [
        Unit.objects.count(),
        Person.objects.count(),
        User.objects.count(),
        RoleGrant.objects.count(),
        AuditEntry.objects.count(),
    ]
    call_command("load_demo", stdout=StringIO())
    assert counts == [
        Unit.objects.count(),
        Person.objects.count(),
        User.objects.count(),
        RoleGrant.objects.count(),
        AuditEntry.objects.count(),
    ]
    printed = out.getvalue()
    for username in ("quantri", "lanhdao", "canbo", "baocao", "xem"):
        assert username in printed


def test_demo_phuong_has_fifteen_subunits_of_every_kind(db):
    call_command("load_demo", stdout=StringIO())
    phuong = Unit.objects.get(code="AH-HB-P")
    kinds = set(phuong.children.values_list("kind", flat=True))
    assert phuong.children.count() >= 15
    assert kinds == {
        "party_cell",
        "residential_group",
        "mass_organization",
        "agency",
        "school",
        "health_station",
        "police",
    }
    assert (
        Unit.objects.filter(
            kind__in=["xa", "phuong", "dac_khu"], valid_to__isnull=True, parent__code="AH"
        ).count()
        >= 3
    )


def test_demo_logins_work(client, db):
    call_command("load_demo", stdout=StringIO())
    assert client.login(username="baocao", password="Tongket-Demo-2026")
