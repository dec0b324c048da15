"""Short names a report gives its bodies in brackets and then uses alone: "Tổng Công ty Nông nghiệp
Sài Gòn TNHH Một thành viên (Sagri)", then "Tổng giám đốc Sagri", "Đảng ủy Sagri", "tại Sagri"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.glued import is_syllable
from kg.extract.org_mention import OrgMention, canonical_name
from kg.extract.tokens import PhraseMatcher, Token
from kg.text import name_key

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


def companies_by_their_names(sentences: list[Sentence], lex: Lexicon) -> None:
    """"Công ty Hoàng Dân" after "Công ty TNHH Một thành viên Đầu tư và Xây dựng Hoàng Dân": a
    company named by its own name, without its legal form and trade, is the one company of the
    report whose full name ends with it."""
    heads = lex.words["company_heads"]
    ends: dict[tuple[str, str], set[str]] = {}  # (head, the last words of a name) -> full names
    for m in _all_mentions(sentences):
        name = m.canonical or ""
        head = next((h for h in heads if name.startswith(h + " ")), None)
        if head is not None:
            words = name[len(head) + 1 :].split(" ")
            for k in range(1, len(words)):  # proper tails only: a name is not its own short form
                ends.setdefault((head, " ".join(words[k:])), set()).add(name)
    for m in _all_mentions(sentences):
        name = m.canonical or ""
        head = next((h for h in heads if name.startswith(h + " ")), None)
        longer = ends.get((head, name[len(head) + 1 :]), set()) - {name} if head is not None else set()
        if len(longer) == 1:
            m.canonical = next(iter(longer))


def defined_in_names(sentences: list[Sentence]) -> None:
    """"Cục Quản lý xây dựng công trình (QLXDCT)" defines "Cục QLXDCT" for the rest of the report."""
    defined: dict[str, str] = {}
    for s in sentences:
        toks = s.tokens
        for m in s.orgs:
            for at in (m.end - 3, m.end):  # the bracket inside the mention, or right after it
                if (m.kind == "named" and 0 <= at and at + 2 < len(toks) and toks[at].text == "("
                        and toks[at + 2].text == ")" and toks[at + 1].text.isupper() and m.canonical):
                    defined.setdefault(name_key(f"{m.head} {toks[at + 1].text}"), m.canonical)
    if defined:
        for m in _all_mentions(sentences):
            if m.canonical and name_key(m.canonical) in defined:
                m.canonical = defined[name_key(m.canonical)]


def _all_mentions(sentences: list[Sentence]):
    for s in sentences:
        for top in s.orgs:
            yield from top.walk()
