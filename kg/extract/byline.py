"""Authors and photographers: a line of names at the end of a report or under its title ("Tin và
ảnh: X", "A - B", "NGỌC MAI - TRẦN MINH") AUTHORED the report; a photo credit ("Ảnh: X") names a
person of the report, not its author."""

from __future__ import annotations

import re
from collections import Counter

from kg.extract.glued import is_syllable
from kg.extract.tokens import tokenize
from kg.model import Entity

# what follows the names of a byline: its sources ("(theo CNBC, Reuters)"), a compilation ("(tổng hợp)"),
# the agency written after a slash or in brackets ("Thành Chung/VOV", "Hoàng Anh Tuấn (TTXVN)")
_SOURCE_NOTE = re.compile(r"\s*(?:\((?:theo|nguồn|Theo|Nguồn|tổng hợp|Tổng hợp)\b[^)]*\)|/\s*[A-ZĐ]{2,}|"
                          r"\(\s*[A-ZĐ]{2,}\s*\))\s*$")
_END_MARK = "./."  # the mark that ends a report's text, a byline after it on the same line
_BYLINE_MAX = 160  # characters: longer than any line of up to three names with a marker
_NAME_SEPARATORS = frozenset(("-", "–", ",", "và", "&"))


def _names_line(lex, toks) -> list[tuple[int, int]]:
    """Character spans of the names when a whole line is a byline, else []."""
    if toks and lex.word_in(toks[0], "source_markers"):
        return []  # "Theo TTXVN": the source of the report, not its author
    if toks and lex.word_in(toks[0], "bare_honorifics"):
        return []  # "Ông Trịnh Xuân Thanh": a photo caption; a byline names no one "ông" or "bà"
    i = 0
    mk = lex.phrases["byline_markers"].match(toks, 0, allow_comma=True)
    if mk and mk[0] < len(toks) and toks[mk[0]].text == ":":
        i = mk[0] + 1
    groups: list[list] = [[]]
    for t in toks[i:]:
        if t.text in _NAME_SEPARATORS:
            groups.append([])
        elif t.is_word and t.is_cap and not t.text[0].isdigit():
            groups[-1].append(t)
        else:
            return []
    ok = all((2 if i == 0 else 1) <= len(g) <= 4 for g in groups)
    if not ok or not groups[0] or len(groups) > 3:
        return []
    # (nor an agency or outlet credited by name: "Tin, ảnh: TTXVN")
    if any(_is_body(lex, g) or lex.titles.match(g, 0) or _is_place(lex, g) or lex.orgs.match(g, 0) is not None
           or lex.outlets.match(g, 0) is not None for g in groups):
        return []
    return [(g[0].start, g[-1].end) for g in groups]


def _is_body(lex, words) -> bool:
    """A group that starts a body's name; a surname that is also a head ("Đoàn Loan") does not."""
    hd = lex.heads.match(words, 0)
    return hd is not None and (words[0].keys[0] not in lex.surnames or hd[0] >= 2)


def _is_place(lex, words) -> bool:
    """A whole group of a byline that names a place (not a country that reads as a name: "Hà Lan")."""
    loc = lex.locations.match(words, 0)
    return loc is not None and loc[0] == len(words) and not lex.reads_as_name(str(loc[1]), words[0])


def _opens_sentence(lex, toks, j: int, words: int) -> bool:
    """Does a sentence open at j, after `words` words of a credit? A one-word opener ("Sáng", "Theo")
    may end a given name ("Nguyễn Văn Sáng"): it opens a sentence only after a full name."""
    return bool(lex.phrases["discourse_openers"].match(toks, j) or (
        words >= 3 and lex.phrases["name_stops"].match(toks, j)))


def credited(lex, s, at: int) -> bool:
    """Does a photo credit's name begin at token `at` ("(Ảnh: Hoàng Hải/TTXVN)")?"""
    toks = s.tokens
    return at >= 2 and toks[at - 1].text == ":" and lex.phrases["photo_markers"].match(toks, at - 2) is not None


