"""The council's minutes (biên bản họp Hội đồng Thi đua - Khen thưởng): its number from the
UBND's book, when it began and ended, who attended, every vote count, and the secretary's
signature beside the chair's. Made only once chair, secretary, times, number and every
ballot's count are recorded."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from tongket.emulation.selectors import SessionPage
from tongket.lib.dates import format_document_date
from tongket.lib.numbers import format_number

from .. import office
from ..issuing import Issue, Missing, council_agency, place_of

BB_LABEL = "{n}/BB-HĐTĐKT"


def _clock(value) -> str:
    return f"{value.hour} giờ {value.minute:02d} phút"


def minutes_issue(page: SessionPage) -> Issue:
    """The minutes' heading, number and signatures; `missing` names what is not recorded."""
    session = page.session
    commune = session.commune
    issue = Issue(layout="state", place=place_of(commune), on=session.held_on)
    issue.agency = council_agency(commune)
    where = reverse("emulation:session", args=[session.pk])
    lacks = []
    if not session.chair_name.strip():
        lacks.append("người chủ trì")
    if not session.secretary_name.strip():
        lacks.append("thư ký")
    if session.start_time is None or session.end_time is None:
        lacks.append("giờ bắt đầu và giờ kết thúc")
    if lacks:
        issue.missing.append(
            Missing(f"Phiên họp chưa ghi {', '.join(lacks)}.", where, "Ghi thông tin biên bản")
        )
    if session.minutes_number is None:
        issue.missing.append(
            Missing("Biên bản chưa có số trong sổ văn bản.", where, "Lấy số biên bản")
        )
    else:
        issue.number_line = "Số: " + BB_LABEL.format(n=session.minutes_number.number)
    unvoted = [ballot for ballot in page.ballots if ballot.votes_for is None]
    if unvoted:
        issue.missing.append(
            Missing(
                f"Chưa nhập số phiếu của {len(unvoted)} trường hợp.", where, "Nhập kết quả bỏ phiếu"
            )
        )
    if not page.ballots:
        issue.missing.append(
            Missing("Phiên họp chưa xét trường hợp nào.", where, "Đưa đề nghị ra Hội đồng")
        )
    issue.signatures = [
        office.Signature(("THƯ KÝ",), session.secretary_name.strip()),
        office.Signature(("CHỦ TRÌ",), session.chair_name.strip()),
    ]
    return issue


def _opening(doc, page: SessionPage) -> None:
    session = page.session
    office.add_paragraph(
        doc,
        f"Thời gian: bắt đầu lúc {_clock(session.start_time)}, "
        f"{format_document_date(session.held_on)}.",
    )
    if session.place:
        office.add_paragraph(doc, f"Địa điểm: {session.place}.")
    office.add_paragraph(
        doc,
        f"Thành phần: có mặt {session.members_present}/{len(page.members)} thành viên Hội "
        "đồng Thi đua - Khen thưởng:",
    )
    for line in office.list_lines(
        [f"Đồng chí {member.person.full_name}, {member.role}" for member in page.members]
    ):
        office.add_paragraph(doc, line)
    office.add_paragraph(
        doc,
        f"Chủ trì: đồng chí {session.chair_name}. Thư ký: đồng chí {session.secretary_name}.",
    )
    office.add_paragraph(
        doc,
        "Nội dung: Hội đồng xét các đề nghị khen thưởng và bỏ phiếu kín; tỷ lệ phiếu đồng ý "
        "tính trên tổng số thành viên Hội đồng, theo mức quy định cho từng danh hiệu, hình "
        "thức. Kết quả bỏ phiếu như sau:",
    )


def _share(ballot) -> str:
    share = Decimal(ballot.votes_for * 100) / ballot.members_total
    return f"{format_number(share.quantize(Decimal('0.1')))}%"


def _votes(doc, page: SessionPage) -> None:
    """Every ballot: votes for and against, the share of all members, what was needed."""
    present = page.session.members_present
    rows = [
        [
            index,
            ballot.nomination.nominee_name,
            ballot.nomination.award_kind.name,
            ballot.votes_for,
            max(present - ballot.votes_for, 0),
            f"{ballot.votes_for}/{ballot.members_total} ({_share(ballot)})",
            f"{ballot.get_threshold_operator_display()} {format_number(ballot.threshold)}%",
            "Đạt" if ballot.passed else "Không đạt",
        ]
        for index, ballot in enumerate(page.ballots, start=1)
    ]
    office.add_caption(doc, "Bảng 1. Kết quả bỏ phiếu kín")
    office.add_table(
        doc,
        [
            "TT",
            "Tập thể, cá nhân",
            "Danh hiệu, hình thức",
            "Đồng ý",
            "Không đồng ý",
            "Đồng ý / tổng số thành viên",
            "Mức cần đạt",
            "Kết quả",
        ],
        rows,
        widths_mm=[9, 36, 32, 15, 17, 24, 17, 15],
        numeric_columns=(3, 4),
        font_size=10,
    )
    passed = len(page.passed)
    office.add_paragraph(
        doc,
        f"Có {passed}/{len(page.ballots)} trường hợp đạt tỷ lệ phiếu đồng ý theo quy định, "
        "được Hội đồng đề nghị khen thưởng.",
    )


def _closing(doc, page: SessionPage) -> None:
    session = page.session
    office.add_paragraph(
        doc,
        f"Cuộc họp kết thúc lúc {_clock(session.end_time)} cùng ngày. Biên bản đã được đọc "
        "lại cho các thành viên dự họp cùng nghe và nhất trí thông qua./.",
    )


def minutes_docx(page: SessionPage) -> bytes:
    """The council's minutes; NotReady while chair, secretary, times, number or a count lacks."""
    issue = minutes_issue(page).ready("biên bản họp Hội đồng")
    session = page.session
    doc = office.new_document(layout="state")
    office.add_state_header(
        doc, agency=issue.agency, number_line=issue.number_line, place=issue.place, on=issue.on
    )
    office.add_title(
        doc,
        "Biên bản",
        f"Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng năm {session.year}",
    )
    _opening(doc, page)
    _votes(doc, page)
    _closing(doc, page)
    office.add_signatures(doc, issue.signatures)
    return office.to_bytes(doc)
