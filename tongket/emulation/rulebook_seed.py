"""The rulebook's starting rows, taken from RULES.md. Loaded by a data migration so a fresh
database has it, and again by the demo; idempotent: a row already there (same title, kind,
recipient and date, nationwide) is left as the administrators may have edited it.

Numbers marked unverified in RULES.md are shipped as defaults with `unverified=True`.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from .rulebook_sources import (
    DOCUMENTS,
    KINDS,
    LAW,
    LAW_FROM,
    ND73,
    ND91,
    ND91_FROM,
    ND91_NOTE,
    ND152,
    ND152_FROM,
    OLD_LAW,
    OLD_PARTY,
    PARTY,
)


def _rule(kind, rule, *, on=LAW_FROM, doc=LAW, article="", unverified=False, **values):
    return {
        "kind": kind,
        "rule": rule,
        "on": on,
        "doc": doc,
        "article": article,
        "unverified": unverified,
        **values,
    }


def _council(kind, value="50", operator="gt", **extra):
    return _rule(
        kind,
        "council_threshold",
        value=Decimal(value),
        operator=operator,
        doc=extra.pop("doc", ND152),
        on=extra.pop("on", ND152_FROM),
        unverified=True,
        note=extra.pop(
            "note", "Tỷ lệ do đơn vị quy định; mặc định: quá nửa tổng số thành viên Hội đồng."
        ),
    )


RULES = [
    # Lao động tiên tiến
    _rule("ldtt", "awarding_body", text="chairman", article="Điều 80 khoản 3"),
    _rule(
        "ldtt", "registration_required", value=Decimal(1), doc=ND152, on=ND152_FROM, unverified=True
    ),
    _rule(
        "ldtt",
        "criteria",
        text="Hoàn thành tốt nhiệm vụ trở lên; có tinh thần tự lực, tự "
        "cường; tích cực tham gia các phong trào thi đua.",
    ),
    _rule("ldtt", "required_rating", text="good"),
    _council("ldtt"),
    _rule("ldtt", "prize_coefficient", value=Decimal("0.3"), doc=ND152, on=ND152_FROM),
    # Chiến sĩ thi đua cơ sở
    _rule(
        "cstdcs",
        "awarding_body",
        text="chairman",
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
        note="Thẩm quyền của Chủ tịch UBND cấp huyện cũ chuyển giao theo NĐ 152/2025.",
    ),
    _rule(
        "cstdcs",
        "registration_required",
        value=Decimal(1),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "cstdcs",
        "criteria",
        text="Đạt danh hiệu “Lao động tiên tiến” và có sáng kiến, giải "
        "pháp được đơn vị công nhận, áp dụng (cách diễn đạt trước năm 2024).",
        unverified=True,
    ),
    _rule("cstdcs", "prerequisite", reference="ldtt", unverified=True),
    _rule(
        "cstdcs",
        "cap_share",
        value=Decimal(15),
        operator="lte",
        reference="ldtt",
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
        note="Không quá 15% số cá nhân đạt “Lao động tiên tiến” của đơn vị (quy định cũ).",
    ),
    _council("cstdcs"),
    _rule("cstdcs", "prize_coefficient", value=Decimal("1.0"), doc=ND152, on=ND152_FROM),
    # Chiến sĩ thi đua cấp tỉnh (the commune nominates upward)
    _rule("cstd-tinh", "awarding_body", text="province_chairman"),
    _rule(
        "cstd-tinh",
        "registration_required",
        value=Decimal(1),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "cstd-tinh",
        "consecutive_years",
        value=Decimal(3),
        reference="cstdcs",
        note="Ba lần liên tục đạt “Chiến sĩ thi đua cơ sở”, có sáng kiến ảnh hưởng cấp tỉnh.",
    ),
    _council(
        "cstd-tinh",
        value="90",
        operator="gte",
        note="Quy định cũ: từ 90% tổng số thành viên Hội đồng trở lên.",
    ),
    # Tập thể lao động tiên tiến
    _rule("ttldtt", "awarding_body", text="chairman", doc=ND152, on=ND152_FROM, unverified=True),
    _rule(
        "ttldtt",
        "registration_required",
        value=Decimal(1),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "ttldtt",
        "criteria",
        text="Trên 50% cá nhân đạt “Lao động tiên tiến”; không có cá "
        "nhân bị kỷ luật từ hình thức cảnh cáo trở lên.",
    ),
    _rule("ttldtt", "member_share", value=Decimal(50), operator="gt", reference="ldtt"),
    _council("ttldtt"),
    _rule("ttldtt", "prize_coefficient", value=Decimal("0.8"), doc=ND152, on=ND152_FROM),
    # Tập thể lao động xuất sắc
    _rule(
        "ttldxs",
        "awarding_body",
        text="province_chairman",
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "ttldxs",
        "registration_required",
        value=Decimal(1),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "ttldxs",
        "criteria",
        text="100% cá nhân hoàn thành nhiệm vụ; từ 70% cá nhân đạt “Lao "
        "động tiên tiến”; có cá nhân đạt “Chiến sĩ thi đua cơ sở”; không có cá nhân bị kỷ "
        "luật từ hình thức cảnh cáo trở lên.",
        unverified=True,
    ),
    _rule(
        "ttldxs",
        "member_share",
        value=Decimal(70),
        operator="gte",
        reference="ldtt",
        unverified=True,
    ),
    _rule(
        "ttldxs",
        "member_count",
        value=Decimal(1),
        operator="gte",
        reference="cstdcs",
        unverified=True,
    ),
    _council("ttldxs"),
    _rule("ttldxs", "prize_coefficient", value=Decimal("1.5"), doc=ND152, on=ND152_FROM),
    # Gia đình văn hóa
    _rule("gdvh", "awarding_body", text="chairman", article="Điều 80 khoản 3"),
    _rule(
        "gdvh", "registration_required", value=Decimal(0), doc=ND152, on=ND152_FROM, unverified=True
    ),
    _rule(
        "gdvh",
        "criteria",
        article="Điều 31",
        text="Ba nhóm tiêu chuẩn theo Nghị định "
        "86/2023/NĐ-CP: gương mẫu chấp hành chủ trương, pháp luật; gia đình no ấm, hòa thuận, "
        "tiến bộ; tương trợ, giúp đỡ mọi người trong cộng đồng.",
    ),
    _council("gdvh"),
    _rule(
        "gdvh",
        "prize_coefficient",
        value=Decimal("0.1"),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
        note="Mức chưa xác minh; mặc định theo mức trước đây.",
    ),
    # Thôn, tổ dân phố văn hóa
    _rule(
        "tdpvh",
        "awarding_body",
        text="chairman",
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
        note="Thẩm quyền của Chủ tịch UBND cấp huyện cũ chuyển giao theo NĐ 152/2025.",
    ),
    _rule(
        "tdpvh",
        "registration_required",
        value=Decimal(0),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "tdpvh",
        "criteria",
        article="Điều 30",
        text="Năm tiêu chuẩn theo Nghị định "
        "86/2023/NĐ-CP: đời sống kinh tế ổn định; đời sống văn hóa lành mạnh; môi trường an "
        "toàn, sạch đẹp; chấp hành chủ trương của Đảng, pháp luật của Nhà nước, giữ gìn trật "
        "tự; đoàn kết, tương trợ.",
    ),
    _council("tdpvh"),
    _rule("tdpvh", "prize_coefficient", value=Decimal("1.5"), doc=ND152, on=ND152_FROM),
    # Xã, phường, đặc khu tiêu biểu
    _rule(
        "xptb", "awarding_body", text="province_chairman", doc=ND152, on=ND152_FROM, unverified=True
    ),
    _rule(
        "xptb", "registration_required", value=Decimal(1), doc=ND152, on=ND152_FROM, unverified=True
    ),
    _council("xptb"),
    _rule("xptb", "prize_coefficient", value=Decimal("2.0"), doc=ND152, on=ND152_FROM),
    # Giấy khen của Chủ tịch UBND cấp xã
    _rule("gk-chutich", "awarding_body", text="chairman", article="Điều 80 khoản 3"),
    _rule("gk-chutich", "registration_required", value=Decimal(0)),
    _council("gk-chutich"),
    _rule(
        "gk-chutich",
        "prize_coefficient",
        recipient="individual",
        value=Decimal("0.3"),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "gk-chutich",
        "prize_coefficient",
        recipient="collective",
        value=Decimal("0.6"),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    _rule(
        "gk-chutich",
        "prize_coefficient",
        recipient="household",
        value=Decimal("0.3"),
        doc=ND152,
        on=ND152_FROM,
        unverified=True,
    ),
    # Giấy khen của Đảng ủy cấp xã
    _rule("gk-danguy", "awarding_body", text="party_committee", doc=PARTY, unverified=True),
    _rule("gk-danguy", "registration_required", value=Decimal(0), doc=PARTY, unverified=True),
    _council("gk-danguy", doc=PARTY, on=LAW_FROM),
    _rule(
        "gk-danguy",
        "prize_coefficient",
        recipient="individual",
        value=Decimal("0.3"),
        doc=PARTY,
        unverified=True,
    ),
    _rule(
        "gk-danguy",
        "prize_coefficient",
        recipient="collective",
        value=Decimal("0.6"),
        doc=PARTY,
        unverified=True,
    ),
    # Earlier years (RULES.md): the base salary by date, and Nghị định 91/2017's
    # coefficients and awarding bodies for decisions before NĐ 152/2025 (unverified).
    *[
        _rule(None, "base_salary", value=Decimal(value), doc=doc, article=article, on=on)
        for value, doc, article, on in (
            (1_210_000, "Nghị định 47/2016/NĐ-CP", "Điều 3", datetime.date(2016, 5, 1)),
            (1_300_000, "Nghị định 47/2017/NĐ-CP", "Điều 3", datetime.date(2017, 7, 1)),
            (1_390_000, "Nghị định 72/2018/NĐ-CP", "Điều 3", datetime.date(2018, 7, 1)),
            (1_490_000, "Nghị định 38/2019/NĐ-CP", "Điều 3", datetime.date(2019, 7, 1)),
            (1_800_000, "Nghị định 24/2023/NĐ-CP", "Điều 3", datetime.date(2023, 7, 1)),
        )
    ],
    *[
        _rule(
            kind,
            "prize_coefficient",
            recipient=recipient,
            value=Decimal(value),
            doc=ND91,
            article=article,
            on=ND91_FROM,
            unverified=True,
            note=ND91_NOTE,
        )
        for kind, recipient, value, article in (
            ("cstdcs", "", "1.0", "Điều 70"),
            ("ldtt", "", "0.3", "Điều 70"),
            ("ttldxs", "", "1.5", "Điều 71"),
            ("ttldtt", "", "0.8", "Điều 71"),
            ("tdpvh", "", "1.5", "Điều 71"),
            ("gdvh", "", "0.1", "Điều 71"),
            ("gk-chutich", "individual", "0.3", "Điều 75"),
            ("gk-chutich", "collective", "0.6", "Điều 75"),
            ("gk-chutich", "household", "0.3", "Điều 75"),
        )
    ],
    *[
        _rule(
            kind,
            "awarding_body",
            text=body,
            doc=OLD_LAW,
            on=ND91_FROM,
            unverified=True,
            note=ND91_NOTE,
        )
        for kind, body in (
            ("ldtt", "chairman"),
            ("gdvh", "chairman"),
            ("gk-chutich", "chairman"),
            ("cstdcs", "district_chairman"),
            ("ttldtt", "district_chairman"),
            ("tdpvh", "district_chairman"),
            ("ttldxs", "province_chairman"),
            ("cstd-tinh", "province_chairman"),
        )
    ],
    # The whole rulebook
    _rule(
        None,
        "base_salary",
        value=Decimal(2_340_000),
        doc=ND73,
        article="Điều 3",
        on=datetime.date(2024, 7, 1),
    ),
    _rule(
        None,
        "single_award",
        article="Điều 5",
        unverified=True,
        text="Một thành tích chỉ được khen thưởng một lần, không tặng nhiều hình thức khen "
        "thưởng cho cùng một thành tích; một hình thức có thể tặng nhiều lần ở các năm khác "
        "nhau.",
    ),
]


def seed_documents(apps=None) -> int:
    """Create the legal documents the rows cite (missing ones only); rows that cited the
    party's rules without a number now cite Quy định 232-QĐ/TW."""
    if apps is None:
        from .models import LegalDocument, Rule
    else:
        try:
            LegalDocument = apps.get_model("emulation", "LegalDocument")
        except LookupError:  # an early migration: migration 0004 seeds them
            return 0
        Rule = apps.get_model("emulation", "Rule")
    created = 0
    for short, kind, number, issued_on, issuer, title, unverified, note in DOCUMENTS:
        _, made = LegalDocument.objects.get_or_create(
            short_name=short,
            defaults={
                "kind": kind,
                "number": number,
                "issued_on": issued_on,
                "issuer": issuer,
                "title": title,
                "unverified": unverified,
                "note": note,
            },
        )
        created += made
    Rule.objects.filter(citation_document=OLD_PARTY).update(citation_document=PARTY)
    return created


