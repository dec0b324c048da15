"""The report's main event (name, date, bodies, attendees; its venue: venue.py) and its authors."""

from __future__ import annotations

import re

from kg.extract.attendance import present, press_conference, spokesperson, top_level
from kg.extract.event_names import counted, event_np_end, numbered_before, today, without_relative_days
from kg.extract.events import announced, dates_in, held_sentence, in_report_week, own_date
from kg.extract.naming import listed_with
from kg.extract.sentence import Sentence
from kg.extract.sittings import assembly_vote, sitting, sitting_discussion
from kg.extract.tokens import KEY_CUA, KEY_VA, KEY_VE, tokenize, word_key
from kg.extract.venue import dateline_venue, listed_venues, stated_venue, venue_of
from kg.model import Entity
from kg.text import name_key

_QUOTE_TITLE = re.compile(r"^[^:]{2,80}:\s*['\"“‘]")  # "Speaker: 'quoted words'"
_HOLD = ((word_key("chức"),), (word_key("hành"),))  # "tổ chức", "tiến hành": what follows was held


def _event_noun(lex, s: Sentence) -> int:
    """Token index of an event noun outside directive names, places and bodies' names ("Tiểu ban
    Nhân sự Đại hội XIV" is a body, not the congress), or -1."""
    taken = {i for d in s.directives for i in range(d.start, d.end)}
    taken |= {i for p in s.places for i in range(p.start, p.end)}
    taken |= {i for o in s.orgs for i in range(o.start + 1, o.end)}
    nouns = lex.phrases["event_nouns"]
    # ("các lễ hội lớn đầu năm": events in general, not one that was held; "nghị quyết phiên họp thường
    # kỳ tháng 2": the document of a meeting, cited)
    found = [k for k in range(len(s.tokens)) if k not in taken and nouns.starts(s.tokens[k])
             and nouns.match(s.tokens, k) and not lex.plural_before(s.tokens, k)
             and not _meetings_document(lex, s, k) and not _holiday(lex, s, k)]
    # "báo cáo … chuẩn bị kỳ họp thứ 6 … tại phiên họp chiều 16/10 của UBTVQH": a meeting prepared
    # for or greeted is what the one held is about
    topic = lex.phrases["event_topic_words"]
    if found and topic.ending_at(s.tokens, found[0]) >= 0:
        held = [k for k in found[1:] if k > 0 and s.tokens[k - 1].keys[:1] == _TAI]  # "… tại phiên họp …"
        return (held or found)[0]
    return (found or [-1])[0]


def _meetings_document(lex, s: Sentence, k: int) -> bool:
    """Is the event noun at k the name of a meeting's document ("nghị quyết phiên họp thường kỳ", "Nội quy
    kỳ họp Quốc hội", "Nghị quyết của Hội nghị lần thứ 8": data meeting_document_words)?"""
    words = lex.phrases["meeting_document_words"]
    return words.ending_at(s.tokens, k) >= 0 or (k > 0 and s.tokens[k - 1].keys[:1] == KEY_CUA and (
        words.ending_at(s.tokens, k - 1) >= 0))


def _holiday(lex, s: Sentence, k: int) -> bool:
    """"nghỉ lễ 30-4", "dịp lễ, Tết": the one word "lễ" after a word of a holiday (data holiday_words), or
    after an occasion's word with a date or nothing after it (occasion_words), is a holiday, no
    ceremony held ("nhân dịp Lễ kỷ niệm …" is one)."""
    got = lex.phrases["event_nouns"].match(s.tokens, k)
    if got is None or got[0] - k != 1:
        return False
    if lex.phrases["holiday_words"].ending_at(s.tokens, k) >= 0:
        return True  # "nghỉ lễ", "4 ngày nghỉ lễ trước đó"
    nxt = s.tokens[got[0]] if got[0] < len(s.tokens) else None  # "dịp lễ 30-4", "dịp lễ, Tết"
    return lex.phrases["occasion_words"].ending_at(s.tokens, k) >= 0 and (
        nxt is None or not nxt.is_word or nxt.text[0].isdigit())


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
        # ("bị đình chỉ công tác để kiểm tra": an inspection as a purpose, not one held; "có mặt … để làm
        # việc với …" is the visit)
        if k > 0 and lex.word_in(s.tokens[k - 1], "purpose_words") and lex.phrases["official_visit_verbs"].match(
                s.tokens, k):
            continue
        m = verbs.match(s.tokens, k)
        if m and not (m[0] - k == 1 and lex.is_other_word(s.tokens, k)) and not _agentless(lex, s, k, m[0]) and not (
                s.tokens[m[0] - 1].keys[:1] in _HOLD and lex.phrases["operation_words"].match(s.tokens, m[0])):
            return k, m[0]  # (not "tổ chức vây bắt đối tượng": police work held, no meeting)
    return None


