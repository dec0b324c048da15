"""The report's main event (name, date, venue, bodies, attendees) and its authors."""

from __future__ import annotations

import re
from collections import Counter

from kg.extract.events import announced, dates_in, held_sentence, own_date
from kg.extract.glued import is_syllable
from kg.extract.lexicon import lexicon
from kg.extract.naming import listed_with
from kg.extract.org_mention import OrgMention
from kg.extract.sentence import Sentence
from kg.extract.tokens import KEY_CUA, KEY_VA, tokenize, word_key
from kg.model import Entity
from kg.text import name_key


def top_level(s: Sentence, org_ent) -> list[tuple[OrgMention, Entity]]:
    out = []
    for m in s.orgs:
        e = org_ent.get(id(m))
        if e is not None:
            out.append((m, e))
    return out



def _visited_place(b, lex, lead: Sentence) -> Entity | None:
    """"thăm cấp Nhà nước Campuchia", "đến thăm tỉnh Nghệ An": the place a visit goes to, named a
    few words after the verb of visiting."""
    k = lead.has_phrase(lex.phrases["visit_words"])
    if k < 0:
        return None
    for p in lead.places:
        if k < p.start <= k + 6 and not p.venue:
            return next((e for e in b.entities.values() if e.type == "Location" and any(
                ev.start == lead.tokens[p.start].start for ev in e.evidence)), None)
    return None


def _dateline_place(b, lex, text, lead: Sentence) -> Entity | None:
    """A dateline: an upper-case place name and a dash opening the lead ("HÀ GIANG - Ngày 18.10")."""
    toks = lead.tokens
    k = 0
    while k < len(toks) and toks[k].is_word and toks[k].text.isupper():
        k += 1
    if k == 0 or k >= len(toks) or toks[k].text not in ("-", "–", "—"):
        return None
    place = lex.locations.match(toks, 0)
    if place is None or place[0] != k:
        return None
    span = (toks[0].start, toks[k - 1].end)
    return b.entity("Location", str(place[1]), surface=text[span[0] : span[1]], span=span,
                    sent=(lead.start, lead.end))


_THAY, _MAT = (word_key("thay"),), (word_key("mặt"),)
_SOURCE_NOTE = re.compile(r"\s*\((?:theo|nguồn|Theo|Nguồn)\b[^)]*\)\s*$")
_BYLINE_MAX = 160  # characters: longer than any line of up to three names with a marker
_HOLD = ((word_key("chức"),), (word_key("hành"),))  # "tổ chức", "tiến hành": what follows was held
_NAME_SEPARATORS = frozenset(("-", "–", ",", "và", "&"))


def _names_line(lex, toks) -> list[tuple[int, int]]:
    """Character spans of the names when a whole line is a byline, else []."""
    if toks and toks[0].keys[:1] and toks[0].keys[0] in lex.wordset("source_markers"):
        return []  # "Theo TTXVN": the source of the report, not its author
    if toks and toks[0].keys[:1] and toks[0].keys[0] in lex.wordset("bare_honorifics"):
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
    if any(_is_body(lex, g) or lex.titles.match(g, 0) or _is_place(lex, g) for g in groups):
        return []
    return [(g[0].start, g[-1].end) for g in groups]


def _event_noun(lex, s: Sentence) -> int:
    """Token index of an event noun outside directive names, places and bodies' names ("Tiểu ban
    Nhân sự Đại hội XIV" is a body, not the congress), or -1."""
    taken = {i for d in s.directives for i in range(d.start, d.end)}
    taken |= {i for p in s.places for i in range(p.start, p.end)}
    taken |= {i for o in s.orgs for i in range(o.start + 1, o.end)}
    nouns = lex.phrases["event_nouns"]
    return next((k for k in range(len(s.tokens)) if k not in taken and nouns.starts(s.tokens[k])
                 and nouns.match(s.tokens, k)), -1)


def _meeting_verb(lex, s: Sentence) -> tuple[int, int] | None:
    """(start, end) of a meeting verb, not the first word of another ("tiếp tục", "tiếp cận" are
    not "tiếp"), or None."""
    verbs = lex.phrases["event_verbs"]
    named: set[int] | None = None
    for k in range(len(s.tokens)):
        if not verbs.starts(s.tokens[k]):
            continue
        if named is None:  # not a word of a name ("Ủy ban Kiểm tra Trung ương" holds no "kiểm tra")
            named = {j for m in [*s.orgs, *s.directives] for j in range(m.start, m.end)}
        if k in named:
            continue
        m = verbs.match(s.tokens, k)
        if m and not (m[0] - k == 1 and lex.is_other_word(s.tokens, k)):
            return k, m[0]
    return None


