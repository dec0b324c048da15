"""An assembly's sitting told by its vote or discussion ("Quốc hội biểu quyết thông qua …", "Quốc hội thảo
luận ở tổ về …"): the sitting the lead tells of, and its name. Read by meeting.py."""

from __future__ import annotations

from kg.extract.attendance import top_level
from kg.extract.sentence import Sentence
from kg.extract.tokens import word_key
from kg.model import Entity

_DE = (word_key("để"),)


def sitting(lex, text: str, s: Sentence, vote: tuple[tuple[int, int], Entity]) -> str:
    """"Phiên họp Quốc hội"; a Party committee written as its executive holds a plenum, named as
    written ("Hội nghị Ban chấp hành Đảng bộ tỉnh Thanh Hóa")."""
    m = next((m for m in s.orgs if m.start == vote[0][0]), None)
    if m is not None and m.executive:
        return f"{lex.words['plenum_noun']} {text[slice(*s.char_span(m.start, m.end))]}"
    return f"{lex.words['sitting_noun']} {vote[1].name}"


def assembly_vote(lex, s: Sentence, org_ent) -> tuple[tuple[int, int], Entity] | None:
    """((start, end) tokens, the assembly) where an assembly is the agent of a vote ("Quốc hội
    biểu quyết", "được Quốc hội thông qua"; data/lexicon.yaml assemblies, vote_verbs), or None."""
    verbs = lex.phrases["vote_verbs"]
    if s.has_phrase(verbs) < 0:
        return None
    for m, e in top_level(s, org_ent):
        if id(m) in s.title_orgs or not (lex.is_assembly(e.name) or e.name in lex.words["sitting_bodies"] or (
                m.executive)):
            continue
        if m.start > 0 and s.tokens[m.start - 1].keys[:1] == _DE:
            continue  # "được giới thiệu để HĐND bầu": a vote to come
        k = m.end
        while k < len(s.tokens) and k - m.end < 3 and s.tokens[k].keys[:1] and (
                s.tokens[k].keys[0] in lex.wordset("aspect_words")):  # (not "sẽ": a sitting to come)
            k += 1
        got = verbs.match(s.tokens, k)
        if got is not None:
            return (m.start, got[0]), e
    return None


def sitting_discussion(lex, s: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of "thảo luận ở tổ" / "thảo luận tại hội trường" where an assembly's verb ends at
    token `end` (the assembly from `start`), or None."""
    for j in range(start, end):
        verb = lex.phrases["topic_verbs"].match(s.tokens, j)
        if verb is not None and verb[0] == end:
            place = lex.phrases["sitting_places"].match(s.tokens, end)
            return (j, place[0]) if place is not None else None
    return None
