"""A body a report names in full and also cut short: "Sở Giáo dục và Đào tạo TP HCM" and later "Sở Giáo
dục TP HCM", "Bộ Giáo dục và Đào tạo" and "Bộ Giáo dục". The short form is the first half of a name
joined by "và", with the same place after it; it is read as the full name the same report gives.

A name the gazetteer knows as a body of its own is never cut short of another ("Ban Tuyên giáo Trung
ương" and "Ban Tuyên giáo và Dân vận Trung ương", 2025, are two bodies), nor is one whose "và" joins a
second body ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân": two offices made one).
"""

from __future__ import annotations

from kg.extract.lexicon import Lexicon
from kg.extract.naming import all_mentions
from kg.extract.sentence import Sentence
from kg.extract.tokens import phrase_keys, tokenize


def complete_short_names(sentences: list[Sentence], lex: Lexicon) -> None:
    """Rename every mention whose name is a short form of a longer one in the report, in place."""
    # (a foreign state's body takes its country later: "Bộ Nông nghiệp" of Indonesia is no short form)
    mentions = [m for m in all_mentions(sentences) if m.canonical and not m.foreign]
    names = {m.canonical for m in mentions}
    full = {name: longer for name in names if (longer := _full_form(name, names, lex)) is not None}
    for m in mentions:
        if m.canonical in full:
            m.canonical = full[m.canonical]


def _body_after_va(words: list[str], lex: Lexicon) -> bool:
    """Is what follows "và" a body of its own ("Văn phòng Đoàn ĐBQH và HĐND": two offices made one), not
    more of one body's field ("Sở Giáo dục và Đào tạo")?"""
    return lex.heads.match(tokenize(" ".join(words)), 0) is not None


def _full_form(name: str, names: set[str], lex: Lexicon) -> str | None:
    words = name.split()
    if len(words) < 2 or lex.org_by_key.get(phrase_keys(name)) is not None:
        return None
    found = []
    for other in names:
        rest = other.split()
        # the same place after both (possibly none): "… thành phố Hồ Chí Minh"
        tail = 0
        while tail < len(words) and tail < len(rest) and words[-1 - tail] == rest[-1 - tail]:
            tail += 1
        core, long_core = words[: len(words) - tail], rest[: len(rest) - tail]
        if len(core) >= 2 and long_core[: len(core) + 1] == [*core, "và"] and len(long_core) > len(core) + 1 and (
                not _body_after_va(long_core[len(core) + 1 :], lex)):
            found.append(other)
    return found[0] if len(found) == 1 else None