def _agentless(lex, s: Sentence, k: int, end: int) -> bool:
    """"Lực lượng CSGT kiểm tra nồng độ cồn": a verb that is a visit only when someone does it (data
    official_visit_verbs) has no official, post or body before it: police work, not an inspection."""
    if (got := lex.phrases["official_visit_verbs"].match(s.tokens, k)) is None or got[0] != end:
        return False
    return not any(p.start < k for p in s.people) and not any(m.start < k for m in s.orgs) and not any(
        m.start < k for _role, m in s.unnamed_posts) and not any(  # "Đoàn kiểm tra của …": a delegation
        lex.word_in(t, "delegation_words") for t in s.tokens[:k])


def main_event(b, lex, text, sentences, title, year, people, org_ent, doc_date: str | None = None) -> None:
    """The report's main event, with date, venue, participating bodies and attendees. With no
    date in the lead, the event takes the report's date (`doc_date`)."""
    body = [s for s in sentences if not (title and s.index == 0)]
    # a day and month date a sentence even when no year can be had (the event then has no date):
    # sentences are read for their dates with a stand-in year
    seen = year if year is not None else _NO_YEAR
    # the lead names the meeting ("chủ trì phiên họp thứ 6") or says one took place ("làm việc với")
    # (an assembly's vote tells of its sitting in the report's first sentence or a dated one, not in a
    # sentence that recalls it: "… trong tháng 11-2017, HĐND xã đã phê chuẩn …")
    told = [s for s in body[:6] if _event_noun(lex, s) >= 0 or _meeting_verb(lex, s) or (
        assembly_vote(lex, s, org_ent) and (s is body[0] or dates_in(text, s.start, s.end, seen)))]
    # a sentence that dates the meeting (on or before the report's date: not a session announced
    # for later; past the first sentence, within the report's week: "… tưởng niệm … ngày 7/10 vừa
    # qua" in a report of 22/10 recalls another) is the lead over a summary or a headline before it
    dated = [s for s in told if any((not doc_date or d.iso <= doc_date) and (s is body[0] or in_report_week(
        d.iso, doc_date)) for d in dates_in(text, s.start, s.end, seen))
             and not lex.phrases["flashback_openers"].match(s.tokens, 0)]  # "Trước đó, chiều 12/9, …"
    told = [s for s in told if s.index <= body[min(3, len(body) - 1)].index]
    # the lead is the first of them that names what was held ("… trao quyết định …" in a caption
    # names nothing; the dated sentence after it does)
    rest = [s for s in told if not dated or s is not dated[0]]
    # (one that names a meeting with a date, even a day after the report's, comes before a caption's
    # verb: "A trao quyết định … - Ảnh: …", then "Sáng 25-1, Tỉnh ủy … tổ chức hội nghị …")
    leads = dated[:1] + sorted(rest, key=lambda s: not (
        _event_noun(lex, s) >= 0 and dates_in(text, s.start, s.end, seen)))
    # past the first, only a dated sentence is the lead ("… tại kỳ họp thứ 7 hồi tháng 6" recalls another)
    leads = leads[:1] + [s for s in leads[1:] if dates_in(text, s.start, s.end, seen)]
    got = next(((lead, named) for lead in leads if (named := _lead_name(
        lex, text, lead, title, seen, org_ent, doc_date, opening=lead in body[:2])) is not None), None)
    if got is None:
        got = _title_meeting(lex, sentences, title, doc_date)
    if got is None and title and sentences and sentences[0].index == 0 and (
            vote := assembly_vote(lex, sentences[0], org_ent)) is not None:
        # "Hôm nay Quốc hội miễn nhiệm Chủ tịch …": a headline's vote is its assembly's sitting
        got = sentences[0], (sitting(lex, text, sentences[0], vote), sentences[0].char_span(*vote[0]), -1)
    if got is None:
        return
    lead, (name, span, noun_at) = got
    if name == title and (back := _named_back(lex, text, body, lead)) is not None:
        name, span = back  # not the headline "Ông A giữ chức X": "Phát biểu tại lễ trao quyết định, …"
    held = held_sentence(lex, text, body, lead, name, seen)
    dates = own_date(text, lead, noun_at, year, doc_date) or (
        dates_in(text, held.start, held.end, year)[:1] if held is not None else []) or announced(
        lead, dates_in(text, lead.start, lead.end, year))
    props = {"date": dates[0].iso} if dates else {"date": doc_date} if doc_date else {}
    spokes = _spokesperson_body(lex, lead, name, org_ent)
    if spokes is not None and name_key(spokes.name) not in name_key(name):
        name = f"{name} của {spokes.name}"  # "Họp báo chiều 25/4 của Bộ Ngoại giao"
    key = f"{props.get('date', '')} {name_key(name)}"
    event = b.entity("Event", name, key=key, span=span, sent=(lead.start, lead.end), props=props)
    event.props["main"] = True
    sent = (lead.start, lead.end)
    venue = venue_of(b, lex, text, held or lead, lead) or stated_venue(b, lex, body, lead, name) or dateline_venue(
        b, body, lead)
    if venue is not None:
        for place in (venue, *listed_venues(b, lex, held or lead, venue)):
            b.relate("HELD_AT", event, place, sent, 0.8)
    vote = assembly_vote(lex, lead, org_ent)
    if vote is not None and name == sitting(lex, text, lead, vote):  # the assembly holds its sitting
        b.relate("PARTICIPATED_IN", vote[1], event, sent, 0.8)
    # "Hội nghị Trung ương 7": a meeting named after the body that holds it
    for prefix, owner in lex.words["meetings_of"].items():
        if name.startswith(prefix + " ") and name[len(prefix) + 1 : len(prefix) + 2].isdigit():
            b.relate("PARTICIPATED_IN", b.entity("Organization", owner, sent=sent), event, sent, 0.8)
    # bodies of the lead sentence: subjects before the event verb, and the object of "với"
    np_tokens = set(range(noun_at, event_np_end(lead, noun_at))) if noun_at >= 0 else set()
    verb_at = next((k for k in range(len(lead.tokens)) if k not in np_tokens
                    and lex.phrases["event_verbs"].match(lead.tokens, k)), -1)
    taking_part = None  # the last body found taking part: a body listed right after it does too
    for m, e in sorted(top_level(lead, org_ent), key=lambda me: me[0].start):
        if id(m) in lead.title_orgs or id(m) in lead.directive_issuers:
            continue
        if m.start > 0 and lex.word_in(lead.tokens[m.start - 1], "source_markers"):
            continue  # "Theo TTXVN, sáng 18-7, …": the report's source, not a body at the meeting
        before_verb = verb_at < 0 or m.start < verb_at
        # "làm việc với X", "thăm, chúc mừng X và Y": the bodies met or visited
        after_with = (m.start > 0 and word_key(lead.tokens[m.start - 1].text) in lex.wordset("meeting_object_words")
                      ) or (taking_part is not None and listed_with(lead, taking_part, m))
        # "kỳ họp thứ 25 (của) HĐND tỉnh": the body whose session it is, named right after the noun
        # or after "của" (not a body the meeting is about: "hiệp thương … bầu cử đại biểu Quốc hội")
        whose = (m.start in np_tokens and (m.start - noun_at <= 4 or lead.tokens[m.start - 1].keys[:1] == KEY_CUA)
                 ) or (noun_at >= 0 and _designated(lex, lead, noun_at, m.start))
        if before_verb or after_with or whose:
            b.relate("PARTICIPATED_IN", e, event, sent, 0.8)
            taking_part = m
    if noun_at >= 0:
        _session_owner(b, lex, lead, noun_at, body[:4], org_ent, event)
    # a meeting named with whose it is, last: "Kỳ họp thứ 25 (…) của HĐND tỉnh" (after its noun, with "của");
    # "Họp báo thường kỳ Bộ Công Thương" (named by its verb)
    link = " của " if noun_at >= 0 else " "
    for m, e in top_level(lead, org_ent):
        forms = (e.name, _as_written(text, lead, m, e), text[slice(*lead.char_span(m.start, m.end))])
        if (noun_at >= 0 or id(m) not in lead.title_orgs) and name.endswith(tuple(link + f for f in forms)):
            b.relate("PARTICIPATED_IN", e, event, sent, 0.8)
    if spokes is not None:  # the body whose spokesperson speaks at its press conference holds it
        b.relate("PARTICIPATED_IN", spokes, event, sent, 0.8)
    present(b, lex, body, lead, name, event, people, org_ent)


