"""Short names a report gives its bodies in brackets and then uses alone: "Tổng Công ty Nông nghiệp
Sài Gòn TNHH Một thành viên (Sagri)", then "Tổng giám đốc Sagri", "Đảng ủy Sagri", "tại Sagri"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.glued import is_syllable
from kg.extract.org_mention import OrgMention, canonical_name
from kg.extract.tokens import PhraseMatcher, Token

if TYPE_CHECKING:
    from kg.extract.lexicon import Lexicon
    from kg.extract.sentence import Sentence


def defined_short_forms(lex: Lexicon, text: str, sentences: list[Sentence]) -> dict[str, tuple[str, str]]:
    """Short name -> (the body's full name, its head word), for one-word short names written in
    brackets right after a body's name and written again elsewhere in the report. Not a word the
    lexicon already knows as a body, nor a Vietnamese word ("(Huế)" is a place)."""
    found: dict[str, tuple[str, str]] = {}
    for s in sentences:
        toks = s.tokens
        for m in s.orgs:
            if m.foreign or m.kind not in ("named", "gazetteer") or not m.head:
                continue
            for at in (m.end - 3, m.end):  # the bracket inside the mention, or right after it
                if not (0 <= at and at + 2 < len(toks) and toks[at].text == "(" and toks[at + 2].text == ")"):
                    continue
                short = toks[at + 1]
                if not (short.is_word and short.is_cap and len(short.text) >= 3) or short.text in found:
                    continue
                if (is_syllable(short.text) and not short.text.isupper()) or lex.orgs.match(toks, at + 1):
                    continue
                full = m.canonical or canonical_name(m, lex)
                if at == m.end - 3:  # ("… (QLXDCT)" inside the mention's span)
                    full = re.sub(rf"\s*\(\s*{re.escape(short.text)}\s*\)\s*$", "", full)
                used = len(re.findall(rf"(?<![\w(]){re.escape(short.text)}(?![\w)])", text))
                if used and full.startswith(m.head):
                    found[short.text] = (full, m.head)
    return found


def short_form_matcher(forms: dict[str, tuple[str, str]]) -> PhraseMatcher:
    matcher = PhraseMatcher()
    for short, payload in forms.items():
        matcher.add(short, payload)
    return matcher


def short_form_at(matcher: PhraseMatcher, toks: list[Token], i: int) -> OrgMention | None:
    """The body a report's own short name at token i stands for, as a mention of its full name."""
    got = matcher.match(toks, i)
    if got is None:
        return None
    full, head = got[1]
    return OrgMention(i, got[0], "named", head=head, name=full[len(head) :].strip(), canonical=full)


def expand_in_names(lex: Lexicon, sentences: list[Sentence], forms: dict[str, tuple[str, str]]) -> None:
    """"Đảng ủy Sagri" -> "Đảng ủy Tổng Công ty Nông nghiệp Sài Gòn": a body named after the short
    form (read as the full name inside its own) is named after the full one without its legal form
    (data legal_form_tails)."""
    tails = sorted(lex.words["legal_form_tails"], key=len, reverse=True)
    for s in sentences:
        for top in s.orgs:
            for m in top.walk():
                for short, (full, _head) in forms.items():
                    if not m.canonical or m.canonical.lower() == full.lower():
                        continue
                    if m.canonical.lower() in (f"{full} {full}".lower(), f"{full} {short}".lower()):
                        m.canonical = full  # the defining mention, its bracket read into the name
                        continue
                    at = m.canonical.lower().find(full.lower())  # named after the short form ("Đảng ủy Sagri")
                    if at > 0:
                        plain = next((full[: -len(t)].rstrip() for t in tails if full.endswith(" " + t)), full)
                        m.canonical = m.canonical[:at] + plain + m.canonical[at + len(full) :]
