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

    def __init__(self, text: str, start: int, end: int, i: int,
                 facts: tuple[bool, bool, tuple[str, ...]] | None = None) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.i = i
        if facts is None:
            facts = _facts(text)
        self.is_word, self.is_cap, self.keys = facts

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    @property
    def is_abbr(self) -> bool:
        return _is_abbr(self.text)


_FACTS: dict[str, tuple[bool, bool, tuple[str, ...]]] = {}


def _word_facts(text: str) -> tuple[bool, bool, tuple[str, ...]]:
    """(is a word, starts with a capital, comparison keys): the same for every occurrence."""
    first = text[0]
    is_word = first.isalnum() or first == "_"
    return is_word, first.isupper(), expand_keys(text) if is_word else ()


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


def numbered_end(toks: list[Token], end: int, counted: frozenset[str] = frozenset()) -> int:
    """Past a unit's name, a number of one or two digits ("phường Mỹ Đình 1", "xã Phước Hòa 2") is
    part of the name unless a word it counts follows (`counted`: keys of "năm", "lần", …): the end
    after it, else `end`."""
    if end < len(toks) and toks[end].text.isdigit() and len(toks[end].text) <= 2 and toks[end].start > toks[
            end - 1].end and not (end + 1 < len(toks) and toks[end + 1].keys[:1] and toks[end + 1].keys[0] in counted):
        return end + 1
    return end


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and punctuation of text[start:end]; a word glued to the next where crawled text lost
    a space ("tướngyêu") gives one token per syllable."""
    end = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    facts_of = _WORDS
    skip = -1  # the dot of a spaced unit abbreviation, read with it
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        if m.start() == skip:
            continue
        if len(word) <= 2 and word.isupper() and _spaced_unit(word, text, m.end()):
            # "Q. Nam Từ Liêm", "P. Mỹ Đình 1": the abbreviated unit word with its dot
            append(Token(word + ".", m.start(), m.end() + 1, len(out)))
            skip = m.end()
            continue
        if "." in word and (cut := _unit_cut(word, text, m.end())):
            # "UBND Q.Tân Bình", "TP.Thủ Đức": an abbreviated unit glued to its name is two words
            append(Token(word[:cut], m.start(), m.start() + cut, len(out)))
            append(Token(word[cut:], m.start() + cut, m.end(), len(out)))
            continue
        facts = facts_of.get(word)
        if facts is None:
            facts = _learn(word)
        if facts is not _GLUED:
            append(Token(word, m.start(), m.end(), len(out), facts))
            continue
        at = m.start()
        for a, z in itertools.pairwise((0, *split_glued(word), len(word))):
            append(Token(word[a:z], at + a, at + z, len(out)))
    return out


_UNIT_GLUED = re.compile(r"([A-Z]{1,2}\.)[A-ZĐ\u00c0-\u1ef8][a-zđ\u00e0-\u1ef9]+")


def _spaced_unit(word: str, text: str, after: int) -> bool:
    """"Q. Nam Từ Liêm": a one- or two-letter unit abbreviation (data/abbreviations.tsv; not "TP",
    which is read with its dot where it is used) and its dot, then two capitalized words (or a
    word and a number): "Q. Huy" alone is a byline's initial and name."""
    if word == "TP" or text[after : after + 2] != ". " or expansion(word + ".") is None:
        return False
    words = text[after + 2 : after + 60].split(maxsplit=2)
    return len(words) >= 2 and words[0][:1].isupper() and (words[1][:1].isupper() or words[1][:1].isdigit())


def _unit_cut(word: str, text: str, after: int) -> int:
    """Where "Q.Tân" splits ("Q." abbreviating an administrative unit, data/abbreviations.tsv),
    or 0. A one-letter abbreviation also needs a capitalized word after it: "Q.Huy" alone is a
    byline's initial and name."""
    m = _UNIT_GLUED.fullmatch(word)
    if m is None or expansion(m.group(1)) is None:
        return 0
    if len(m.group(1)) == 2 and not (text[after : after + 1] == " " and text[after + 1 : after + 2].isupper()):
        return 0
    return len(m.group(1))


def _facts(text: str) -> tuple[bool, bool, tuple[str, ...]]:
    facts = _FACTS.get(text)
    if facts is None:
        if len(_FACTS) > _CACHE_LIMIT:  # numbers and names keep coming: bound the memory
            _FACTS.clear()
        facts = _FACTS[text] = _word_facts(text)
    return facts


def _learn(word: str) -> tuple[bool, bool, tuple[str, ...]]:
    """A word's facts, or _GLUED when it splits into several tokens; remembered by word."""
    if len(_WORDS) > _CACHE_LIMIT:
        _WORDS.clear()
    # (an ASCII word only when it opens with an abbreviation: "TPHCMcho")
    glued = len(word) > 2 and (not word.isascii() or (word[:3].isupper() and not word.isupper())) and split_glued(word)
    got = _WORDS[word] = _GLUED if glued else _facts(word)
    return got


