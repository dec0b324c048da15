"""Tokens with character offsets, and a matcher for multi-word phrases over them.

Words are compared by `word_key` (lower case, tone placement ignored); an abbreviation token
(VPQH) expands to the keys of its expansion, so "Đảng ủy cơ quan VPQH" matches the phrase
"Đảng ủy cơ quan Văn phòng Quốc hội".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.resources import abbreviations
from kg.text import _syllable_key

_TOKEN = re.compile(r"\w+(?:[.&]\w+)*|[^\w\s]")
# punctuation that may sit inside a name between two words ("Kinh tế-Ngân sách", "LĐ-TB&XH")
JOINERS = frozenset("-–&")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    i: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_abbr(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2 and self.text.lower() in abbreviations()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.group(0), m.start(), m.end(), n) for n, m in enumerate(_TOKEN.finditer(text, start, end))]


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    return _syllable_key(word.lower())


@lru_cache(maxsize=65536)
def expand_keys(word: str) -> tuple[str, ...]:
    """Keys a token stands for: its own, or its abbreviation's words."""
    exp = abbreviations().get(word.lower())
    if exp:
        return tuple(word_key(w) for w in re.findall(r"\w+", exp))
    return (word_key(word),)


def phrase_keys(phrase: str) -> tuple[str, ...]:
    keys: list[str] = []
    for w in re.findall(r"\w+(?:[.&]\w+)*", phrase):
        keys.extend(expand_keys(w))
    return tuple(keys)


class PhraseMatcher:
    """Longest match of known phrases at a token position; payloads returned with the match."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], frozenset[int], object]]] = {}

    def add(self, phrase: str, payload: object) -> None:
        keys = phrase_keys(phrase)
        if keys:
            # a comma may sit in the text only where the phrase itself has one
            commas = frozenset(len(phrase_keys(phrase[: m.start()])) for m in re.finditer(",", phrase))
            bucket = self._by_first.setdefault(keys[0], [])
            bucket.append((keys, commas, payload))
            bucket.sort(key=lambda kp: -len(kp[0]))

    def match(self, tokens: list[Token], i: int, allow_comma: bool = False) -> tuple[int, object] | None:
        """Return (end token index exclusive, payload) of the longest phrase starting at i."""
        if i >= len(tokens) or not tokens[i].is_word:
            return None
        first = expand_keys(tokens[i].text)
        for keys, commas, payload in self._by_first.get(first[0], ()):
            end = _match_keys(tokens, i, keys, commas if allow_comma else frozenset())
            if end is not None:
                return end, payload
        return None


def _match_keys(tokens: list[Token], i: int, keys: tuple[str, ...], commas: frozenset[int]) -> int | None:
    k = 0
    j = i
    while k < len(keys):
        if j >= len(tokens):
            return None
        tok = tokens[j]
        if not tok.is_word:
            if tok.text in JOINERS or (tok.text == "," and k in commas):
                j += 1
                continue
            return None
        exp = expand_keys(tok.text)
        if tuple(keys[k : k + len(exp)]) != exp:
            return None
        k += len(exp)
        j += 1
    return j
