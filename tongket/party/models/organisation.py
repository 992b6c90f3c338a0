from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tongket.lib.text import fold
from tongket.units.choices import UnitKind
from tongket.units.models import BodyTerm, Unit

from ..choices import PARTY_SIDE, CellType

# Name beginnings (folded) → cell type, the first that matches wins; an officer corrects it.
_NAME_TYPES: tuple[tuple[str, str], ...] = (
    ("chi bo to dan pho", CellType.RESIDENTIAL),
    ("chi bo thon", CellType.RESIDENTIAL),
    ("chi bo ban", CellType.RESIDENTIAL),
    ("chi bo khu", CellType.RESIDENTIAL),
    ("chi bo ap", CellType.RESIDENTIAL),
    ("chi bo khoi pho", CellType.RESIDENTIAL),
    ("chi bo truong", CellType.SCHOOL),
    ("chi bo tram y te", CellType.HEALTH),
    ("chi bo y te", CellType.HEALTH),
    ("chi bo cong an", CellType.POLICE),
    ("chi bo quan su", CellType.MILITARY),
    ("chi bo ban chi huy quan su", CellType.MILITARY),
    ("chi bo cong ty", CellType.ENTERPRISE),
    ("chi bo doanh nghiep", CellType.ENTERPRISE),
    ("chi bo hop tac xa", CellType.ENTERPRISE),
    ("chi bo co quan", CellType.AGENCY),
)


def cell_type_from_name(name: str) -> str:
    """The type a chi bộ's name suggests ("Chi bộ Tổ dân phố số 1" → khu dân cư); "khác"
    when the name says nothing known."""
    folded = fold(name)
    for beginning, cell_type in _NAME_TYPES:
        if folded.startswith(beginning):
            return cell_type
    return CellType.OTHER


class CellProfile(models.Model):
    """What a chi bộ is built around (khu dân cư, cơ quan, trường học …). The chi bộ itself is
    a unit of kind party_cell; its dates (valid_from, valid_to) say when it existed. A chi bộ
    whose type changes is closed and a new one established, as the party organises it."""

    scope_field = "cell"
    access_side = PARTY_SIDE

    cell = models.OneToOneField(
        Unit,
        verbose_name=_("chi bộ"),
        on_delete=models.CASCADE,
        related_name="party_profile",
        limit_choices_to={"kind": UnitKind.PARTY_CELL},
    )
    cell_type = models.CharField(_("loại chi bộ"), max_length=16, choices=CellType.choices)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("loại chi bộ")
        verbose_name_plural = _("loại chi bộ")

    def __str__(self) -> str:
        return f"{self.cell} – {self.get_cell_type_display()}"


class TermDetail(models.Model):
    """What the party adds to a Đảng ủy's term (units.BodyTerm): its congress (Đại hội Đảng
    bộ lần thứ …, on a date) and how many members the committee and its standing committee
    were elected with. Who held which seat comes from positions."""

    scope_field = "term__unit"
    access_side = PARTY_SIDE

    term = models.OneToOneField(
        BodyTerm, verbose_name=_("nhiệm kỳ"), on_delete=models.CASCADE, related_name="party"
    )
    congress_ordinal = models.PositiveSmallIntegerField(_("Đại hội lần thứ"), null=True, blank=True)
    congress_date = models.DateField(_("ngày khai mạc đại hội"))
    committee_size = models.PositiveSmallIntegerField(
        _("số ủy viên Ban Chấp hành"), null=True, blank=True
    )
    standing_size = models.PositiveSmallIntegerField(
        _("số ủy viên Ban Thường vụ"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("đại hội, nhiệm kỳ")
        verbose_name_plural = _("đại hội, nhiệm kỳ")

    def __str__(self) -> str:
        return str(self.term)
