"""The party rulebook's starting rows, from RULES.md and what was checked beyond it (each row
says its source; rows marked unverified are defaults to be checked against the text). Loaded
by a data migration so a fresh database has them, and again by the demo and the
`seed_party_rulebook` command; idempotent: a row already there (same kind, key and date,
nationwide) is left as the administrators may have edited it."""

from __future__ import annotations

import datetime
from decimal import Decimal

DIEU_LE = "Điều lệ Đảng Cộng sản Việt Nam (2011)"
DIEU_LE_FROM = datetime.date(2011, 1, 19)
QD232 = (
    "Quy định số 232-QĐ/TW ngày 20/01/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng"
)
QD232_FROM = datetime.date(2025, 1, 20)
HD06 = "Hướng dẫn số 06-HD/TW ngày 09/06/2025 (thay Hướng dẫn 01-HD/TW năm 2021)"
QD366 = "Quy định số 366-QĐ/TW ngày 30/08/2025 của Bộ Chính trị"
QD366_FROM = datetime.date(2025, 8, 30)
HD16 = "Hướng dẫn 16-HD/BTCTW ngày 24/9/2018 (hướng dẫn trước Quy định 366-QĐ/TW)"
HD01 = "Hướng dẫn 01-HD/TW năm 2021 về một số vấn đề cụ thể thi hành Điều lệ Đảng"
HD01_FROM = datetime.date(2021, 9, 28)
TWO_THIRDS = Decimal("66.6667")
SECONDARY_SOURCE = "Nguồn đối chiếu: thuvienphapluat.vn trích mục 18 Hướng dẫn 01-HD/TW năm 2021."


def _row(kind, value=None, *, doc, on, article="", unverified=False, key="", text="", note=""):
    return {
        "kind": kind,
        "key": key,
        "value": value,
        "text": text,
        "doc": doc,
        "on": on,
        "article": article,
        "unverified": unverified,
        "note": note,
    }


BEFORE_QD232 = "Điều lệ Đảng (2011) và các quy định thi hành trước Quy định số 232-QĐ/TW"

