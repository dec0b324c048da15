"""An organization mention and its canonical name: the head word, proper name, owner, locality and
term a reader found, and the full name they make with abbreviations written out."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from kg.extract.lexicon import Lexicon, OrgEntry
from kg.extract.tokens import KEY_VA, Token, expand_keys, spelled_on
from kg.resources import abbreviations


@dataclass
class OrgMention:
    start: int  # token index
    end: int  # token index, exclusive
    kind: str  # gazetteer | named | standalone | party | sub | bare
    head: str = ""
    name: str = ""  # proper-name part (canonical text)
    inner: OrgMention | None = None
    locality: str = ""
    term: str = ""
    entry: OrgEntry | None = None
    canonical: str = ""
    children: list[OrgMention] = field(default_factory=list)
    foreign: bool = False  # of a foreign state: its locality is the country ("Bộ Ngoại giao Mỹ")
    short: bool = False  # a ministry named short after a minister's title ("Bộ trưởng Nông nghiệp")
    place_at: tuple[int, int] | None = None  # tokens of a place written alone after a title ("Bí thư tỉnh X")
    executive: str = ""  # a Party committee written "Ban Chấp hành Đảng bộ tỉnh X": "Đảng bộ tỉnh X"
    implied: bool = False  # read from other words (its span), not written: those words are no name of it
    distributed: bool = False  # one of the bodies a distributive list gives ("UBND các tỉnh A, B")

    def walk(self):
        yield self
        if self.inner:
            yield from self.inner.walk()


def expand_surface(tokens: list[Token], start: int, end: int) -> str:
    """Words of tokens[start:end] with abbreviations written out, joiners spaced."""
    out: list[str] = []
    abbr = abbreviations()
    skip = start
    for k in range(start, end):
        tok = tokens[k]
        if k < skip:
            continue
        if tok.is_abbr or (tok.is_word and tok.text.isupper()):
            # "GD-ĐT", "TN&MT", "LĐ-TB-XH": an abbreviation written in parts around its joiners
            joined = joined_abbreviation(tokens, k, end, abbr)
            if joined is not None:
                out.append(joined[0])
                skip = joined[1]
                continue
        if k > start and spelled_on(tokens, k) == k + 2 and k + 1 < end:
            out[-1] += "-"  # "Mát-xcơ-va": a transliteration's syllables stay joined
            continue
        if tok.is_word and k > start and tokens[k - 1].text == "-" and spelled_on(tokens, k - 1) == k + 1:
            out[-1] += tok.text
        elif tok.is_word:
            out.append(abbr.get(tok.text.lower(), tok.text) if tok.is_abbr else tok.text)
        elif tok.text in "-–":
            out.append("-")
        elif tok.text == ",":
            if out:
                out[-1] += ","
        elif tok.text == "&":
            out.append("và")
    return " ".join(out)



def joined_abbreviation(tokens: list[Token], k: int, end: int, abbr: dict[str, str]) -> tuple[str, int] | None:
    """(expansion, end) of the longest abbreviation written in parts around "-" / "&" from token k:
    tight ("TN-MT") or, between upper-case parts, spaced ("TN - MT", "LĐ - TB và XH", "GD - ĐT")."""
    best = None
    j = k + 1
    while j + 1 < end and tokens[j + 1].is_word and (
            (tokens[j].text in ("-", "&") and tokens[j].start == tokens[j - 1].end
             and tokens[j + 1].start == tokens[j].end)
            or ((tokens[j].text in ("-", "–", "&") or tokens[j].keys[:1] == KEY_VA)
                and tokens[j - 1].text.isupper() and tokens[j + 1].text.isupper())):
        parts = [t.text for t in tokens[k : j + 2]]
        for key in ("".join(parts).lower(), "".join("&" if p.lower() == "và" else "-" if p == "–" else p
                                                     for p in parts).lower()):
            if key in abbr:
                best = (abbr[key], j + 2)
                break
        j += 2
    return best


def _loc_word(tokens: list[Token], start: int, end: int) -> str:
    words = [t.text for t in tokens[start:end] if t.is_word]
    key = " ".join(words).lower()
    if key == "tp" or key.endswith("."):  # "TP", "Q.Tân Bình": the unit written out
        key = (abbreviations().get(key) or key).lower()
    return key.rstrip(".")


def canonical_name(m: OrgMention, lex: Lexicon) -> str:
    """The full canonical name of a (resolved) mention, abbreviations expanded."""
    if m.canonical and m.kind == "gazetteer":
        base = m.canonical
    elif m.kind == "named":
        base = f"{m.head} {m.name}"
        if m.inner is not None:
            base += " " + canonical_name(m.inner, lex)
    elif m.kind in ("sub", "party", "wrapper"):
        assert m.inner is not None
        base = f"{m.head} {canonical_name(m.inner, lex)}"
    elif m.kind in ("bare", "resolved"):
        base = m.canonical or m.head
    else:
        base = _expand_head(m.head)
        if m.locality:
            base = lex.words["branch_full_heads"].get(base, base)
    if m.locality and not base.endswith(m.locality):
        base = f"{base} {m.locality}"
    if m.foreign and not m.locality:  # a foreign body with its state not written is not Vietnam's
        return base
    entry = lex.canonical_org(tuple(k for w in base.split() for k in expand_keys(w.strip(","))))
    return entry.name if entry else base


def _plain(text: str) -> str:
    """Upper-case letters without diacritics ("Đ" -> "D"), to compare a short form with initials."""
    return "".join(c for c in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
                   if not unicodedata.combining(c)).upper()


def _expand_head(head: str) -> str:
    abbr = abbreviations()
    return " ".join(abbr.get(w.lower(), w) if w.isupper() and len(w) > 1 else w for w in head.split())