def _spokesperson_body(lex, lead: Sentence, name: str, org_ent) -> Entity | None:
    """The body of a spokesperson the lead names, when the event is a press conference ("bà A, người
    phát ngôn Bộ Ngoại giao cho biết trong họp báo chiều nay"; data spokesperson_roles), or None."""
    if not press_conference(lex, name):
        return None
    return next((e for p in lead.people if spokesperson(lex, p) for post in p.posts if post.org is not None
                 and (e := org_ent.get(id(post.org))) is not None and not e.props.get("foreign")), None)


def _designated(lex, s: Sentence, noun_at: int, at: int) -> bool:
    """"Kỳ họp bất thường lần thứ 7, Quốc hội khóa XV": a body right after the session noun and the
    words that number or qualify the session (data session_designators) is the body whose it is."""
    noun = lex.phrases["event_nouns"].match(s.tokens, noun_at)
    j = noun[0] if noun is not None else noun_at + 1
    if not 0 < at - j <= 8:
        return False
    while j < at:
        t = s.tokens[j]
        got = lex.phrases["session_designators"].match(s.tokens, j)
        if got is not None:
            j = got[0]
        elif t.text.isdigit() or _ROMAN.fullmatch(t.text) or t.text in (",", "(", ")"):
            j += 1
        else:
            return False
    return True