RULES = [
    # Admission before QĐ 232 (the same numbers were applied; unverified for those years)
    _row(
        "admission_min_age",
        Decimal(18),
        doc=BEFORE_QD232,
        on=DIEU_LE_FROM,
        article="khoản 2 Điều 1 Điều lệ Đảng",
        unverified=True,
    ),
    _row("admission_max_age", Decimal(60), doc=BEFORE_QD232, on=DIEU_LE_FROM, unverified=True),
    _row(
        "admission_education",
        Decimal(2),
        doc=BEFORE_QD232,
        on=DIEU_LE_FROM,
        unverified=True,
        text="Tốt nghiệp trung học cơ sở trở lên",
    ),
    # Admission (RULES.md: verified for age and education)
    _row(
        "admission_min_age",
        Decimal(18),
        doc=QD232,
        on=QD232_FROM,
        article="thi hành khoản 2 Điều 1 Điều lệ Đảng",
        note="Từ đủ 18 tuổi, tính theo tháng, tại thời điểm chi bộ xét kết nạp.",
    ),
    _row(
        "admission_max_age",
        Decimal(60),
        doc=QD232,
        on=QD232_FROM,
        article="thi hành khoản 2 Điều 1 Điều lệ Đảng",
        note="Đến đủ 60 tuổi, tính theo tháng; trên 60 tuổi do cấp ủy trực thuộc Trung ương "
        "xem xét, quyết định.",
    ),
    _row(
        "admission_education",
        Decimal(2),
        doc=QD232,
        on=QD232_FROM,
        article="thi hành khoản 2 Điều 1 Điều lệ Đảng",
        text="Tốt nghiệp trung học cơ sở trở lên",
        note="Miền núi, hải đảo, vùng đồng bào dân tộc thiểu số, vùng đặc biệt khó khăn: theo "
        "hướng dẫn của Ban Bí thư (ghi trường hợp ngoại lệ trên hồ sơ).",
    ),
    # Long-standing practice, unverified under QĐ 294-QĐ/TW and HD 06-HD/TW (RULES.md)
    _row(
        "course_certificate",
        Decimal(1),
        doc=HD06,
        on=DIEU_LE_FROM,
        article="thủ tục kết nạp (thực tiễn lâu nay)",
        unverified=True,
        text="Có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng",
    ),
    _row(
        "introducer_count",
        Decimal(2),
        doc=DIEU_LE,
        on=DIEU_LE_FROM,
        article="Điều 4",
        unverified=True,
    ),
    _row(
        "introducer_months",
        Decimal(12),
        doc=DIEU_LE,
        on=DIEU_LE_FROM,
        article="Điều 4",
        unverified=True,
        note="Người giới thiệu cùng công tác với người vào Đảng ít nhất 12 tháng.",
    ),
    _row(
        "introducer_full",
        Decimal(1),
        doc=DIEU_LE,
        on=DIEU_LE_FROM,
        article="Điều 4",
        unverified=True,
        text="Người giới thiệu phải là đảng viên chính thức",
    ),
    _row(
        "cell_vote_share",
        TWO_THIRDS,
        doc=DIEU_LE,
        on=DIEU_LE_FROM,
        article="Điều 4",
        unverified=True,
        text="Hai phần ba số đảng viên chính thức trở lên đồng ý",
    ),
    _row(
        "committee_vote_share",
        TWO_THIRDS,
        doc=DIEU_LE,
        on=DIEU_LE_FROM,
        article="Điều 4",
        unverified=True,
        text="Hai phần ba số cấp ủy viên trở lên đồng ý",
    ),
    _row(
        "ceremony_days",
        Decimal(30),
        doc=HD06,
        on=DIEU_LE_FROM,
        unverified=True,
        note="Tổ chức lễ kết nạp trong thời hạn sau khi có quyết định (thực tiễn: 30 ngày).",
    ),
    _row(
        "probation_months",
        Decimal(12),
        doc=DIEU_LE,
        on=DIEU_LE_FROM,
        article="Điều 5",
        note="Thời kỳ dự bị 12 tháng, tính từ ngày chi bộ tổ chức lễ kết nạp.",
    ),
    _row(
        "full_vote_share",
        TWO_THIRDS,
        doc=DIEU_LE,
        on=DIEU_LE_FROM,
        article="Điều 5",
        unverified=True,
        text="Hai phần ba số đảng viên chính thức trở lên đồng ý",
    ),
    _row(
        "full_review_days",
        Decimal(30),
        doc=HD06,
        on=DIEU_LE_FROM,
        unverified=True,
        note="Chi bộ xét công nhận chính thức sau khi hết 12 tháng dự bị (thực tiễn: 30 ngày).",
    ),
    _row(
        "readmission_months",
        Decimal(36),
        doc=QD232,
        on=QD232_FROM,
        article="điểm 3.5.1",
        note="Ít nhất 36 tháng kể từ khi ra khỏi Đảng.",
    ),
    # Quality rating: QĐ 366 Điều 11 (bands verified), the cap unverified (RULES.md)
    *[
        _row(
            "rating_band",
            Decimal(points),
            key=level,
            doc=QD366,
            on=QD366_FROM,
            article="Điều 11",
        )
        for level, points in (("excellent", 90), ("good", 70), ("done", 50))
    ],
    _row(
        "excellent_cap",
        Decimal(20),
        doc=HD16,
        on=datetime.date(2018, 9, 24),
        unverified=True,
        note="“Hoàn thành xuất sắc nhiệm vụ” không quá 20% số “hoàn thành tốt nhiệm vụ” trong "
        "cùng tổ chức (hướng dẫn trước đây; Nghị định 335/2025/NĐ-CP với công chức). Với đảng "
        "viên theo Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW: chưa xác minh.",
    ),
    # Huy hiệu Đảng: milestones and award dates (unverified)
    *[
        _row(
            "badge_milestone",
            Decimal(years),
            key=str(years),
            doc=HD01,
            on=HD01_FROM,
            article="mục 18",
            unverified=True,
            note=SECONDARY_SOURCE,
        )
        for years in (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
    ],
    *[
        _row(
            "badge_date",
            key=day,
            text=label,
            doc=HD01,
            on=HD01_FROM,
            article="mục 18",
            unverified=True,
            note=SECONDARY_SOURCE,
        )
        for day, label in (
            ("03/02", "Ngày thành lập Đảng"),
            ("19/05", "Ngày sinh Chủ tịch Hồ Chí Minh"),
            ("02/09", "Quốc khánh"),
            ("07/11", "Cách mạng Tháng Mười Nga"),
        )
    ],
]


def seed_rulebook(apps=None) -> int:
    """Create the missing starting rows; return how many were created."""
    if apps is None:
        from .models import Rule
    else:
        Rule = apps.get_model("party", "Rule")
    created = 0
    for row in RULES:
        _, made = Rule.objects.get_or_create(
            kind=row["kind"],
            key=row["key"],
            effective_from=row["on"],
            unit=None,
            defaults={
                "value": row["value"],
                "text": row["text"],
                "citation_document": row["doc"],
                "citation_article": row["article"],
                "unverified": row["unverified"],
                "note": row["note"],
            },
        )
        created += made
    return created
