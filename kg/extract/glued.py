"""Words glued together where crawled text lost a space ("Thủ tướngyêu cầu", "Chínhphát biểu").

A Vietnamese syllable has a fixed shape (onset, vowel nucleus, coda) and at most one tone mark. A
token that is no syllable but splits into syllables is read as those syllables, each a token with
its own offsets, so names end where they end. Only tokens with a Vietnamese letter are split:
foreign names ("Blinken", "António") and brands are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.text import _syllable_key

# the vowel nuclei Vietnamese writes (longest first): "ưô" in "cửông" is two glued syllables, not one
_NUCLEI = sorted(
    "a ă â e ê i o ô ơ u ư y ai ao au âu ay ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ ưa ưi ươ ưu "
    "uy yê iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu".split(), key=len, reverse=True)
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
    rf"(?:{'|'.join(_NUCLEI)})(?:ch|ng|nh|c|m|n|p|t)?"
)
_TONED = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")
# letters and marks that only Vietnamese writes (not "Inácio", "Quebéc")
_VIETNAMESE_ONLY = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0309\u0323]")


def is_syllable(word: str) -> bool:
    # kg's syllable key is the word without its tone marks, then one digit per mark
    key = _syllable_key(word.lower())
    bare = key.rstrip("12345")
    return len(key) - len(bare) <= 1 and len(bare) <= 7 and _SYLLABLE.fullmatch(bare) is not None


# an abbreviation glued to the capitalized word after it: "LHPNViệt Nam", "UBNDTỉnh"
_ACRONYM_GLUED = re.compile(r"([A-ZĐ]{2,})([A-ZĐ][a-zà-ỹđ]+)")
# an abbreviation glued to the lower-case words after it: "Sở Y tế TPHCMcho rằng", "UBNDtỉnh"
_ACRONYM_THEN_WORDS = re.compile(r"([A-ZĐ]{3,})([a-zà-ỹđ]{2,})")
# a foreign name (ASCII letters) glued to a Vietnamese syllable with a letter only Vietnamese writes
_FOREIGN_THEN_WORD = re.compile(r"([A-Z][a-z]{2,})([a-z]*[ăâđêôơưà-ỹ][a-zà-ỹđ]*)")
# a lower-case syllable glued to a capitalized word of any kind after it: "vấnVnExpress", "theoTTXVN"
_WORD_THEN_NAME = re.compile(r"([a-zà-ỹđ]{2,})([A-ZĐ][\w]+)")


@lru_cache(maxsize=65536)
def split_glued(word: str) -> tuple[int, ...]:
    """Offsets inside `word` where a lost space was, or () when it is one word."""
    if len(word) < 3 or not word.isalpha() or word.isupper() or is_syllable(word):
        return ()
    acronym = _ACRONYM_GLUED.fullmatch(unicodedata.normalize("NFC", word))
    if acronym is not None and is_syllable(acronym.group(2)):
        return (len(acronym.group(1)),)
    lowered = _ACRONYM_THEN_WORDS.fullmatch(unicodedata.normalize("NFC", word))
    # (one syllable, or several with a tone mark: "COVIDcare" is English)
    if lowered is not None and (rest := _segment(lowered.group(2), 0)) is not None and (
            not rest or _TONED.search(unicodedata.normalize("NFD", lowered.group(2)))):
        cut = len(lowered.group(1))
        return (cut, *(cut + k for k in rest))
    camel = _WORD_THEN_NAME.fullmatch(unicodedata.normalize("NFC", word))
    if camel is not None and is_syllable(camel.group(1)):
        return (len(camel.group(1)),)  # "phỏng vấnVnExpress": a lower-case syllable, then a name of any kind
    foreign = _FOREIGN_THEN_WORD.fullmatch(unicodedata.normalize("NFC", word))
    if foreign is not None and not is_syllable(foreign.group(1)) and is_syllable(foreign.group(2)) and (
            _VIETNAMESE_ONLY.search(foreign.group(2))):
        return (len(foreign.group(1)),)  # "Donald Trumpđề cử": a foreign name, then a Vietnamese word
    decomposed = unicodedata.normalize("NFD", word)
    if not (_TONED.search(decomposed) or _TONED.search(unicodedata.normalize("NFC", word))):
        return ()  # (NFD writes "ă" as "a" and a breve: "doanhxăng" has no tone mark but an "ă")
    cuts = _segment(word, 0)
    if not cuts:
        return ()
    # a capitalized foreign name with accents ("António", "Yván") is not glued: with no letter only
    # Vietnamese writes and no capital inside, only two full syllables ("Chínhphát") count
    # (searched in both forms: precomposed "â" is one character, and "ổ" shows its hook only decomposed)
    if word[0].isupper() and not any(c.isupper() for c in word[1:]) and not _VIETNAMESE_ONLY.search(
            unicodedata.normalize("NFC", word)) and not _VIETNAMESE_ONLY.search(decomposed):
        if len(cuts) != 1 or min(cuts[0], len(word) - cuts[0]) < 3:
            return ()
    return tuple(cuts)


def _segment(word: str, start: int) -> list[int] | None:
    """Cut points that make word[start:] a run of syllables (longest first syllable first)."""
    for end in range(min(len(word), start + 7), start, -1):
        if not is_syllable(word[start:end]):
            continue
        # a capital may only start a syllable: "ChínhTrong", not "ChínhT|rong"
        if any(c.isupper() for c in word[start + 1 : end]):
            continue
        if end == len(word):
            return []
        rest = _segment(word, end)
        if rest is not None:
            return [end, *rest]
    return None
