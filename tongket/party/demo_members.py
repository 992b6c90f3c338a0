"""The demo Đảng bộ's member list, planned in Python and written in bulk: about 800 members of
Phường Hòa Bình over 2021–2025 with their admissions, transfers, moves between chi bộ,
exemptions, deaths and removals, their quality ratings for 2023–2025 and the Huy hiệu Đảng
handed out since the rulebook has its milestones. Pseudo-random but deterministic."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from tongket.units.models import Person, Unit

from . import ledger
from .bulk import Bulk, Planned
from .choices import EventKind, MemberStatus
from .models import PartyMember
from .rulebook_seed import HD01_FROM

D = datetime.date
SEED = 2025
FIRST_YEAR, LAST_YEAR = 2021, 2025
RATED_YEARS = (2023, 2024, 2025)
BADGE_DAYS = ((3, 2), (19, 5), (2, 9), (7, 11))
MILESTONES = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trịnh",
    "Mai",
    "Lương",
    "Tạ",
    "Cao",
    "Chu",
    "Kiều",
    "Lâm",
    "Hà",
    "Tô",
    "Đàm",
    "Khổng",
]
MALE_MIDDLE = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Xuân", "Thanh", "Ngọc", "Trọng"]
FEMALE_MIDDLE = ["Thị", "Thị Thu", "Thị Minh", "Thị Ngọc", "Thị Thanh", "Thị Kim", "Thu", "Thanh"]
MALE_GIVEN = [
    "Hùng",
    "Dũng",
    "Tuấn",
    "Hải",
    "Sơn",
    "Long",
    "Nam",
    "Phong",
    "Quang",
    "Thắng",
    "Bình",
    "Cường",
    "Hòa",
    "Khánh",
    "Lâm",
    "Nghĩa",
    "Phúc",
    "Tâm",
    "Thành",
    "Trung",
    "Việt",
    "Vinh",
    "Hiếu",
    "Đạt",
    "Tùng",
    "Hưng",
    "Kiên",
    "Lộc",
]
FEMALE_GIVEN = [
    "Hà",
    "Hoa",
    "Lan",
    "Mai",
    "Hương",
    "Hằng",
    "Hạnh",
    "Nga",
    "Nhung",
    "Oanh",
    "Phương",
    "Thảo",
    "Trang",
    "Yến",
    "Vân",
    "Dung",
    "Huyền",
    "Liên",
    "Loan",
    "Ngân",
    "Thủy",
    "Tâm",
]
# Chi bộ code → (members before 2021, how old its members are: "old" residential, "young")
CELL_SIZES = {
    "CB-TDP1": (117, "old"),
    "CB-TDP2": (104, "old"),
    "CB-TDP3": (100, "old"),
    "CB-TDP4": (95, "old"),
    "CB-TDP5": (90, "old"),
    "CB-TDP6": (84, "old"),
    "CB-CQ": (46, "young"),
    "CB-CA": (40, "young"),
    "CB-QS": (23, "young"),
    "CB-TH": (31, "young"),
    "CB-YT": (20, "young"),
    "CB-DN": (35, "young"),
}
ADMISSIONS = {2021: 9, 2022: 8, 2023: 10, 2024: 7}  # 2025's go through the pipeline
FROM_PLACE = "Đảng bộ phường Tân An, tỉnh Bình Sơn"
TO_PLACE = "Đảng bộ xã Tân Phú, tỉnh Bình Sơn"
AWAY_PLACE = "Chi bộ Công ty Xây dựng Sông Hồng, Hà Nội"
TRANSFERS_IN, TRANSFERS_OUT, DEATHS = 4, 3, 6
# People of the units demo who are party members: name → (chi bộ code, admitted, full, born).
KNOWN = {
    "Nguyễn Văn Hùng": ("CB-CQ", D(1996, 5, 19), D(1997, 5, 19), D(1970, 3, 2)),
    "Hồ Thị Minh Nguyệt": ("CB-CQ", D(2001, 3, 26), D(2002, 3, 26), D(1976, 8, 14)),
    "Lê Thị Thu Hà": ("CB-CQ", D(2004, 9, 2), D(2005, 9, 2), D(1979, 11, 20)),
    "Phạm Quốc Bảo": ("CB-CQ", D(2006, 11, 7), D(2007, 11, 7), D(1982, 1, 9)),
    "Đỗ Thị Mai": ("CB-CQ", D(2009, 2, 3), D(2010, 2, 3), D(1985, 6, 30)),
    "Vũ Đức Thắng": ("CB-CQ", D(1994, 2, 3), D(1995, 2, 3), D(1968, 4, 12)),
    "Trịnh Thị Lan": ("CB-CQ", D(2012, 5, 19), D(2013, 5, 19), D(1988, 2, 25)),
    "Trương Văn Đức": ("CB-TDP1", D(1985, 2, 3), D(1986, 2, 3), D(1958, 7, 7)),
    "Phan Thị Nga": ("CB-TDP2", D(1990, 5, 19), D(1991, 5, 19), D(1962, 10, 1)),
    "Cao Minh Tuấn": ("CB-CQ", D(2003, 9, 2), D(2004, 9, 2), D(1978, 12, 5)),
    "Đinh Thị Hồng": ("CB-CQ", D(1999, 3, 8), D(2000, 3, 8), D(1972, 9, 9)),
    "Lâm Văn Cường": ("CB-CA", D(2002, 12, 22), D(2003, 12, 22), D(1980, 5, 5)),
    "Hà Thị Yến": ("CB-YT", D(2008, 3, 26), D(2009, 3, 26), D(1983, 7, 17)),
    "Chu Thị Bích": ("CB-TH", D(2005, 11, 20), D(2006, 11, 20), D(1977, 4, 2)),
}


@dataclass
class Plan:
    """One record's plan: who, where it starts, and its events in date order."""

    person: Person
    cell: Unit
    admitted_on: datetime.date
    events: list[Planned] = field(default_factory=list)
    card_number: str = ""
    education: int | None = None
    record: PartyMember | None = None
    known: bool = False
    full_on: datetime.date | None = None

    def state_on(self, day: datetime.date) -> ledger.MemberState:
        return ledger.replay((e.kind, e.status_in) for e in self.events if e.on <= day)

    def cell_on(self, day: datetime.date) -> Unit:
        cell = self.cell
        for event in self.events:
            if event.on <= day and event.kind in (EventKind.CELL_IN, EventKind.TRANSFER_IN):
                cell = event.cell
        return cell

    @property
    def last_on(self) -> datetime.date:
        return self.events[-1].on


