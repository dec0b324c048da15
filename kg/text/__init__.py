"""Text normalization that keeps character offsets meaningful.

`normalize` applies Unicode NFC and then only length-preserving fixes (tone-mark placement,
common typos, odd spaces), so offsets computed on its output are the offsets kg reports.
`name_key` is the comparison key for names: case, tone placement and abbreviations don't matter.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.resources import abbreviations

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]")
_WORD = re.compile(r"\w+")
# Open syllables where the old style puts the tone on the first vowel: hoà -> hòa, uỷ -> ủy.
_OPEN_PAIR = re.compile(r"^([^\W\d_]*?)(o[ae]|u[y])$", re.IGNORECASE)


def _move_tone(word: str) -> str:
    """Return the word with its tone mark on the vowel the traditional spelling uses."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in _TONES]
    if len(tones) != 1:
        return word
    bare = "".join(ch for ch in decomposed if ch not in _TONES)
    bare_nfc = unicodedata.normalize("NFC", bare)
    if len(bare_nfc) != len(word):
        return word
    lower = bare_nfc.lower()
    target: int | None = None
    if lower.startswith("qu") and len(lower) > 2 and lower[2] in "aăâeêioôơuưy":
        # "qủa" -> "quả": after qu, the tone sits on the following vowel, never on u
        if _tone_index(word) == 1:
            target = 2
    elif lower.startswith("gi") and len(lower) > 2 and lower[2] in "aăâeêoôơuưy" and _tone_index(word) == 1:
        target = 2
    else:
        m = _OPEN_PAIR.match(bare_nfc)
        if m and not m.group(1).lower().endswith("q"):
            first = len(m.group(1))
            if _tone_index(word) == first + 1:
                target = first
    if target is None:
        return word
    chars = list(bare_nfc)
    chars[target] = unicodedata.normalize("NFC", chars[target] + tones[0])
    out = "".join(chars)
    return out if len(out) == len(word) else word


def _tone_index(word: str) -> int:
    """Index (in NFC characters) of the character carrying the tone mark, or -1."""
    for i, ch in enumerate(word):
        if any(t in unicodedata.normalize("NFD", ch) for t in _TONES):
            return i
    return -1


@lru_cache(maxsize=65536)
def _fix_word(word: str) -> str:
    if word.isascii():
        return word
    return _move_tone(word)


def normalize(text: str) -> str:
    """NFC, then length-preserving fixes. Offsets into the result are kg's offsets."""
    text = unicodedata.normalize("NFC", text)
    text = _ODD_SPACES.sub(" ", text).replace("\r", " ")
    return _TONE_CANDIDATE.sub(_fixed, text)


# the only words _move_tone can change: an open pair with the tone on its second vowel ("hoà",
# "thuỷ"), "qu" with the tone on u ("qủa"), "gi" with the tone on i before a vowel ("gìa")
_TONE_CANDIDATE = re.compile(
    r"\b\w*(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])\b|\b[qQ][ùúủũụÙÚỦŨỤ]\w+|\b[gG][ìíỉĩịÌÍỈĨỊ]\w+")


_FIXED: dict[str, str] = {}


def _fixed(m: re.Match[str]) -> str:
    word = m.group()
    out = _FIXED.get(word)
    if out is None:
        if len(_FIXED) > 200_000:  # bound the memory over a large corpus
            _FIXED.clear()
        out = _FIXED[word] = _fix_word(word)
    return out


def _syllable_key(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = "".join(str(_TONES.index(ch) + 1) for ch in decomposed if ch in _TONES)
    bare = "".join(ch for ch in decomposed if ch not in _TONES)
    return unicodedata.normalize("NFC", bare) + tone


@lru_cache(maxsize=65536)
def expansion(token: str) -> str | None:
    """What `token` abbreviates (data/abbreviations.tsv), if it is written as an abbreviation.

    Written as one means two capitals or more ("TƯ", "TTg", "TP.HCM"), or a short all-ASCII word
    with a capital ("Tp"): "tư" in "Đầu tư" and "Tư" in "Bộ Tư pháp" are words, not "TƯ"."""
    letters = [c for c in token if c.isalpha()]
    if sum(c.isupper() for c in letters) < 2 and not (token[:1].isupper() and token.isascii() and len(token) <= 3):
        return None
    return abbreviations().get(token.lower())


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Comparison key: lower case, abbreviations expanded, tone placement and punctuation ignored."""
    text = unicodedata.normalize("NFC", name)
    out: list[str] = []
    for tok in re.findall(r"[\w.&]+", text):
        tok = tok.strip(".")
        if not tok:
            continue
        exp = expansion(tok)
        out.extend((exp if exp else tok).lower().split())
    words = [w for w in re.findall(r"\w+", " ".join(out))]
    if words and words[0] in ("các", "những"):
        words = words[1:]
    return " ".join(_syllable_key(w) for w in words)


_SENT_END = re.compile(r"(?:[.!?…]+|\.\.\.)[\"”»')]*\s+|(?<=[0-9a-zà-ỹ])\.(?=[A-ZÀ-ỸĐ][a-zà-ỹ])")
_NO_SPLIT_BEFORE = re.compile(r"(?:\b(?:TP|Tp|TS|ThS|GS|PGS|BS|Th\.S|St|Q|P|TT|NXB)|\b[A-ZĐ])[.]\s*$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans: newlines first, then sentence punctuation followed by a capital letter."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        end = pos + len(line)
        pos = end + 1
        cursor = start
        for m in _SENT_END.finditer(text, start, end):
            nxt = m.end()
            if nxt >= end:
                break
            ch = text[nxt]
            if not (ch.isupper() or ch in "\"“(‘'"):
                continue
            if _NO_SPLIT_BEFORE.search(text[max(cursor, m.start() - 6) : m.start() + 1]):
                continue
            _add_span(text, spans, cursor, m.end())
            cursor = nxt
        _add_span(text, spans, cursor, end)
    return spans


def _add_span(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
