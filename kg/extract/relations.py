"""Entities and relations from the mentions of a whole report."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from kg.extract.build import Builder
from kg.extract.events import dates_in
from kg.extract.lexicon import Lexicon
from kg.extract.orgs import OrgMention
from kg.extract.sentence import Sentence
from kg.extract.tokens import phrase_keys, tokenize, word_key
from kg.model import Entity
from kg.text import name_key


def emit_relations(b: Builder, lex: Lexicon, text: str, sentences: list[Sentence], doc: Entity,
                   title: str, year: int | None) -> None:
    org_ent: dict[int, Entity] = {}  # id(mention) -> entity

    def org_entity(m: OrgMention, s: Sentence) -> Entity | None:
        if not m.canonical:
            return None
        if id(m) not in org_ent:
            span = s.char_span(m.start, m.end)
            org_ent[id(m)] = b.entity("Organization", m.canonical, surface=text[span[0] : span[1]],
                                      span=span, sent=(s.start, s.end))
        return org_ent[id(m)]

    # organizations and their nesting
    for s in sentences:
        sent = (s.start, s.end)
        for top in s.orgs:
            for m in top.walk():
                ent = org_entity(m, s)
                inner = org_entity(m.inner, s) if m.inner is not None else None
                if ent and inner and (m.kind == "sub" or (m.kind == "named" and m.inner is not None)):
                    b.relate("PART_OF", ent, inner, sent, 0.9)
    people = _people(b, lex, text, sentences, org_entity)
    directives = _directives(b, text, sentences, org_entity)
    _places(b, text, sentences)
    _structure(b, lex, sentences)
    _reports_to(b, lex, sentences, org_ent)
    _implements(b, lex, sentences, directives, org_ent)
    _event(b, lex, text, sentences, title, year, people, org_ent)
    _byline(b, lex, text, sentences, doc)


def _people(b, lex, text, sentences, org_entity) -> dict[int, Entity]:
    """Persons with their posts. Returns id(person mention) -> entity."""
    out: dict[int, Entity] = {}
    full: dict[str, str] = {}
    for s in sentences:
        for p in s.people:
            if not p.short:
                full.setdefault(p.name.split()[-1], p.name)
    for s in sentences:
        sent = (s.start, s.end)
        for p in s.people:
            name = full.get(p.name) if p.short else p.name
            if not name:
                continue
            span = s.char_span(p.start, p.end)
            props = {"historical": True} if tuple(name_key(name).split()) in lex.historical else None
            ent = b.entity("Person", name, surface=text[span[0] : span[1]], span=span, sent=sent, props=props)
            out[id(p)] = ent
            for post in p.posts:
                org = org_entity(post.org, s) if post.org is not None else None
                conf = 0.9
                if org is None and post.implied:
                    org = b.entity("Organization", post.implied, span=s.char_span(post.start, post.end), sent=sent)
                    conf = 0.75
                if org is None:
                    continue
                b.relate("HOLDS_POSITION", ent, org, sent, conf, role=post.role,
                         former=post.status == "former", acting=post.status == "acting",
                         newly_appointed=post.status == "newly_appointed")
    return out


def _directives(b, text, sentences, org_entity) -> dict[int, Entity]:
    out: dict[int, Entity] = {}
    for s in sentences:
        sent = (s.start, s.end)
        for d in s.directives:
            span = s.char_span(d.start, d.end)
            key = f"{name_key(d.kind)} {int(d.number)}" if d.number else None
            props = {"kind": d.kind}
            if d.number:
                props["number"] = d.number
            if d.symbol:
                props["symbol"] = d.symbol
            if d.subject:
                props["subject"] = d.subject
            ent = b.entity("Directive", d.name, key=key, surface=text[span[0] : span[1]], span=span,
                           sent=sent, props=props)
            out[id(d)] = ent
            issuer = org_entity(d.issuer, s) if d.issuer is not None else None
            if issuer is not None:
                b.relate("ISSUED_BY", ent, issuer, sent, 0.9)
            elif d.symbol_issuer:
                org = b.entity("Organization", d.symbol_issuer, span=span, sent=sent)
                b.relate("ISSUED_BY", ent, org, sent, 0.6)
            if d.subject_start >= 0:
                for top in s.orgs:
                    if d.subject_start <= top.start < d.subject_end:
                        target = org_entity(top, s)
                        if target is not None:
                            b.relate("APPLIES_TO", ent, target, sent, 0.7)
    return out


def _places(b, text, sentences) -> None:
    for s in sentences:
        for p in s.places:
            span = s.char_span(p.start, p.end)
            surface = text[span[0] : span[1]]
            b.entity("Location", p.name or _expand(surface), surface=surface, span=span, sent=(s.start, s.end),
                     props={"venue": True} if p.venue else None)


def _expand(surface: str) -> str:
    from kg.extract.orgs import expand_surface

    toks = tokenize(surface)
    return expand_surface(toks, 0, len(toks))


def _structure(b: Builder, lex: Lexicon, sentences: list[Sentence]) -> None:
    """Gazetteer facts and structural rules between bodies the report names."""
    orgs = {name_key(e.name): e for e in b.entities.values() if e.type == "Organization"}
    for e in list(orgs.values()):
        entry = lex.org_by_key.get(phrase_keys(e.name))
        if entry is not None and entry.part_of:
            other = orgs.get(name_key(entry.part_of))
            if other is not None:
                b.relate("PART_OF", e, other, _first_sentence(e), 0.8)
        for rule in lex.structure:
            m = re.search(rule["from"], e.name)
            if not m:
                continue
            other = orgs.get(name_key(rule["to"].format(**m.groupdict())))
            if other is not None:
                b.relate(rule["type"], e, other, _first_sentence(e), 0.7)


def _first_sentence(e: Entity) -> tuple[int, int]:
    """Span of the sentence of the entity's first mention (evidence keeps that sentence)."""
    ev = e.evidence[0]
    offset = ev.sentence.find(ev.text) if ev.sentence else -1
    if offset < 0:
        return (ev.start, ev.end)
    start = ev.start - offset
    return (start, start + len(ev.sentence))