class Planner:
    def __init__(self, bulk: Bulk, cells: dict[str, Unit], known: dict[str, Person]) -> None:
        self.bulk, self.cells, self.known = bulk, cells, known
        self.rng = random.Random(SEED)
        self.plans: list[Plan] = []
        self.cards = 0

    # People -------------------------------------------------------------------------------

    def _name(self) -> tuple[str, str]:
        rng = self.rng
        if rng.random() < 0.55:
            return (
                f"{rng.choice(SURNAMES)} {rng.choice(MALE_MIDDLE)} {rng.choice(MALE_GIVEN)}",
                "male",
            )
        return (
            f"{rng.choice(SURNAMES)} {rng.choice(FEMALE_MIDDLE)} {rng.choice(FEMALE_GIVEN)}",
            "female",
        )

    def _day(self, year: int, low: int = 1, high: int = 12) -> datetime.date:
        return D(year, self.rng.randint(low, high), self.rng.randint(1, 28))

    def _card(self) -> str:
        self.cards += 1
        return f"{37_100_000 + self.cards * 7:08d}"

    def _new(self, cell: Unit, admitted_on: datetime.date, age_at_admission: int) -> Plan:
        name, gender = self._name()
        born = admitted_on.replace(year=admitted_on.year - age_at_admission) - datetime.timedelta(
            days=self.rng.randint(0, 300)
        )
        person = self.bulk.person(name, birth_date=born, gender=gender)
        plan = Plan(person, cell, admitted_on, education=self.rng.choice((2, 3, 3, 3, 4, 6, 6)))
        self.plans.append(plan)
        return plan

    def _admit(self, plan: Plan, full: bool = True) -> None:
        plan.events.append(Planned(EventKind.ADMITTED, plan.admitted_on, plan.cell))
        full_on = ledger.add_months(plan.admitted_on, 12)
        if full and full_on <= D(LAST_YEAR, 12, 31):
            plan.events.append(Planned(EventKind.MADE_FULL, full_on, plan.cell))
            plan.card_number = self._card()

    # The list -----------------------------------------------------------------------------

    def initial(self) -> None:
        """Members admitted before 2021, the people the demo knows first."""
        for name, (code, admitted, _full, born) in KNOWN.items():
            person = self.known[name]
            person.birth_date = born
            plan = Plan(person, self.cells[code], admitted, education=6, known=True)
            self._admit(plan)
            self.plans.append(plan)
        for code, (size, age) in CELL_SIZES.items():
            cell = self.cells[code]
            for _ in range(size):
                if age == "old":
                    admitted = self._day(self.rng.choice(range(1958, 2021)))
                    at = self.rng.randint(19, 38)
                else:
                    admitted = self._day(self.rng.randint(1995, 2020))
                    at = self.rng.randint(19, 30)
                self._admit(self._new(cell, admitted, at))

    def _alive(self, day: datetime.date) -> list[Plan]:
        """Records in the Party on a day whose last event is not after it, not the people
        the demo knows (they stay)."""
        return [
            plan
            for plan in self.plans
            if not plan.known and plan.last_on <= day and plan.state_on(day).in_party
        ]

    def _between(self, start: datetime.date, end: datetime.date) -> datetime.date:
        return start + datetime.timedelta(days=self.rng.randint(0, (end - start).days))

    def year(self, year: int) -> None:
        """A year's admissions and arrivals, then, each in its own window so every record's
        events stay in date order: moves between chi bộ, deaths, departures, exemptions,
        removals, temporary activity elsewhere."""
        self._arrivals(year)
        self._moves(year)
        self._departures(year)
        self._flags(year)

    def _arrivals(self, year: int) -> None:
        """Admissions and members arriving on a transfer from outside."""
        rng = self.rng
        cells = list(self.cells.values())
        for _ in range(ADMISSIONS.get(year, 0)):
            self._admit(self._new(rng.choice(cells), self._day(year, 2, 11), rng.randint(20, 34)))
        for _ in range(TRANSFERS_IN):
            cell = rng.choice(cells)
            plan = self._new(cell, self._day(rng.randint(1990, year - 2)), rng.randint(20, 30))
            plan.full_on = ledger.add_months(plan.admitted_on, 12)
            joined = self._day(year, 1, 11)
            plan.events.append(
                Planned(EventKind.TRANSFER_IN, joined, cell, MemberStatus.FULL, FROM_PLACE)
            )
            plan.card_number = self._card()

    def _moves(self, year: int) -> None:
        """Moves between chi bộ (March–April); the member away comes back in 2025."""
        rng = self.rng
        cells = list(self.cells.values())
        for plan in rng.sample(self._alive(D(year, 2, 28)), 2):
            old = plan.cell_on(D(year, 2, 28))
            new = rng.choice([cell for cell in cells if cell.pk != old.pk])
            on = self._between(D(year, 3, 1), D(year, 4, 30))
            plan.events += [
                Planned(EventKind.CELL_OUT, on, old, other_place=new.name),
                Planned(EventKind.CELL_IN, on, new, other_place=old.name),
            ]
        if year == LAST_YEAR:
            for plan in [p for p in self.plans if p.state_on(D(year, 4, 30)).away][:1]:
                plan.events.append(
                    Planned(EventKind.TEMP_BACK, D(year, 4, 15), plan.cell_on(D(year, 4, 30)))
                )

    def _departures(self, year: int) -> None:
        """Deaths (May–June), then transfers out (July–August)."""
        rng = self.rng
        day = D(year, 4, 30)
        oldest = sorted(self._alive(day), key=lambda plan: plan.person.birth_date)[:DEATHS]
        for plan in oldest:
            plan.events.append(
                Planned(
                    EventKind.DIED, self._between(D(year, 5, 1), D(year, 6, 30)), plan.cell_on(day)
                )
            )
        day = D(year, 6, 30)
        young = [plan for plan in self._alive(day) if plan.person.birth_date.year > 1978]
        for plan in rng.sample(young, TRANSFERS_OUT):
            on = self._between(D(year, 7, 1), D(year, 8, 31))
            plan.events.append(
                Planned(EventKind.TRANSFER_OUT, on, plan.cell_on(day), other_place=TO_PLACE)
            )

    def _flags(self, year: int) -> None:
        """Exemptions (September–October), removals (November), activity elsewhere (December)."""
        rng = self.rng
        day = D(year, 8, 31)
        elderly = [
            p
            for p in self._alive(day)
            if p.person.birth_date.year < year - 80 and not p.state_on(day).exempt
        ]
        for plan in elderly[:3]:
            on = self._between(D(year, 9, 1), D(year, 10, 31))
            plan.events.append(Planned(EventKind.EXEMPTED, on, plan.cell_on(day)))
        day = D(year, 10, 31)
        if year in (2022, 2024):
            plan = rng.choice(
                [p for p in self._alive(day) if p.state_on(day).status == MemberStatus.FULL]
            )
            plan.events.append(
                Planned(
                    EventKind.STRUCK_OFF,
                    self._between(D(year, 11, 1), D(year, 11, 30)),
                    plan.cell_on(day),
                )
            )
        if year == 2024:
            day = D(year, 11, 30)
            for plan in rng.sample(self._alive(day), 2):
                on = self._between(D(year, 12, 1), D(year, 12, 15))
                plan.events.append(
                    Planned(EventKind.TEMP_OUT, on, plan.cell_on(day), other_place=AWAY_PLACE)
                )

    def build(self, today: datetime.date) -> None:
        self.initial()
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            self.year(year)
        for plan in self.plans:
            plan.events.sort(key=lambda event: event.on)
            plan.record = self.bulk.member(
                plan.person,
                plan.cell,
                plan.admitted_on,
                plan.events,
                card_number=plan.card_number,
                education=plan.education,
                badge_before=self._badge_before(plan),
                full_on=plan.full_on,
            )
            self._badges(plan, today)

    # Badges --------------------------------------------------------------------------------

    def _milestones(self, plan: Plan) -> list[tuple[int, datetime.date]]:
        return [(m, ledger.milestone_date(plan.admitted_on, m)) for m in MILESTONES]

    def _badge_before(self, plan: Plan) -> int | None:
        """The highest milestone reached before the rulebook's milestones took effect."""
        reached = [m for m, day in self._milestones(plan) if day < HD01_FROM]
        return reached[-1] if reached else None

    def _badges(self, plan: Plan, today: datetime.date) -> None:
        """Each milestone reached since, handed at the first award date on or after it (up
        to today, so the list of badges due shows the next occasion's)."""
        for milestone, reached in self._milestones(plan):
            if reached < HD01_FROM:
                continue
            award = _next_badge_day(reached)
            if award > today:
                break
            if plan.state_on(award).status == MemberStatus.FULL:
                self.bulk.badge(plan.record, milestone, award)


def _next_badge_day(day: datetime.date) -> datetime.date:
    for year in (day.year, day.year + 1):
        for award_day, month in BADGE_DAYS:
            candidate = D(year, month, award_day)
            if candidate >= day:
                return candidate
    raise AssertionError(day)
