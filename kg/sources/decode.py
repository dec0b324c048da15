"""Bytes -> Unicode (NFC) text, detecting the encodings Vietnamese report collections use.

Detection order, most certain first:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32);
2. UTF-16 without a BOM (NUL in every other byte of mostly-ASCII text);
3. NUL bytes or many control bytes otherwise: binary, refused;
4. strict UTF-8 (ASCII included);
5. the 8-bit Vietnamese encodings: Windows-1258, TCVN3 (ABC, the `.Vn` fonts) and VNI. Each
   candidate is decoded and scored with a Vietnamese character model; the winner must beat
   reading the bytes as Latin-1 by a margin and beat the runner-up by a margin, or nothing wins;
6. UTF-8 with a handful of broken bytes (a file mangled by a copy or a bad editor save);
7. Windows-1252 for text that is nearly all ASCII (English or French with a few accents);
8. otherwise the file is undecodable, and the error says to pass an encoding.

Why `viparse`: it carries the TCVN3 and VNI conversion tables validated against real government
documents, and a small Vietnamese character model; it is pure Python, offline and needs nothing
else for this. We use its tables and model and do the byte-level work here, because its
document loaders want other engines (pdfplumber, LibreOffice) and do not know Windows-1258.
Windows-1258 itself is a Python codec; its output is decomposed (tone marks as combining
characters), so every result is NFC-normalized, which also fixes NFD input.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from viparse.normalize.encodings import CHARMAPS
from viparse.normalize.frequency import vietnamese_score
from viparse.normalize.tables import Charmap, build_charmap, convert
from viparse.normalize.tcvn3 import TCVN3
from viparse.normalize.vni import VNI

from kg.sources.base import SourceError

log = logging.getLogger(__name__)

# VNI writes ẳ/Ẳ as a + the hook-on-breve mark (0xFA, "ú"). viparse leaves the pair out because
# its corpus never showed it; the VNI layout is regular (é è ú ü ë are the breve row), so we add it.
VNI_FULL: Charmap = build_charmap("vni", [*VNI.pairs, ("aú", "ẳ"), ("AÚ", "Ẳ")])
TCVN3_MAP: Charmap = TCVN3

LEGACY: dict[str, Charmap] = {**CHARMAPS, "tcvn3": TCVN3_MAP, "vni": VNI_FULL}
ENCODING_ALIASES = {
    "abc": "tcvn3",
    "tcvn": "tcvn3",
    "tcvn-3": "tcvn3",
    "vni-windows": "vni",
    "windows-1258": "cp1258",
}

# Margins on the mean log-probability per character (viparse's model). Measured on the dev
# corpus: the right decoding beats the wrong ones by about 0.3 and Latin-1 by about 0.35.
_MIN_GAIN = 0.12
_MIN_SEPARATION = 0.05
# Below this many words with non-ASCII letters the scores are noise: refuse to guess.
_MIN_EVIDENCE = 5
_MAX_SCORED_WORDS = 4000
_ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_TAG = re.compile(r"<[^<>]{0,300}>")
# UTF-8 with at most this share of broken sequences (per non-ASCII character) is taken as UTF-8.
_MAX_BAD_UTF8 = 0.01
# Word-shape checks (see _reads_as_vietnamese); ceilings from viparse's measurements on real text.
_WORD = re.compile(r"[^\W\d_]+")
_LONG_WORD = 7
_ALIEN = frozenset("fjwzFJWZ")
_MIN_ASCII_LETTERS = 0.4  # Vietnamese prose: about 70% of letters are plain a-z
_MIN_ASCII_FOR_WESTERN = 0.9  # Vietnamese in a legacy encoding is ~80% ASCII, French ~97%
_CONTROL_OK = frozenset(b"\t\n\r\x0c\x1a")  # tab, newlines, form feed, DOS end-of-file


class DecodeError(SourceError):
    """The bytes are not text kg can read; the message says why (without the file name)."""


def normalize_encoding_name(name: str) -> str:
    """Canonical name for an --encoding value: a legacy charmap name or a Python codec name."""
    key = name.strip().lower()
    key = ENCODING_ALIASES.get(key, key)
    if key in LEGACY:
        return key
    try:
        return codecs.lookup(key).name
    except LookupError:
        known = ", ".join(sorted({*LEGACY, "utf-8", "utf-16", "cp1258"}))
        raise DecodeError(f"unknown encoding {name!r} (known: {known}, or any Python codec)") from None


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return (NFC text, encoding name) for a file's bytes; raise DecodeError if they are not text."""
    if encoding:
        name = normalize_encoding_name(encoding)
        if not name.startswith(("utf-16", "utf-32")):
            _refuse_binary(data)
        return _decode_as(data, name), name
    bom = _bom(data)
    if bom:
        return _decode_as(data, bom), bom
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decode_as(data, utf16), utf16
    _refuse_binary(data)
    try:
        return _nfc(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    legacy = _guess_legacy(data)
    if legacy:
        return legacy
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if bad and bad <= max(1, _MAX_BAD_UTF8 * non_ascii):
        log.warning("%d broken UTF-8 sequence(s) replaced by U+FFFD", bad)
        return _nfc(text), "utf-8"
    if sum(1 for b in data if b < 128) >= _MIN_ASCII_FOR_WESTERN * len(data):
        try:  # mostly-ASCII text with a few accented letters: a Western (English, French) file
            return _nfc(data.decode("cp1252")), "cp1252"
        except UnicodeDecodeError:
            pass
    raise DecodeError(
        "cannot tell the text encoding (not UTF-8/UTF-16, and not recognisably Windows-1258, "
        "TCVN3 or VNI Vietnamese); pass --encoding"
    )


def fix_legacy_text(text: str) -> tuple[str, str | None]:
    """Convert text that a DOCX/PDF/HTML carries in a legacy font encoding (TCVN3, VNI).

    Such files hold Unicode code points, but they are the legacy font's bytes read as Latin-1
    ("Qu¶n lý" for "Quản lý"). Text that already has Vietnamese Unicode letters is left alone.
    """
    if _has_vietnamese_letters(text):
        return text, None
    narrow = "".join(ch for ch in text if ord(ch) < 256)
    best = _best_candidate(narrow, {"tcvn3": TCVN3_MAP, "vni": VNI_FULL}, cp1258=None)
    if best is None:
        return text, None
    return convert(text, LEGACY[best]), best


def convert_office_text(text: str, title: str, fonts: str, encoding: str | None) -> tuple[str, str, str | None]:
    """Text and title of a DOCX/PDF in Unicode, and the legacy encoding they were in (or None).

    The legacy font is the forced `encoding`, else what the document's font names say (.VnTime is
    TCVN3), else what the text itself looks like (fix_legacy_text)."""
    from viparse.normalize.detector import detect_encoding

    forced = (encoding or "").lower()
    if forced in LEGACY:
        legacy: str | None = forced
    else:
        detected = detect_encoding(fonts).encoding
        legacy = detected if detected in ("tcvn3", "vni") else None
    if legacy:
        return convert(text, LEGACY[legacy]), convert(title, LEGACY[legacy]), legacy
    text, legacy = fix_legacy_text(text)
    return text, (fix_legacy_text(title)[0] if legacy else title), legacy


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _decode_as(data: bytes, name: str) -> str:
    if name in LEGACY:
        return convert(data.decode("latin-1"), LEGACY[name])
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid {name} (byte {exc.start}: {exc.reason})") from None
    return _nfc(text.removeprefix("\ufeff"))


def _bom(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly ASCII/Vietnamese letters has NUL in nearly every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.4 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.4 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


_CONTROL_BAD = bytes(b for b in range(32) if b not in _CONTROL_OK)


def _refuse_binary(data: bytes) -> None:
    sample = data[:65536]
    if b"\x00" in sample:
        raise DecodeError("binary file, not text (contains NUL bytes)")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BAD))  # one pass in C
    if controls > 0.02 * len(sample):
        raise DecodeError(f"binary file, not text ({controls} control bytes in the first {len(sample)})")