def _top_level(s: Sentence, org_ent) -> list[tuple[OrgMention, Entity]]:
    out = []
    for m in s.orgs:
        e = org_ent.get(id(m))
        if e is not None:
            out.append((m, e))
    return out


def _reports_to(b, lex, sentences, org_ent) -> None:
    """"X báo cáo Y", "X giúp Y" (X under Y); "Y giao X", "Y thành lập X" (X under Y)."""
    for s in sentences:
        orgs = sorted(_top_level(s, org_ent), key=lambda me: me[0].start)
        for (ma, ea), (mb, eb) in itertools.pairwise(orgs):
            between = s.tokens[ma.end : mb.start]
            if len(between) > 6:
                continue
            for i in range(ma.end, mb.start):
                if lex.phrases["reports_to_sub_sup"].match(s.tokens, i):
                    _chain(b, s, orgs, mb, ea, up=True)
                    break
                if lex.phrases["reports_to_sup_sub"].match(s.tokens, i):
                    b.relate("REPORTS_TO", eb, ea, (s.start, s.end), 0.6)
                    break


def _chain(b, s, orgs, first, sub, up) -> None:
    """The superior and the bodies coordinated with it: "giúp BCH TW, Bộ Chính trị, Ban Bí thư"."""
    started = False
    last_end = None
    for m, e in orgs:
        if m is first:
            started = True
        if not started:
            continue
        if last_end is not None:
            gap = [t.text for t in s.tokens[last_end : m.start]]
            if not all(g in (",",) or word_key(g) == word_key("và") for g in gap):
                break
        b.relate("REPORTS_TO", sub, e, (s.start, s.end), 0.6)
        last_end = m.end


_INTRO = frozenset(word_key(w) for w in ("Về", "Theo", "Trong", "Tại", "Với", "Để", "Cùng", "Ngoài", "Bên"))


def _in_directive_subject(s: Sentence, m: OrgMention) -> bool:
    return any(d.subject_start <= m.start < d.subject_end for d in s.directives)


def _subject(s: Sentence, org_ent) -> Entity | None:
    """The sentence's acting organization: the first one not governed by "của", not inside a
    title or a directive's subject, and not in a leading adverbial ("Về công tác xây dựng Đảng,")."""
    intro_end = 0
    if s.tokens and word_key(s.tokens[0].text) in _INTRO:
        intro_end = next((k for k, t in enumerate(s.tokens) if t.text == ","), 0)
    for m, e in sorted(_top_level(s, org_ent), key=lambda me: me[0].start):
        if id(m) in s.issuer_orgs or id(m) in s.title_orgs or m.start < intro_end:
            continue
        if _in_directive_subject(s, m):
            continue
        return e
    return None


