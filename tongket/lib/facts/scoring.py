"""How a proposed fact is compared with a gold one (the rules of devset/README.md), and the
check that no proposed number is invented."""

from __future__ import annotations

import re
from decimal import Decimal

from tongket.lib.numbers import NumberFormatError, parse_number
from tongket.lib.text import fold

from .lexicon import SCALES
from .model import Fact, FactKind

__all__ = ["TYPES", "invented_numbers", "records", "same"]

TYPES = (
    "indicator_value",
    "pct_of_plan",
    "award_count",
    "party_figure",
    "conference",
    "recommendation",
    "problem",
)
_LITERAL = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:[.,]\d+)*")
_PUNCT = re.compile(r"[^a-z0-9% ]+")


# --- comparing ---------------------------------------------------------------------------


def _number(value) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    return parse_number(str(value))


def _norm(text: str | None) -> str:
    folded = (
        fold(text or "").replace("uy ban nhan dan", "ubnd").replace("hoi dong nhan dan", "hdnd")
    )
    return " ".join(_PUNCT.sub(" ", folded).split())


def _form(text: str | None) -> str:
    return _norm(text).removeprefix("danh hieu ").strip()


def _contains_either(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


def _overlap(a: str, b: str, share: float = 0.5) -> bool:
    wa, wb = set(_norm(a).split()), set(_norm(b).split())
    if not wa or not wb:
        return False
    return _contains_either(_norm(a), _norm(b)) or len(wa & wb) / min(len(wa), len(wb)) >= share


def _unit_ok(gold: str, proposed: str) -> bool:
    g, p = _norm(gold).split(), _norm(proposed).split()
    shorter = min(len(g), len(p))
    return g == p or (shorter > 0 and g[:shorter] == p[:shorter])


def _owner_ok(gold: str | None, proposed: str | None) -> bool:
    if gold is None or proposed is None:
        return gold is None and proposed is None
    return _contains_either(_norm(gold), _norm(proposed))


def _indicator_ok(gold: dict, proposed: dict) -> bool:
    if gold.get("code"):
        return proposed.get("code") == gold["code"]
    return proposed.get("code") is None and _overlap(gold["indicator"], proposed["indicator"])


def _common_ok(gold: dict, proposed: dict) -> bool:
    return (
        gold.get("period") == proposed.get("period")
        and _owner_ok(gold.get("unit_name"), proposed.get("unit_name"))
        and bool(gold.get("estimate", False)) == bool(proposed.get("estimate", False))
    )


def same(kind: str, gold: dict, proposed: dict) -> bool:
    if kind == "indicator_value":
        return (
            _number(gold["amount"]) == proposed["amount"]
            and _number(gold.get("denominator")) == proposed.get("denominator")
            and _unit_ok(gold.get("unit", ""), proposed.get("unit", ""))
            and _norm(gold.get("qualifier")) == _norm(proposed.get("qualifier"))
            and _common_ok(gold, proposed)
            and _indicator_ok(gold, proposed)
        )
    if kind == "pct_of_plan":
        return (
            _number(gold["pct"]) == proposed["pct"]
            and gold.get("relation", "of") == proposed["relation"]
            and _common_ok(gold, proposed)
            and _indicator_ok(gold, proposed)
        )
    if kind == "award_count":
        return (
            _norm(gold.get("body")) == _norm(proposed.get("body"))
            and _form(gold.get("form")) == _form(proposed.get("form"))
            and all(
                _number(gold.get(key)) == proposed.get(key)
                for key in ("collectives", "individuals", "households", "total")
            )
        )
    if kind == "party_figure":
        return _party_same(gold, proposed)
    if kind == "conference":
        return _conference_same(gold, proposed)
    if kind == "recommendation":
        return _overlap(gold["text"], proposed["text"], 0.8)
    return gold["number"] == proposed["number"]


def _party_same(gold: dict, proposed: dict) -> bool:
    who = {"dong chi": "dang vien"}
    return (
        gold["name"] == proposed["name"]
        and all(
            who.get(_norm(gold[key]), _norm(gold[key]))
            == who.get(_norm(proposed.get(key)), _norm(proposed.get(key)))
            for key in ("detail", "who", "level")
            if key in gold
        )
        and _number(gold["amount"]) == proposed["amount"]
        and _number(gold.get("denominator")) == proposed.get("denominator")
        and gold.get("unit", "") == proposed.get("unit", "")
        and _norm(gold.get("qualifier")) == _norm(proposed.get("qualifier"))
        and gold.get("period") == proposed.get("period")
        and _owner_ok(gold.get("unit_name"), proposed.get("unit_name"))
    )


def _conference_same(gold: dict, proposed: dict) -> bool:
    field_name = gold["field"]
    if field_name != proposed.get("field"):
        return False
    if field_name in ("guest", "chair"):
        return _norm(gold["name"]) == _norm(proposed.get("name")) and _contains_either(
            _norm(gold["title"]), _norm(proposed.get("title"))
        )
    if field_name == "document":
        return (
            _norm(gold["number"]) == _norm(proposed.get("number"))
            and _norm(gold["doc_kind"]) == _norm(proposed.get("doc_kind"))
            and gold.get("date") == proposed.get("date")
        )
    return _norm(gold["value"]) == _norm(proposed.get("value"))


# --- proposed facts as records -----------------------------------------------------------


def _common(fact: Fact) -> dict:
    return {
        "code": fact.code,
        "estimate": fact.estimate,
        "period": fact.period.key if fact.period else None,
        "unit_name": fact.unit_name,
    }


def records(fact: Fact) -> list[tuple[str, dict]]:
    """The (type, record) pairs a proposed fact counts as in the evaluation."""
    found: list[tuple[str, dict]] = []
    fields = fact.fields
    if fact.kind == FactKind.INDICATOR_VALUE and fact.amount is not None:
        record = {"indicator": fact.subject, "amount": fact.amount, "unit": fact.unit}
        record |= {"denominator": fact.denominator, "qualifier": fact.qualifier}
        found.append(("indicator_value", record | _common(fact)))
    if fact.kind == FactKind.PARTY_FIGURE:
        record = {key: fields.get(key) for key in ("name", "detail", "who", "level")}
        record |= {"amount": fact.amount, "denominator": fact.denominator, "unit": fact.unit}
        record |= {"qualifier": fact.qualifier, "period": _common(fact)["period"]}
        found.append(("party_figure", record | {"unit_name": fact.unit_name}))
    for share in fact.plan_shares:
        record = {"indicator": fields.get("phrase") or fact.subject, "pct": share.pct}
        record["relation"] = "over" if share.over else "of"
        found.append(("pct_of_plan", record | _common(fact)))
    if fact.kind == FactKind.AWARD_COUNT:
        found.append(("award_count", dict(fields)))
    if fact.kind == FactKind.CONFERENCE:
        found.append(("conference", dict(fields)))
    if fact.kind == FactKind.RECOMMENDATION:
        found.append(("recommendation", {"text": fields.get("text", "")}))
    if fact.kind == FactKind.PROBLEM:
        found.append(("problem", {"number": fields.get("number", "")}))
    return found


# --- invented numbers --------------------------------------------------------------------


def _literals(sentence: str) -> set[Decimal]:
    values = set()
    for token in _LITERAL.findall(sentence):
        try:
            values.add(parse_number(token))
        except NumberFormatError:
            continue
    return values


def _claims(fact: Fact) -> list[Decimal]:
    claims = [fact.amount, fact.denominator, *(share.pct for share in fact.plan_shares)]
    if fact.kind == FactKind.AWARD_COUNT:
        claims += [fact.fields.get(key) for key in ("collectives", "individuals", "households")]
        claims.append(fact.fields.get("total"))
    return [claim for claim in claims if isinstance(claim, Decimal)]


def invented_numbers(fact: Fact, text: str) -> list[str]:
    """The numbers of a fact that are not literally in its sentence, described; [] when all
    are. Also checks each number's recorded place and the scaled value."""
    sentence = text[fact.sentence.start : fact.sentence.end]
    literals = _literals(sentence)
    problems = [f"{claim} không có trong câu" for claim in _claims(fact) if claim not in literals]
    for ref in fact.numbers:
        if text[ref.span.start : ref.span.end] != ref.text or parse_number(ref.text) != ref.value:
            problems.append(f"{ref.text} không ở vị trí {ref.span}")
    if fact.value is not None and fact.amount is not None:
        scale = next(
            (
                SCALES[word]
                for word in SCALES
                if fact.unit.startswith(word + " ") or fact.unit == word
            ),
            Decimal(1),
        )
        if fact.value != fact.amount * scale:
            problems.append(f"giá trị {fact.value} khác {fact.amount} × {scale}")
    return problems