def _has_vietnamese_letters(text: str) -> bool:
    return any("\u1ea0" <= ch <= "\u1ef9" or ch in "ăĂơƠưƯđĐ" for ch in text)


def _guess_legacy(data: bytes) -> tuple[str, str] | None:
    latin = data.decode("latin-1")
    try:
        cp1258: str | None = _nfc(data.decode("cp1258"))
    except UnicodeDecodeError:
        cp1258 = None  # bytes undefined in Windows-1258: it is not that
    best = _best_candidate(latin, {"tcvn3": TCVN3_MAP, "vni": VNI_FULL}, cp1258)
    if best is None:
        return None
    if best == "cp1258":
        assert cp1258 is not None
        return cp1258, "cp1258"
    return convert(latin, LEGACY[best]), best


def _best_candidate(latin: str, charmaps: dict[str, Charmap], cp1258: str | None) -> str | None:
    """Name of the decoding that clearly reads most like Vietnamese, or None when unsure.

    Scores are means over characters, so only the words that hold non-ASCII bytes are scored:
    ASCII words (and HTML markup) read the same under every candidate and would dilute the gap.
    """
    tokens = _words(latin)
    marked = [i for i, token in enumerate(tokens) if not token.isascii()][:_MAX_SCORED_WORDS]
    if len(marked) < _MIN_EVIDENCE:
        return None
    sample = " ".join(tokens[i] for i in marked)
    base = vietnamese_score(sample)
    scores = {name: vietnamese_score(convert(sample, cm)) for name, cm in charmaps.items()}
    if cp1258 is not None:
        cp_tokens = _words(cp1258)  # ASCII whitespace and markup decode alike: the words line up
        if len(cp_tokens) == len(tokens):
            scores["cp1258"] = vietnamese_score(" ".join(cp_tokens[i] for i in marked))
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (name, score), runner_up = ranked[0], ranked[1][1] if len(ranked) > 1 else base
    if score - base < _MIN_GAIN or score - runner_up < _MIN_SEPARATION:
        log.debug("legacy encoding unclear: %s (latin-1 %.3f)", ranked, base)
        return None
    head = latin[:20000]
    winner = cp1258[:20000] if name == "cp1258" and cp1258 is not None else convert(head, charmaps[name])
    if not _reads_as_vietnamese(_TAG.sub(" ", winner)):
        log.debug("%s decoding scores well but does not read as Vietnamese", name)
        return None
    return name


def _words(text: str) -> list[str]:
    """Words split at ASCII whitespace (not NEL/NBSP, which legacy bytes decode to), tags removed."""
    return _ASCII_SPACE.split(_TAG.sub(" ", text).strip(" \t\n\r\f\v"))


def _reads_as_vietnamese(text: str) -> bool:
    """Vietnamese is written syllable by syllable: short words, mostly ASCII letters, no f/j/w/z.

    The character model alone cannot tell: CJK bytes read through the TCVN3 table come out as
    Vietnamese letters, but in one endless "word" with no plain a-z among them.
    """
    words = _WORD.findall(text)
    letters = sum(len(w) for w in words)
    if not words or not letters:
        return False
    ascii_letters = sum(1 for w in words for ch in w if ch.isascii())
    long_words = sum(1 for w in words if len(w) > _LONG_WORD) / len(words)
    alien = sum(1 for w in words if _ALIEN & set(w)) / len(words)
    return ascii_letters / letters >= _MIN_ASCII_LETTERS and long_words <= 0.04 and alien <= 0.05