def _implements(b, lex, sentences, directives, org_ent) -> None:
    """The acting body of a sentence (or, when it names none, of the last one that did) carries
    out the directives that follow an implementation verb."""
    carried: Entity | None = None
    for s in sentences:
        subject = _subject(s, org_ent)
        verb = s.has_phrase(lex.phrases["implement_verbs"])
        if verb >= 0:
            actor = subject or carried
            if actor is not None:
                for d in s.directives:
                    governed = d.start > 0 and word_key(s.tokens[d.start - 1].text) == word_key("của")
                    if d.start > verb and not governed and d.kind not in lex.not_implemented:
                        target = directives.get(id(d))
                        if target is not None:
                            b.relate("IMPLEMENTS", actor, target, (s.start, s.end), 0.7 if subject else 0.5)
        if subject is not None:
            carried = subject


def _event(b, lex, text, sentences, title, year, people, org_ent) -> None:
    """The report's main event, with date, venue, participating bodies and attendees."""
    body = [s for s in sentences if not (title and s.index == 0)]
    lead = None
    for s in body[:4]:
        if s.has_phrase(lex.phrases["event_nouns"]) >= 0 or s.has_phrase(lex.phrases["event_verbs"]) >= 0:
            lead = s
            break
    if lead is None:
        return
    noun_at = lead.has_phrase(lex.phrases["event_nouns"])
    directive_tokens = {i for d in lead.directives for i in range(d.start, d.end)}
    name = ""
    span = (lead.start, lead.end)
    if noun_at >= 0 and noun_at not in directive_tokens:
        end = _event_np_end(lead, noun_at)
        span = lead.char_span(noun_at, end)
        name = text[span[0] : span[1]]
        name = name[0].upper() + name[1:]
    title_toks = tokenize(title) if title else []
    if not name and title and any(lex.phrases["event_verbs"].match(title_toks, i) for i in range(len(title_toks))):
        name = title
    if not name:
        return
    dates = dates_in(text, lead.start, lead.end, year)
    props = {"date": dates[0].iso} if dates else {}
    key = f"{props.get('date', '')} {name_key(name)}"
    event = b.entity("Event", name, key=key, span=span, sent=(lead.start, lead.end), props=props)
    event.props["main"] = True
    sent = (lead.start, lead.end)
    # venue
    for p in lead.places:
        before = lead.tokens[p.start - 1].text if p.start > 0 else ""
        if word_key(before) == word_key("tại"):
            loc = next((e for e in b.entities.values() if e.type == "Location" and any(
                ev.start == lead.tokens[p.start].start for ev in e.evidence)), None)
            if loc is not None:
                b.relate("HELD_AT", event, loc, sent, 0.8)
    # bodies of the lead sentence: subjects before the event verb, and the object of "với"
    np_tokens = set(range(noun_at, _event_np_end(lead, noun_at))) if noun_at >= 0 else set()
    verb_at = next((k for k in range(len(lead.tokens)) if k not in np_tokens
                    and lex.phrases["event_verbs"].match(lead.tokens, k)), -1)
    for m, e in _top_level(lead, org_ent):
        if id(m) in lead.title_orgs or id(m) in lead.issuer_orgs:
            continue
        before_verb = verb_at < 0 or m.start < verb_at
        after_with = m.start > 0 and word_key(lead.tokens[m.start - 1].text) in _OBJECT_OF_MEETING
        if before_verb or after_with:
            b.relate("PARTICIPATED_IN", e, event, sent, 0.8)
    for s in sentences:
        ssent = (s.start, s.end)
        attendance = s.has_phrase(lex.phrases["attendance_markers"]) >= 0
        for p in s.people:
            ent = people.get(id(p))
            if ent is None or ent.props.get("historical"):
                continue
            if s is lead or attendance or _attends(lex, s, max(p.end, p.chain_end)):
                b.relate("ATTENDED", ent, event, ssent, 0.7)
        tops = sorted(_top_level(s, org_ent), key=lambda me: me[0].start)
        for k, (m, e) in enumerate(tops):
            if id(m) in s.title_orgs or id(m) in s.issuer_orgs or s is lead:
                continue
            prev = [word_key(t.text) for t in s.tokens[max(0, m.start - 3) : m.start]]
            led = any(w in _LEADERSHIP for w in prev) or _listed_after_led(s, tops, k)
            list_end = _list_end(s, tops, k)
            near = any(_attends(lex, s, j, window=4) for j in (m.end, list_end))
            if (attendance and led) or (led and near) or _on_behalf(s, m):
                b.relate("PARTICIPATED_IN", e, event, ssent, 0.6)


_LEADERSHIP = frozenset(word_key(w) for w in ("lãnh", "đạo", "diện"))


def _coordinated(s: Sentence, a: OrgMention, b: OrgMention) -> bool:
    gap = s.tokens[a.end : b.start]
    return all(t.text == "," or word_key(t.text) == word_key("và") for t in gap) and len(gap) <= 2