def _is_body(lex, words) -> bool:
    """A group that starts a body's name; a surname that is also a head ("Đoàn Loan") does not."""
    hd = lex.heads.match(words, 0)
    return hd is not None and (words[0].keys[0] not in lex.surnames or hd[0] >= 2)


def _is_place(lex, words) -> bool:
    """A whole group of a byline that names a place (not a country that reads as a name: "Hà Lan")."""
    loc = lex.locations.match(words, 0)
    return loc is not None and loc[0] == len(words) and not lex.reads_as_name(str(loc[1]), words[0])


def main_event(b, lex, text, sentences, title, year, people, org_ent, doc_date: str | None = None) -> None:
    """The report's main event, with date, venue, participating bodies and attendees. With no
    date in the lead, the event takes the report's date (`doc_date`)."""
    body = [s for s in sentences if not (title and s.index == 0)]
    # the lead names the meeting ("chủ trì phiên họp thứ 6") or says one took place ("làm việc với")
    told = [s for s in body[:6] if _event_noun(lex, s) >= 0 or _meeting_verb(lex, s)]
    # a sentence that dates the meeting (on or before the report's date: not a session announced
    # for later) is the lead over a summary or a repeated headline before it
    dated = [s for s in told if any(not doc_date or d.iso <= doc_date for d in dates_in(text, s.start, s.end, year))
             and not lex.phrases["flashback_openers"].match(s.tokens, 0)]  # "Trước đó, chiều 12/9, …"
    told = [s for s in told if s.index <= body[min(3, len(body) - 1)].index]
    lead = dated[0] if dated else told[0] if told else None
    if lead is None:
        return
    # the event noun outside directive names and places ("Trung tâm Hội nghị tỉnh" is a venue)
    noun_at = _event_noun(lex, lead)
    name = ""
    span = (lead.start, lead.end)
    if noun_at >= 0:
        end = _event_np_end(lead, noun_at)
        span = lead.char_span(noun_at, end)
        name = text[span[0] : span[1]]
        name = name[0].upper() + name[1:]
        host = next((e for m, e in sorted(top_level(lead, org_ent), key=lambda me: me[0].start)
                     if id(m) not in lead.title_orgs and id(m) not in lead.directive_issuers), None)
        if host is not None and end - noun_at <= 4 and host.name not in name:
            name = f"{name} của {host.name}"  # "Kỳ họp thứ 22" says little without whose
    title_toks = tokenize(title) if title else []
    if not name and title and any(lex.phrases["event_verbs"].match(title_toks, i) for i in range(len(title_toks))):
        name = title
    # with no noun for it, a dated lead's meeting verb names what was held
    verb = _meeting_verb(lex, lead) if not name and dates_in(text, lead.start, lead.end, year) else None
    if verb is not None:
        # "Văn phòng Trung ương Đảng tổ chức công bố quyết định …": what was held; "UBKT đã họp kỳ
        # thứ 53": the verb and what follows
        at = verb[1] if lead.tokens[verb[1] - 1].keys[:1] in _HOLD and verb[1] < len(lead.tokens) else verb[0]
        end = _event_np_end(lead, at)
        if lead.tokens[at].is_word and end > at:
            span = lead.char_span(at, end)
            name = text[span[0] : span[1]]
            name = name[0].upper() + name[1:]
    if not name:
        return
    held = held_sentence(lex, text, body, lead, name, year)
    dates = own_date(text, lead, noun_at, year, doc_date) or (
        dates_in(text, held.start, held.end, year)[:1] if held is not None else []) or announced(
        lead, dates_in(text, lead.start, lead.end, year))
    props = {"date": dates[0].iso} if dates else {"date": doc_date} if doc_date else {}
    key = f"{props.get('date', '')} {name_key(name)}"
    event = b.entity("Event", name, key=key, span=span, sent=(lead.start, lead.end), props=props)
    event.props["main"] = True
    sent = (lead.start, lead.end)
    # venue: the first place after "tại" before the main verb, else a dateline ("HÀ GIANG - Ngày 18.10")
    venue = None
    where = held or lead
    for p in where.places:
        before = where.tokens[p.start - 1].text if p.start > 0 else ""
        if word_key(before) == word_key("tại"):
            venue = next((e for e in b.entities.values() if e.type == "Location" and any(
                ev.start == where.tokens[p.start].start for ev in e.evidence)), None)
            if venue is not None:
                break
    if venue is None:
        venue = _visited_place(b, lex, lead)
    if venue is None:
        venue = _dateline_place(b, lex, text, lead)
    if venue is not None:
        b.relate("HELD_AT", event, venue, sent, 0.8)
    # "Hội nghị Trung ương 7": a meeting named after the body that holds it
    for prefix, owner in lex.words["meetings_of"].items():
        if name.startswith(prefix + " ") and name[len(prefix) + 1 : len(prefix) + 2].isdigit():
            b.relate("PARTICIPATED_IN", b.entity("Organization", owner, sent=sent), event, sent, 0.8)
    # bodies of the lead sentence: subjects before the event verb, and the object of "với"
    np_tokens = set(range(noun_at, _event_np_end(lead, noun_at))) if noun_at >= 0 else set()
    verb_at = next((k for k in range(len(lead.tokens)) if k not in np_tokens
                    and lex.phrases["event_verbs"].match(lead.tokens, k)), -1)
    taking_part = None  # the last body found taking part: a body listed right after it does too
    for m, e in sorted(top_level(lead, org_ent), key=lambda me: me[0].start):
        if id(m) in lead.title_orgs or id(m) in lead.directive_issuers:
            continue
        before_verb = verb_at < 0 or m.start < verb_at
        # "làm việc với X", "thăm, chúc mừng X và Y": the bodies met or visited
        after_with = (m.start > 0 and word_key(lead.tokens[m.start - 1].text) in lex.wordset("meeting_object_words")
                      ) or (taking_part is not None and listed_with(lead, taking_part, m))
        # "kỳ họp thứ 25 (của) HĐND tỉnh": the body whose session it is, named right after the noun
        # or after "của" (not a body the meeting is about: "hiệp thương … bầu cử đại biểu Quốc hội")
        whose = m.start in np_tokens and (m.start - noun_at <= 4 or lead.tokens[m.start - 1].keys[:1] == KEY_CUA)
        if before_verb or after_with or whose:
            b.relate("PARTICIPATED_IN", e, event, sent, 0.8)
            taking_part = m
    for s in body:  # the headline says what happened, not who was there
        ssent = (s.start, s.end)
        attendance = _attendance_marked(lex, s)
        for p in s.people:
            ent = people.get(id(p))
            if ent is None or ent.props.get("historical"):
                continue
            if _represented(s, p.start):
                continue  # "thay mặt Tổng thống Joe Biden, Ngoại trưởng Blinken …": Biden was not there
            spoke = _attends(lex, s, max(p.end, p.chain_end))
            if _decided_on(lex, s, p) and not spoke:
                continue  # "kỷ luật ông A", "bầu ông B giữ chức …": the subject of a decision, not present
            if s is lead or attendance or spoke:
                b.relate("ATTENDED", ent, event, ssent, 0.7)
        tops = sorted(top_level(s, org_ent), key=lambda me: me[0].start)
        behalf = None  # "Thay mặt Tỉnh ủy, HĐND, UBND tỉnh": each body of the list
        for k, (m, e) in enumerate(tops):
            if id(m) in s.title_orgs or id(m) in s.issuer_orgs or s is lead:
                continue
            if _on_behalf(s, m) or (behalf is not None and listed_with(s, behalf, m, lex.wordset("leadership_words"))):
                behalf = m
                b.relate("PARTICIPATED_IN", e, event, ssent, 0.6)
                continue
            prev = [word_key(t.text) for t in s.tokens[max(0, m.start - 3) : m.start]]
            led = any(w in lex.wordset("leadership_words") for w in prev) or _listed_after_led(s, tops, k)
            list_end = _list_end(s, tops, k)
            near = any(_attends(lex, s, j, window=4) for j in (m.end, list_end))
            if (attendance and led) or (led and near) or _on_behalf(s, m):
                b.relate("PARTICIPATED_IN", e, event, ssent, 0.6)