_ROMAN = re.compile(r"[IVXL]{1,6}")


def _title_meeting(lex, sentences, title: str, doc_date: str | None) -> tuple[Sentence, tuple] | None:
    """A dated report whose body tells of no meeting, under a title that does ("Chủ tịch nước tiếp
    Tổng giám đốc Hãng thông tấn Nga"; data: title_meeting_verbs): the title names the event, the
    report's date dates it."""
    if not (title and doc_date and sentences and sentences[0].index == 0):
        return None
    head = sentences[0]
    verbs = lex.phrases["title_meeting_verbs"]
    k = head.has_phrase(verbs)
    # (not the first word of another: "thăm hỏi" asks after someone, "tiếp tục" goes on)
    while k >= 0 and (m := verbs.match(head.tokens, k)) is not None and m[0] - k == 1 and lex.is_other_word(
            head.tokens, k):
        k = head.has_phrase(verbs, k + 1)
    if k < 0:
        return None
    return head, (title, (head.start, head.end), -1)


def _session_owner(b, lex, lead: Sentence, noun_at: int, near: list[Sentence], org_ent, event: Entity) -> None:
    """"… bước vào kỳ họp giữa năm" after "Kỳ họp thứ 3 của Quốc hội sẽ …": a session the lead names
    without its owner is the session of the body a sentence near it names right after the same
    noun (data/lexicon.yaml session_nouns)."""
    noun = lex.phrases["session_nouns"].match(lead.tokens, noun_at)
    if noun is None or any(noun[0] <= m.start <= noun[0] + 5 for m, _ in top_level(lead, org_ent)):
        return  # the lead names the owner itself
    keys = [t.keys[:1] for t in lead.tokens[noun_at : noun[0]]]
    for s in near:
        if s is lead:
            continue
        for k in range(len(s.tokens) - len(keys)):
            if [t.keys[:1] for t in s.tokens[k : k + len(keys)]] != keys:
                continue
            after = k + len(keys)
            owner = next((e for m, e in top_level(s, org_ent) if after <= m.start <= after + 3
                          and id(m) not in s.title_orgs), None)
            if owner is not None:
                b.relate("PARTICIPATED_IN", owner, event, (s.start, s.end), 0.6)
                return