# a word's facts by word (one dict lookup per word: the texts of a corpus share their words)
_WORDS: dict[str, tuple] = {}
_GLUED: tuple = ()
_CACHE_LIMIT = 200_000


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
    """Longest match of known phrases at a token position; payloads returned with the match.

    The phrases are kept in a trie of word keys, so a match costs one step per word of the text
    whatever the number of phrases sharing a first word."""

    def __init__(self) -> None:
        self._root: dict = {}
        self._firsts: frozenset[str] | None = None
        self._lasts: set[str] = set()  # last keys of the phrases: a cheap test for ending_at
        self._longest = 0  # keys in the longest phrase

    def add(self, phrase: str, payload: object) -> None:
        keys = phrase_keys(phrase)
        if keys:
            # a comma may sit in the text only where the phrase itself has one
            commas = frozenset(len(phrase_keys(phrase[: m.start()])) for m in re.finditer(",", phrase))
            self._firsts = None
            self._lasts.add(keys[-1])
            self._longest = max(self._longest, len(keys))
            node = self._root
            for k in keys:
                node = node.setdefault(k, {})
            node.setdefault(None, []).append((commas, payload))

    def first_keys(self) -> frozenset[str]:
        if self._firsts is None:
            self._firsts = frozenset(k for k in self._root if k is not None)
        return self._firsts

    def ending_at(self, tokens: list[Token], end: int) -> int:
        """Start of the longest phrase that ends right before token `end` ("quê quán" before a
        place, "Đại hội" before "Đại biểu"), or -1."""
        if end <= 0 or not tokens[end - 1].keys or tokens[end - 1].keys[-1] not in self._lasts:
            return -1
        for k in range(max(0, end - self._longest - 3), end):  # (joiners and commas take tokens, not keys)
            m = self.match(tokens, k)
            if m is not None and m[0] == end:
                return k
        return -1

    def starts(self, token: Token) -> bool:
        """Can a phrase start at this token? (A cheap test before `match`.)"""
        return bool(token.keys) and token.keys[0] in self._root

    def match(self, tokens: list[Token], i: int, allow_comma: bool = False) -> tuple[int, object] | None:
        """Return (end token index exclusive, payload) of the longest phrase starting at i."""
        try:
            keys = tokens[i].keys
        except IndexError:
            return None
        if not keys or keys[0] not in self._root:
            return None
        n = len(tokens)
        node = self._root
        depth = 0  # keys consumed
        skipped: list[int] = []  # key positions where a comma of the text was passed over
        best: tuple[int, object] | None = None
        j = i
        while j < n:
            tok = tokens[j]
            if not tok.is_word:
                # (the dot of an abbreviation inside a phrase: "TP. HCM", "TP. Hồ Chí Minh")
                if tok.text == "." and depth > 0 and tokens[j - 1].end == tok.start and tokens[j - 1].text.isupper():
                    j += 1
                    continue
                if tok.text in JOINERS or (allow_comma and tok.text == "," and depth > 0):
                    if tok.text == ",":
                        skipped.append(depth)
                    j += 1
                    continue
                break
            for k in tok.keys:
                node = node.get(k)
                if node is None:
                    return best
            depth += len(tok.keys)
            j += 1
            ends = node.get(None)
            if ends:
                got = next((p for commas, p in ends if all(c in commas for c in skipped)), _NONE)
                if got is not _NONE:
                    best = (j, got)
        return best


_NONE = object()


# keys of the grammatical words the readers test tokens for ("và", "của"), computed once
KEY_VA = (word_key("và"),)
KEY_CUA = (word_key("của"),)
KEY_CHO = (word_key("cho"),)
KEY_VE = (word_key("về"),)
KEY_KIEM = (word_key("kiêm"),)  # "Phó Bí thư Tỉnh ủy kiêm Chủ tịch …": two titles of one person


_JOINERS = frozenset("-'’")  # written tight inside a name: "Walter-Steinmeier", "H'Yim"


def name_text(toks: list[Token]) -> str:
    """A name's words as written: spaced, but tight around a hyphen ("Walter-Steinmeier")."""
    out = toks[0].text if toks else ""
    for prev, t in itertools.pairwise(toks):
        tight = t.text == "." or not _JOINERS.isdisjoint((prev.text, t.text))
        out += t.text if prev.end == t.start and tight else " " + t.text
    return out


def spelled_on(toks: list[Token], j: int) -> int:
    """After a capitalized word, a hyphen written tight and a lower-case syllable of a transliterated
    name ("Pu-tin", "Mát-xcơ-va"): the end of that syllable, else j."""
    if j + 1 < len(toks) and toks[j].text == "-" and toks[j - 1].end == toks[j].start == toks[j].end - 1 and (
            toks[j].end == toks[j + 1].start and toks[j + 1].is_word and not toks[j + 1].is_cap):
        return j + 2
    return j