def seed_rulebook(apps=None) -> int:
    """Create the missing starting rows; return how many were created."""
    created = seed_documents(apps)
    if apps is None:
        from .models import AwardKind, Rule
    else:
        AwardKind = apps.get_model("emulation", "AwardKind")
        Rule = apps.get_model("emulation", "Rule")
    kinds = {}
    for code, name, short, category, ind, coll, hh, unit_kinds, order in KINDS:
        kind, made = AwardKind.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short,
                "category": category,
                "for_individuals": ind,
                "for_collectives": coll,
                "for_households": hh,
                "collective_unit_kinds": unit_kinds,
                "order": order,
            },
        )
        kinds[code] = kind
        created += made
    for row in RULES:
        award_kind = kinds[row["kind"]] if row["kind"] else None
        _, made = Rule.objects.get_or_create(
            award_kind=award_kind,
            kind=row["rule"],
            recipient=row.get("recipient", ""),
            effective_from=row["on"],
            unit=None,
            defaults={
                "operator": row.get("operator", ""),
                "value": row.get("value"),
                "text": row.get("text", ""),
                "reference_kind": kinds[row["reference"]] if row.get("reference") else None,
                "citation_document": row["doc"],
                "citation_article": row["article"],
                "unverified": row["unverified"],
                "note": row.get("note", ""),
            },
        )
        created += made
    return created