def _coordinated(s: Sentence, a: OrgMention, b: OrgMention) -> bool:
    gap = s.tokens[a.end : b.start]
    return all(t.text == "," or t.keys[:1] == KEY_VA for t in gap) and len(gap) <= 2


def _listed_after_led(s: Sentence, tops, k: int) -> bool:
    """The org continues a list whose first member follows "lãnh đạo" / "đại diện"."""
    while k > 0 and _coordinated(s, tops[k - 1][0], tops[k][0]):
        k -= 1
        prev = [word_key(t.text) for t in s.tokens[max(0, tops[k][0].start - 3) : tops[k][0].start]]
        if any(w in lexicon().wordset("leadership_words") for w in prev):
            return True
    return False


def _list_end(s: Sentence, tops, k: int) -> int:
    while k + 1 < len(tops) and _coordinated(s, tops[k][0], tops[k + 1][0]):
        k += 1
    return tops[k][0].end




def _attends(lex, s: Sentence, after: int, window: int = 12) -> bool:
    """A speech or attendance verb follows the mention in its clause."""
    for i in range(after, min(len(s.tokens), after + window)):
        m = lex.phrases["attend_words"].match(s.tokens, i)
        if m:
            if m[0] - i == 1 and lex.is_other_word(s.tokens, i):  # "dự án", "dự kiến"
                continue
            return True
    return False


