import unicodedata

import pytest

from tongket.lib.text import code_point, fold, forbidden_characters, matches, slug

# fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đậu Liêu", "dau lieu"),
        ("Đảng", "dang"),
        ("đường", "duong"),
        ("ĐỒNG", "dong"),
        ("Phường Hòa Bình", "phuong hoa binh"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("Thủy Hóa Khỏe", "thuy hoa khoe"),
        ("ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỳýỷỹỵ", "aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy"),
        ("abc 123", "abc 123"),
    ],
)
def test_fold_drops_case_and_diacritics(text, expected):
    assert fold(text) == expected


def test_fold_handles_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Đậu Liêu")
    assert decomposed != "Đậu Liêu"
    assert fold(decomposed) == "dau lieu"


def test_fold_collapses_and_strips_whitespace():
    assert fold("  Xã \t Đậu\n\nLiêu  ") == "xa dau lieu"
    assert fold("Xã\u00a0Hòa") == "xa hoa"


@pytest.mark.parametrize("text", [None, "", "   "])
def test_fold_of_nothing_is_empty(text):
    assert fold(text) == ""


def test_fold_is_idempotent():
    assert fold(fold("Đậu Liêu")) == "dau lieu"


# matches


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("dau lieu", "Xã Đậu Liêu"),
        ("Dang", "Đảng ủy"),
        ("ĐẬU", "xã đậu liêu"),
        ("lieu dau", "Xã Đậu Liêu"),
        ("  hoa   binh ", "Phường Hòa Bình"),
        ("ho", "Phường Hòa Bình"),
    ],
)
def test_every_term_found_matches(query, text):
    assert matches(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("dau lieu hoa", "Xã Đậu Liêu"),
        ("dang", "Đoàn thanh niên"),
        ("xa", None),
    ],
)
def test_missing_term_does_not_match(query, text):
    assert not matches(query, text)


@pytest.mark.parametrize("query", ["", "   ", None])
def test_blank_query_matches_everything(query):
    assert matches(query, "Xã Đậu Liêu")


# slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phường Hòa Bình", "phuong-hoa-binh"),
        ("Đảng ủy xã Đậu Liêu", "dang-uy-xa-dau-lieu"),
        ("  Báo cáo: Tổng kết năm 2025!! ", "bao-cao-tong-ket-nam-2025"),
        ("15/QĐ-UBND", "15-qd-ubnd"),
        ("—", ""),
        (None, ""),
    ],
)
def test_slug_is_ascii_words_joined_by_dashes(text, expected):
    assert slug(text) == expected


def test_slug_is_plain_ascii():
    assert slug("Ổn định Ưu tiên Ơn").isascii()


# forbidden_characters


@pytest.mark.parametrize(
    "text",
    ["a\x00b", "\x01", "\x1b[31m", "x\x7f", "\x85", "\x9f", "\ud800", "h\ufffdng", "\uffff"],
)
def test_control_surrogate_and_replacement_characters_are_forbidden_everywhere(text):
    assert forbidden_characters(text)
    assert forbidden_characters(text, multiline=True)


def test_line_breaks_are_allowed_only_in_long_texts():
    assert forbidden_characters("Dòng 1\nDòng 2\r\n\tthụt lề") == ["\n", "\r", "\t"]
    assert forbidden_characters("Dòng 1\nDòng 2\r\n\tthụt lề", multiline=True) == []


def test_vietnamese_text_and_ordinary_symbols_are_allowed():
    text = "Hội trường UBND phường Hòa Bình – số 1, “Đường 3/2” € ½ 🎉 \u00a0 \u200b"
    assert forbidden_characters(text) == []


def test_each_forbidden_character_is_named_once_in_order():
    found = forbidden_characters("\x00a\x00\x07")
    assert [code_point(char) for char in found] == ["U+0000", "U+0007"]