def _listed_after_led(s: Sentence, tops, k: int) -> bool:
    """The org continues a list whose first member follows "lãnh đạo" / "đại diện"."""
    while k > 0 and _coordinated(s, tops[k - 1][0], tops[k][0]):
        k -= 1
        prev = [word_key(t.text) for t in s.tokens[max(0, tops[k][0].start - 3) : tops[k][0].start]]
        if any(w in _LEADERSHIP for w in prev):
            return True
    return False


def _list_end(s: Sentence, tops, k: int) -> int:
    while k + 1 < len(tops) and _coordinated(s, tops[k][0], tops[k + 1][0]):
        k += 1
    return tops[k][0].end


_OBJECT_OF_MEETING = frozenset(word_key(w) for w in ("với", "gặp", "tiếp"))
_NOT_ATTEND_AFTER_DU = frozenset(word_key(w) for w in ("kiến", "thảo", "án", "toán", "báo", "trữ", "phòng", "thính"))


def _attends(lex, s: Sentence, after: int, window: int = 12) -> bool:
    """A speech or attendance verb follows the mention in its clause."""
    for i in range(after, min(len(s.tokens), after + window)):
        m = lex.phrases["attend_words"].match(s.tokens, i)
        if m:
            if word_key(s.tokens[i].text) == word_key("dự") and m[0] < len(s.tokens) and word_key(
                    s.tokens[m[0]].text) in _NOT_ATTEND_AFTER_DU:
                continue
            return True
    return False


def _on_behalf(s: Sentence, m: OrgMention) -> bool:
    prev = [word_key(t.text) for t in s.tokens[max(0, m.start - 2) : m.start]]
    return prev == [word_key("Thay"), word_key("mặt")]


def _event_np_end(s: Sentence, i: int) -> int:
    """An event noun phrase runs to a comma before a capital word, or to the clause end."""
    toks = s.tokens
    j = i + 1
    while j < len(toks):
        t = toks[j]
        if t.text in (".", ";", ":", "(", "“", '"', "…"):
            break
        if t.text == "," and j + 1 < len(toks) and (toks[j + 1].is_cap or toks[j + 1].text[0].isdigit()):
            break
        if word_key(t.text) in (word_key("tại"), word_key("do"), word_key("vào"), word_key("để")):
            break
        j += 1
    return j


def _byline(b, lex, text, sentences, doc: Entity) -> None:
    """Authors: the last sentence when it is a name (or "Tin và ảnh: X"), and photo credits."""
    if not sentences:
        return
    last = sentences[-1]
    toks = last.tokens
    i = 0
    mk = lex.phrases["byline_markers"].match(toks, 0)
    if mk and mk[0] < len(toks) and toks[mk[0]].text == ":":
        i = mk[0] + 1
    name_toks = toks[i:]
    if name_toks and 1 <= len(name_toks) <= 4 and all(t.is_word and t.is_cap for t in name_toks) and (
            i > 0 or len(name_toks) >= 2):
        span = (name_toks[0].start, name_toks[-1].end)
        name = text[span[0] : span[1]]
        ent = b.entity("Person", name, surface=name, span=span, sent=(last.start, last.end))
        b.relate("AUTHORED", ent, doc, (last.start, last.end), 0.8)
    counts: Counter[str] = Counter()
    for s in sentences:
        for k in range(len(s.tokens)):
            m = lex.phrases["photo_markers"].match(s.tokens, k)
            if not m or m[0] >= len(s.tokens) or s.tokens[m[0]].text != ":":
                continue
            j = m[0] + 1
            if j + 2 < len(s.tokens) and s.tokens[j + 1].text == "/":
                j += 2
            start_j = j
            while j < len(s.tokens) and j - start_j < 4 and (s.tokens[j].is_cap or s.tokens[j].text == "."):
                j += 1
            while j > start_j and s.tokens[j - 1].text == ".":
                j -= 1
            # a photo credit ends where the next sentence begins: keep at most two words
            j = min(j, start_j + (3 if j - start_j >= 3 and s.tokens[start_j + 1].text == "." else 2))
            credit = text[s.tokens[start_j].start : s.tokens[j - 1].end] if j > start_j else ""
            if j - start_j >= 2 and not any(
                    r.type == "AUTHORED" and b.entities[r.source].name == credit for r in b.relations.values()):
                span = (s.tokens[start_j].start, s.tokens[j - 1].end)
                name = text[span[0] : span[1]]
                counts[name] += 1
                ent = b.entity("Person", name, surface=name, span=span, sent=(s.start, s.end))
                b.relate("AUTHORED", ent, doc, (s.start, s.end), 0.5, role="photo")
