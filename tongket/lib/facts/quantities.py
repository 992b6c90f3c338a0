"""A quantity as written: [qualifier] number [/ number] [scale word] [unit].

"trên 36 tỷ đồng", "1.204,6 tấn", "0,31%", "42/42 tuyến phố", "72,3 triệu đồng/người/năm",
"1,35 triệu lượt khách", "150 lao động". The value is exact (Decimal): the scale word
multiplies the number as written, never a float.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .lexicon import COUNT_NOUNS, MEASURES, QUALIFIERS, SCALES, TIME_NOUNS, alternation
from .model import NumberRef, Span
from .tokens import NumberToken

__all__ = ["Quantity", "exact", "quantities_of"]

_SCALE = re.compile(rf"\s*({alternation(list(SCALES))})(?![\w])", re.IGNORECASE)
_PERCENT = re.compile(r"\s*%(?:\s*/\s*(?:năm|tháng))?")
_MEASURE = re.compile(rf"\s*({alternation(MEASURES)})(?![\w²³])", re.IGNORECASE)
_COUNT = re.compile(rf"\s*({alternation(COUNT_NOUNS)})(?![\w])", re.IGNORECASE)
_PER = re.compile(r"(?:\s*/\s*(?:người|năm|tháng|hộ|ha|lao động|ngày)(?![\w])){1,2}")
_QUALIFIER = re.compile(rf"(?:^|(?<=\s))({alternation(QUALIFIERS)})\s+$", re.IGNORECASE)
_GUESSED_NOUN = re.compile(
    r"\s*([a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+)"
)
_NOT_A_NOUN = {
    "và",
    "cho",
    "với",
    "trong",
    "đạt",
    "bằng",
    "của",
    "so",
    "tăng",
    "giảm",
    "là",
    "từ",
    "đến",
    "tới",
    "lên",
    "xuống",
    "còn",
    "được",
    "vượt",
    "chiếm",
    "trên",
    "dưới",
    "gần",
    "hơn",
    "khoảng",
    "theo",
    "tại",
    "ở",
    "thì",
    "nhưng",
    "nên",
    "vì",
    "do",
    "về",
}
_MONEY = ("đồng", "vnđ", "usd")


@dataclass(frozen=True)
class Quantity:
    """A number with what is written around it. `start` includes the qualifier, `end` the
    unit. `kind`: "percent", "money", "measure", "count", "scaled" (a scale word alone:
    "gần 12 tỷ") or "bare" (a number alone)."""

    start: int
    number: NumberToken
    denominator: NumberToken | None
    end: int
    qualifier: str
    scale: Decimal
    unit: str
    base_unit: str
    kind: str
    unit_guessed: bool = False

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def amount(self) -> Decimal | None:
        return self.number.value

    @property
    def value(self) -> Decimal | None:
        if self.number.value is None:
            return None
        return exact(self.number.value * self.scale)

    @property
    def readable(self) -> bool:
        return self.number.value is not None and (
            self.denominator is None or self.denominator.value is not None
        )

    @property
    def is_time(self) -> bool:
        """ "5 năm liền", "3 tháng": a duration, never a result."""
        return self.kind == "count" and self.base_unit in TIME_NOUNS

    def refs(self) -> list[NumberRef]:
        refs = [NumberRef(self.number.text, self.number.span, self.number.value, self.scale)]
        if self.denominator is not None:
            token = self.denominator
            refs.append(NumberRef(token.text, token.span, token.value))
        return refs


def exact(number: Decimal) -> Decimal:
    """12400000000.0 → 12400000000; 12.40 → 12.4 (same value, no exponent)."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return Decimal(format(number.normalize(), "f"))


def _canonical(unit: str) -> str:
    unit = " ".join(unit.lower().split()).replace("tỉ", "tỷ").replace("m²", "m2")
    return unit.replace("m³", "m3").replace(" /", "/").replace("/ ", "/")


def _unit_after(text: str, position: int, end: int) -> tuple[int, str, str, bool]:
    """(end, base unit, kind, guessed) of the unit starting at `position`."""
    if match := _PERCENT.match(text, position, end):
        return match.end(), _canonical(match.group(0).strip()), "percent", False
    matches = [
        (match, kind)
        for pattern, kind in ((_MEASURE, "measure"), (_COUNT, "count"))
        if (match := pattern.match(text, position, end))
    ]
    if matches:
        match, kind = max(matches, key=lambda found: found[0].end())
        stop = match.end()
        if per := _PER.match(text, stop, end):
            stop = per.end()
        base = _canonical(text[match.start(1) : stop])
        if kind == "measure" and base.split("/")[0] in _MONEY:
            kind = "money"
        return stop, base, kind, False
    if match := _GUESSED_NOUN.match(text, position, end):
        word = match.group(1)
        if word.lower() not in _NOT_A_NOUN:
            return match.end(), word.lower(), "count", True
    return position, "", "bare", False


def _qualifier_before(text: str, start: int, position: int) -> tuple[int, str]:
    match = _QUALIFIER.search(text, start, position)
    if match is None:
        return position, ""
    return match.start(1), " ".join(match.group(1).lower().split())


def quantity_at(
    text: str, tokens: list[NumberToken], index: int, start: int, end: int
) -> tuple[Quantity, int]:
    """The quantity whose number is tokens[index], and the index of the next token."""
    token = tokens[index]
    denominator, following = None, index + 1
    if (
        following < len(tokens)
        and text[token.span.end : tokens[following].span.start] == "/"
        and tokens[following].value is not None
    ):
        denominator, following = tokens[following], following + 1
    position = (denominator or token).span.end
    scale, scale_word = Decimal(1), ""
    if match := _SCALE.match(text, position, end):
        scale_word = _canonical(match.group(1))
        scale, position = SCALES[scale_word], match.end()
    stop, base, kind, guessed = _unit_after(text, position, end)
    if scale_word and kind in ("bare", "percent"):
        stop, base, kind = position, "", "scaled"
    unit = _canonical(f"{scale_word} {base}") if scale_word else base
    if kind == "bare" and denominator is not None:
        kind = "count"
    qualifier_start, qualifier = _qualifier_before(text, start, token.span.start)
    if qualifier == "trên" and denominator is not None:
        qualifier_start, qualifier = token.span.start, ""  # "trên 42/42 tuyến phố": "on"
    quantity = Quantity(
        qualifier_start,
        token,
        denominator,
        stop,
        qualifier,
        scale,
        unit,
        base,
        kind,
        guessed,
    )
    return quantity, following


def quantities_of(text: str, tokens: list[NumberToken], start: int, end: int) -> list[Quantity]:
    """Every quantity of a sentence, in order (a ratio "42/42" is one quantity)."""
    quantities: list[Quantity] = []
    index = 0
    while index < len(tokens):
        quantity, index = quantity_at(text, tokens, index, start, end)
        before = text[max(start, quantity.number.span.start - 2) : quantity.number.span.start]
        if before.endswith("/") and before[:1].isalpha():
            quantity = replace(quantity, kind="bare", unit="", base_unit="")  # "bé trai/100 bé gái"
        quantities.append(quantity)
    return quantities