def _lead_name(lex, text: str, lead: Sentence, title: str, year: int | None, org_ent, doc_date: str | None,
               opening: bool = False) -> tuple[str, tuple[int, int], int] | None:
    """What the lead says was held: (name, its span, the event noun's token or -1), or None."""
    # the event noun outside directive names and places ("Trung tâm Hội nghị tỉnh" is a venue)
    noun_at = _event_noun(lex, lead)
    name = ""
    span = (lead.start, lead.end)
    if noun_at >= 0:
        end = event_np_end(lead, noun_at)
        span = lead.char_span(noun_at, end)
        name = text[span[0] : span[1]]
        name = name[0].upper() + name[1:]
        host = next(((m, e) for m, e in sorted(top_level(lead, org_ent), key=lambda me: me[0].start)
                     if id(m) not in lead.title_orgs and id(m) not in lead.directive_issuers), None)
        # (a date in the name identifies nothing: "Kỳ họp ngày 1/8" is as bare as "Kỳ họp")
        core = end
        while core > noun_at + 1 and (not lead.tokens[core - 1].is_word or lead.tokens[core - 1].text[0].isdigit()):
            core -= 1
        if core > noun_at + 1 and lex.word_in(lead.tokens[core - 1], "day_parts") and core < end:
            core -= 1
        if host is not None and core - noun_at <= 4 and host[1].name not in name:
            name = f"{name} của {_as_written(text, lead, *host)}"  # "Kỳ họp thứ 22" says little without whose
    # "Chiều 13-9, Ủy ban Thường vụ Quốc hội cho ý kiến về …": the assembly's sitting, over a verb or
    # a headline
    # (not where a meeting verb comes first: "Thảo luận tại tổ chiều nay, ông A nói … UBTVQH cho ý kiến")
    vote = assembly_vote(lex, lead, org_ent) if not name else None
    if vote is not None and ((verb := _meeting_verb(lex, lead)) is None or verb[0] >= vote[0][0]):
        # "Nghị quyết … được Quốc hội thông qua chiều 25/10": the assembly's sitting
        span, name = lead.char_span(*vote[0]), sitting(lex, text, lead, vote)
        # "Quốc hội thảo luận ở tổ về …": the discussion is the sitting ("Thảo luận ở tổ của Quốc hội")
        verb = sitting_discussion(lex, lead, *vote[0])
        if verb is not None:
            words = text[slice(*lead.char_span(*verb))]
            name = f"{words[0].upper()}{words[1:]} của {vote[1].name}"
    title_toks = tokenize(title) if title else []
    # (a headline that quotes a speaker names no event: "Phó chủ tịch Quốc hội: ' Đưa dự án … '")
    if not name and title and not _QUOTE_TITLE.search(title) and any(
            lex.phrases["event_verbs"].match(title_toks, i) and not counted(lex, title_toks, i)
            for i in range(len(title_toks))):
        name = title
    # with no noun for it, a dated lead's meeting verb names what was held; so does a ceremony's
    # verb in an undated lead, which the report's date dates ("Thứ trưởng A trao quyết định …")
    verb = _meeting_verb(lex, lead) if not name else None
    # ("UBTVQH hôm nay họp phiên thứ 54": today is the report's date)
    if verb is not None and not dates_in(text, lead.start, lead.end, year) and not (doc_date and (
            lex.phrases["ceremony_verbs"].match(lead.tokens, verb[0]) or today(lex, lead.tokens) or (
                opening and _between_people(lead, verb)))):
        verb = None
    if verb is not None:
        # "Văn phòng Trung ương Đảng tổ chức công bố quyết định …": what was held; "UBKT đã họp kỳ
        # thứ 53": the verb and what follows
        at = verb[1] if lead.tokens[verb[1] - 1].keys[:1] in _HOLD and verb[1] < len(lead.tokens) else verb[0]
        end = event_np_end(lead, at, verb=True)
        # a discussion named by its verb ends before its topic: "Thảo luận ở tổ về dự án Luật …"
        end = next((k for k in range(at + 1, end) if lead.tokens[k].keys[:1] == KEY_VE), end) if lex.phrases[
            "topic_verbs"].match(lead.tokens, at) else end
        # a visit named by its verb ends at whom it met, not the crowd after it ("làm việc với Viện X và các
        # nhà khoa học, chuyên gia …")
        end = next((k for k in range(at + 1, end - 1) if lead.tokens[k].keys[:1] == KEY_VA and lex.word_in(
            lead.tokens[k + 1], "plural_markers")), end)
        if lead.tokens[at].is_word and end > at:
            span = lead.char_span(at, end)
            name = text[span[0] : span[1]]
            name = name[0].upper() + name[1:]
            # "Ban Bí thư họp, xem xét …", "UBTVQH họp phiên thứ 54": a meeting its verb alone or with its
            # number names is the meeting of the body before the verb
            host = next(((m, e) for m, e in sorted(top_level(lead, org_ent), key=lambda me: -me[0].start)
                         if m.end <= verb[0] and id(m) not in lead.title_orgs), None) if (
                end - at <= 2 or numbered_before(lead.tokens, end)) else None
            if host is not None and host[1].name not in name:
                name = f"{name} của {_as_written(text, lead, *host)}"
    return (without_relative_days(lex, name), span, noun_at) if name else None


