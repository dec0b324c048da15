"""Bytes -> NFC text: each encoding detected from content alone, overrides, refusals."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from kg.sources.decode import DecodeError, decode_bytes, fix_legacy_text, normalize_encoding_name
from tests.fixtures.make_fixtures import (
    NEWS,
    OFFICIAL,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
    tcvn3_representable,
)

# A third text, written for these tests, so detection is not tuned to the fixture files alone.
MEETING = (
    "Chiều 12/9, Thường trực Hội đồng nhân dân thành phố Đà Nẵng họp phiên thường kỳ tháng 9. "
    "Chủ tịch Hội đồng nhân dân thành phố chủ trì phiên họp, đề nghị các ban khẩn trương thẩm tra "
    "tờ trình về kế hoạch đầu tư công và báo cáo kết quả giám sát việc giải quyết kiến nghị cử tri.\n"
)
TEXTS = {"official": OFFICIAL, "news": NEWS, "meeting": MEETING}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize(
    ("codec", "encode", "expected_name"),
    [
        ("utf-8", lambda t: t.encode("utf-8"), "utf-8"),
        ("utf-8-sig", lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        ("utf-16", lambda t: t.encode("utf-16"), "utf-16"),
        ("utf-16-be-bom", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
        ("utf-16-le", lambda t: t.encode("utf-16-le"), "utf-16-le"),
        ("utf-16-be", lambda t: t.encode("utf-16-be"), "utf-16-be"),
        ("utf-32", lambda t: t.encode("utf-32"), "utf-32"),
        ("nfd", lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), "utf-8"),
        ("cp1258", encode_cp1258, "cp1258"),
        ("vni", encode_vni, "vni"),
    ],
)
def test_encoding_detected_and_text_restored(name: str, codec: str, encode, expected_name: str) -> None:
    text = TEXTS[name]
    decoded, used = decode_bytes(encode(text))
    assert used == expected_name
    assert decoded == nfc(text)
    assert unicodedata.is_normalized("NFC", decoded)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_tcvn3_detected_and_restored_up_to_its_missing_capitals(name: str) -> None:
    text = TEXTS[name]
    decoded, used = decode_bytes(encode_tcvn3(text))
    assert used == "tcvn3"
    assert decoded == tcvn3_representable(text)


def test_cp1258_output_is_composed() -> None:
    raw = encode_cp1258("Nghị quyết")
    assert "\u0323" in raw.decode("cp1258")  # the codec leaves the tone mark combining ...
    decoded, _ = decode_bytes(encode_cp1258(MEETING + "Nghị quyết"))
    assert decoded.endswith("Nghị quyết") and "\u0323" not in decoded  # ... kg composes it


def test_short_fragment_is_not_guessed() -> None:
    with pytest.raises(DecodeError, match="pass --encoding"):
        decode_bytes(encode_tcvn3("Hà Nội"))
    assert decode_bytes(encode_tcvn3("Hà Nội"), "tcvn3") == ("Hà Nội", "tcvn3")


@pytest.mark.parametrize(
    ("forced", "canonical"),
    [("TCVN3", "tcvn3"), ("abc", "tcvn3"), ("VNI-Windows", "vni"), ("windows-1258", "cp1258"), ("UTF8", "utf-8")],
)
def test_encoding_names_are_normalized(forced: str, canonical: str) -> None:
    assert normalize_encoding_name(forced) == canonical


def test_override_wins_over_detection() -> None:
    data = encode_vni(OFFICIAL)
    assert decode_bytes(data, "vni")[0] == nfc(OFFICIAL)
    mangled, used = decode_bytes(data, "tcvn3")
    assert used == "tcvn3" and mangled != nfc(OFFICIAL)
    with pytest.raises(DecodeError, match="not valid utf-8"):
        decode_bytes(data, "utf-8")
    with pytest.raises(DecodeError, match="unknown encoding 'klingon'"):
        decode_bytes(data, "klingon")


def test_binary_is_refused() -> None:
    with pytest.raises(DecodeError, match="NUL"):
        decode_bytes(b"PK\x03\x04\x14\x00\x00\x00" + bytes(200))
    with pytest.raises(DecodeError, match="control bytes"):
        decode_bytes(bytes(range(1, 32)) * 50)


def test_cjk_bytes_are_undecodable_not_legacy_vietnamese() -> None:
    with pytest.raises(DecodeError, match="cannot tell the text encoding"):
        decode_bytes(("关于加强行政管理的报告。" * 40).encode("gb18030"))


def test_utf8_with_a_stray_byte_is_still_utf8() -> None:
    data = (MEETING * 5).encode("utf-8") + b"\xff" + MEETING.encode("utf-8")
    decoded, used = decode_bytes(data)
    assert used == "utf-8" and decoded.count("\ufffd") == 1


def test_western_text_is_windows_1252() -> None:
    french = "Le rapport annuel du ministère présente les résultats des services régionaux. " * 5
    assert decode_bytes(french.encode("cp1252")) == (french, "cp1252")


def test_fix_legacy_text_converts_only_legacy_text() -> None:
    legacy = encode_tcvn3(MEETING).decode("latin-1")  # what a .VnTime Word file holds
    assert fix_legacy_text(legacy) == (tcvn3_representable(MEETING), "tcvn3")
    assert fix_legacy_text(MEETING) == (MEETING, None)
    english = "The committee met on Monday and approved the budget. " * 3
    assert fix_legacy_text(english) == (english, None)
