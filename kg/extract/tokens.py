"""Tokens with character offsets, and a matcher for multi-word phrases over them.

Words are compared by `word_key` (lower case, tone placement ignored); an abbreviation token
(VPQH) expands to the keys of its expansion, so "Đảng ủy cơ quan VPQH" matches the phrase
"Đảng ủy cơ quan Văn phòng Quốc hội".
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from kg.extract.glued import split_glued
from kg.text import _syllable_key, expansion

_TOKEN = re.compile(r"\w+(?:[.&]\w+)*|[^\w\s]")
# punctuation that may sit inside a name between two words ("Kinh tế-Ngân sách", "LĐ-TB&XH")
JOINERS = frozenset("-–&")


class Token:
    """A word or punctuation mark with its offsets; its comparison keys are computed once."""

    __slots__ = ("end", "i", "is_cap", "is_word", "keys", "start", "text")

    def __init__(self, text: str, start: int, end: int, i: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.i = i
        first = text[0]
        self.is_word = first.isalnum() or first == "_"
        self.is_cap = first.isupper()
        self.keys = expand_keys(text) if self.is_word else ()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    @property
    def is_abbr(self) -> bool:
        return _is_abbr(self.text)


@lru_cache(maxsize=65536)
def _is_abbr(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2 and expansion(text) is not None


def proper_name_end(tokens: list[Token], start: int, limit: int = 4) -> int:
    """End of the run of capitalized words (abbreviations aside) from start, at most `limit`."""
    stop = start
    while stop < len(tokens) and stop - start < limit and tokens[stop].is_word and tokens[stop].is_cap and (
            not tokens[stop].is_abbr):
        stop += 1
    return stop


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and punctuation of text[start:end]; a word glued to the next where crawled text lost
    a space ("tướngyêu") gives one token per syllable."""
    end = len(text) if end is None else end
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        word, at = m.group(0), m.start()
        cuts = split_glued(word) if len(word) > 2 and not word.isascii() else ()
        if cuts:
            for a, z in itertools.pairwise((0, *cuts, len(word))):
                out.append(Token(word[a:z], at + a, at + z, len(out)))
        else:
            out.append(Token(word, at, m.end(), len(out)))
    return out


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    return _syllable_key(word.lower())


@lru_cache(maxsize=65536)
def expand_keys(word: str) -> tuple[str, ...]:
    """Keys a token stands for: its own, or its abbreviation's words."""
    exp = expansion(word)
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

    def first_keys(self) -> set[str]:
        return set(self._by_first)

    def starts(self, token: Token) -> bool:
        """Can a phrase start at this token? (A cheap test before `match`.)"""
        return bool(token.keys) and token.keys[0] in self._by_first

    def match(self, tokens: list[Token], i: int, allow_comma: bool = False) -> tuple[int, object] | None:
        """Return (end token index exclusive, payload) of the longest phrase starting at i."""
        if i >= len(tokens):
            return None
        first = tokens[i].keys
        if not first:
            return None
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
        exp = tok.keys
        if keys[k : k + len(exp)] != exp:
            return None
        k += len(exp)
        j += 1
    return j