def byline(b, lex, text, sentences, doc: Entity) -> None:
    """Authors: a line of names ("Tin và ảnh: X", "A - B", "NGỌC MAI - TRẦN MINH") at the end of
    the report or right under its title, and photo credits ("Ảnh: X")."""
    if not sentences:
        return
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    # the last line, the last sentence (a byline run into the text), lines under the title
    last = (sentences[-1].start, sentences[-1].end)
    # (the line before the last, too: crawlers put a photo caption after the byline)
    candidates = lines[-1:] + ([last] if last not in lines else []) + [ln for ln in lines[1:3] if ln != lines[-1]]
    candidates += [ln for ln in lines[-2:-1] if ln not in candidates]
    # the last line of the text before the captions a crawler puts after it, a blank line between
    # ("…|Hải Bình||Ông A (Giám đốc …).|Bà B trả lời chất vấn.")
    candidates += [(a, z) for (a, z), (c, _) in zip(lines[-6:-1], lines[-5:], strict=False)
                   if "\n\n" in text[z:c] and (a, z) not in candidates]
    # "… bền vững của đất nước./. Thành Chung/VOV": the names after the end mark
    tail = text.rfind(_END_MARK, lines[-1][0], lines[-1][1])
    if tail >= 0 and tail + len(_END_MARK) < lines[-1][1]:
        candidates.append((tail + len(_END_MARK), lines[-1][1]))
    for start, end in candidates:
        if end - start > _BYLINE_MAX:
            continue  # a paragraph, not a line of names: no need to read it word by word
        source = _SOURCE_NOTE.search(text, start, end)  # "Hà Thu (theo CNBC, Reuters)"
        names = _names_line(lex, tokenize(text, start, source.start() if source else end))
        for a, z in names:
            ent = b.entity("Person", text[a:z], surface=text[a:z], span=(a, z), sent=(start, end))
            b.relate("AUTHORED", ent, doc, (start, end), 0.8)
    counts: Counter[str] = Counter()
    markers = lex.words["photo_markers"]
    for s in sentences:
        if not any(mk in text[s.start : s.end] for mk in markers):
            continue  # most sentences carry no credit: skip the token scan
        for k in range(len(s.tokens)):
            if not lex.phrases["photo_markers"].starts(s.tokens[k]):
                continue
            m = lex.phrases["photo_markers"].match(s.tokens, k)
            if not m or m[0] >= len(s.tokens) or s.tokens[m[0]].text != ":":
                continue
            j = m[0] + 1
            if j + 2 < len(s.tokens) and s.tokens[j + 1].text == "/":
                j += 2
            start_j, opener = j, False
            while j < len(s.tokens) and j - start_j < 4 and (s.tokens[j].is_cap or s.tokens[j].text == "."):
                if j > start_j and (opener := _opens_sentence(lex, s.tokens, j, j - start_j)):
                    break
                j += 1
            while j > start_j and s.tokens[j - 1].text == ".":
                j -= 1
            # a photo credit ends where the next sentence begins: keep at most two words, unless the
            # credit ends the line, or a sentence's opening words, with a full name, surname first
            # ("Ảnh: Nguyễn Văn Sáng", "Ảnh: Nguyễn Văn Sáng Đáng chú ý, …")
            first = s.tokens[start_j].keys[:1]
            if (any(t.is_word for t in s.tokens[j:]) and not opener) or (first and first[0] not in lex.surnames):
                j = min(j, start_j + (3 if j - start_j >= 3 and s.tokens[start_j + 1].text == "." else 2))
            if j - start_j >= 2 and s.tokens[start_j].text.isupper() and not s.tokens[start_j + 1].text.isupper():
                j = start_j + 1  # "Ảnh:AFP Đơn kiện …": an agency in capitals, then the next sentence
            credit = text[s.tokens[start_j].start : s.tokens[j - 1].end] if j > start_j else ""
            # a body's credit ("Ảnh: Bộ TN-MT", "Ảnh: Cổng TTĐT Chính phủ") is no person
            body = lex.heads.match(s.tokens, start_j) or lex.orgs.match(s.tokens, start_j)
            # "Ảnh: China Daily", "Ảnh: Getty Images": foreign words credit an outlet, not a Vietnamese photographer
            # (or a known outlet: "Ảnh: Thanh Niên")
            outlet = not any(is_syllable(t.text) for t in s.tokens[start_j:j] if t.is_word) or (
                lex.outlets.match(s.tokens, start_j) is not None)
            if j - start_j >= 2 and not body and not outlet and not any(
                    r.type == "AUTHORED" and b.entities[r.source].name == credit for r in b.relations.values()):
                span = (s.tokens[start_j].start, s.tokens[j - 1].end)
                name = text[span[0] : span[1]]
                counts[name] += 1
                # the photographer is a person of the report, not its author (AUTHORED is the byline)
                b.entity("Person", name, surface=name, span=span, sent=(s.start, s.end), props={"photographer": True})