def _between_people(lead: Sentence, verb: tuple[int, int]) -> bool:
    """"Chủ tịch nước A tiếp Thủ tướng B": a meeting of two people named around its verb, in the report's
    opening (its caption), is the report's, which the report's date dates."""
    return any(p.end <= verb[0] for p in lead.people) and any(p.start >= verb[1] for p in lead.people)


def _as_written(text: str, lead: Sentence, m, e: Entity) -> str:
    """A host body in an event's name as the lead writes it ("Ban chấp hành Đảng bộ tỉnh Hải Dương khoá 16",
    not "Tỉnh ủy Hải Dương"), unless it opens with an abbreviation ("UBTVQH", "HĐND TP Hải Phòng"): then its
    full name, with the term the lead gives it ("… Hội đồng nhân dân thành phố Hải Phòng khóa XV")."""
    # (without the short form the report defines in it: "Ủy ban Kiểm tra (UBKT) Tỉnh ủy …")
    written = re.sub(r"\s*\([^)]*\)", "", text[slice(*lead.char_span(m.start, m.end))])
    # (not a short form of the full name: "Ban Bí thư" is "Ban Bí thư Trung ương Đảng", "Thường vụ Quốc hội"
    # "Ủy ban Thường vụ Quốc hội")
    if len(written.split()) >= 2 and any(c.islower() for c in written) and not written.split()[0].isupper() and (
            not set(name_key(written).split()) <= set(name_key(e.name).split())):
        return written
    return f"{e.name} {m.term}" if m.term and name_key(m.term) not in name_key(e.name) else e.name


_TAI = (word_key("tại"),)
_NO_YEAR = 2000  # stands in for an unknown year where only whether a sentence has a date matters


def _named_back(lex, text: str, body: list[Sentence], lead: Sentence) -> tuple[str, tuple[int, int]] | None:
    """What the two sentences after the lead call the event ("Phát biểu tại lễ trao quyết định, …"; data
    event_back_refs), for a lead that says what was held by its verb only: (name, its span), or None."""
    for s in [x for x in body if x.index > lead.index][:2]:
        at = s.has_phrase(lex.phrases["event_back_refs"])
        if at >= 0:
            end = next((k for k in range(at + 1, event_np_end(s, at + 1)) if s.tokens[k].text == ","),
                       event_np_end(s, at + 1))
            span = s.char_span(at + 1, end)
            words = text[span[0] : span[1]]
            return f"{words[0].upper()}{words[1:]}", span
    return None