def _attendance_marked(lex, s: Sentence) -> bool:
    """An attendance marker ("Đến dự", "Tham dự có"), not the start of another word ("đến dự án")."""
    markers = lex.phrases["attendance_markers"]
    k = s.has_phrase(markers)
    while k >= 0:
        m = markers.match(s.tokens, k)
        if m and not lex.is_other_word(s.tokens, m[0] - 1):
            return True
        k = s.has_phrase(markers, k + 1)
    return False


def _decided_on(lex, s: Sentence, p) -> bool:
    """Is the person the object of a decision verb a few words before their name or titles?"""
    first = min([p.start, *(q.start for q in p.posts if q.start < p.start)])
    verbs = lex.phrases["decision_verbs"]
    return any(verbs.match(s.tokens, k) for k in range(max(0, first - 5), first))


def _represented(s: Sentence, at: int) -> bool:
    """Is the mention at token `at` (after its title or honorific) the one someone acts for?"""
    # "thay mặt" a few words back, the person's title in between ("thay mặt Tổng thống Joe Biden")
    before = s.tokens[max(0, at - 6) : at]
    for k in range(len(before) - 1):
        if before[k].keys[:1] == _THAY and before[k + 1].keys[:1] == _MAT:
            return all(t.is_word for t in before[k + 2 :])
    return False


def _on_behalf(s: Sentence, m: OrgMention) -> bool:
    prev = [word_key(t.text) for t in s.tokens[max(0, m.start - 2) : m.start]]
    return prev == [word_key("Thay"), word_key("mặt")]


# ", chiều 27/4": the phrase has ended; the date follows


def _event_np_end(s: Sentence, i: int) -> int:
    """An event noun phrase runs to a comma before a capital word, or to the clause end."""
    toks = s.tokens
    j = i + 1
    while j < len(toks):
        t = toks[j]
        if t.text in (".", ";", ":", "(", "“", '"', "…"):
            break
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        # a comma ends the name before a new clause: a capital word, a number, a time of day, or a
        # lower-case clause opener ("kỳ họp thứ 2, nhiều đại biểu …"); lists of verbs go on
        # ("Hội nghị nghiên cứu, học tập, quán triệt …")
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if t.text == "," and nxt is not None and (
                nxt.is_cap or nxt.text[0].isdigit() or lexicon().phrases["event_clause_openers"].match(toks, j + 1)):
            break
        if j > i + 1 and t.is_word and (word_key(t.text) in lexicon().wordset("event_name_stops")
                                         or lexicon().phrases["event_name_verbs"].match(toks, j)):
            break
        j += 1
    return j


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
            start_j = j
            while j < len(s.tokens) and j - start_j < 4 and (s.tokens[j].is_cap or s.tokens[j].text == "."):
                j += 1
            while j > start_j and s.tokens[j - 1].text == ".":
                j -= 1
            # a photo credit ends where the next sentence begins: keep at most two words
            j = min(j, start_j + (3 if j - start_j >= 3 and s.tokens[start_j + 1].text == "." else 2))
            if j - start_j >= 2 and s.tokens[start_j].text.isupper() and not s.tokens[start_j + 1].text.isupper():
                j = start_j + 1  # "Ảnh:AFP Đơn kiện …": an agency in capitals, then the next sentence
            credit = text[s.tokens[start_j].start : s.tokens[j - 1].end] if j > start_j else ""
            # a body's credit ("Ảnh: Bộ TN-MT", "Ảnh: Cổng TTĐT Chính phủ") is no person
            body = lex.heads.match(s.tokens, start_j) or lex.orgs.match(s.tokens, start_j)
            # "Ảnh: China Daily", "Ảnh: Getty Images": foreign words credit an outlet, not a Vietnamese photographer
            outlet = not any(is_syllable(t.text) for t in s.tokens[start_j:j] if t.is_word)
            if j - start_j >= 2 and not body and not outlet and not any(
                    r.type == "AUTHORED" and b.entities[r.source].name == credit for r in b.relations.values()):
                span = (s.tokens[start_j].start, s.tokens[j - 1].end)
                name = text[span[0] : span[1]]
                counts[name] += 1
                # the photographer is a person of the report, not its author (AUTHORED is the byline)
                b.entity("Person", name, surface=name, span=span, sent=(s.start, s.end), props={"photographer": True})
