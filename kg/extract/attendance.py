"""Who was at the main event: the people who attended it and the bodies that took part through the
people who acted for them, read from every sentence of the report (the lead's own bodies: meeting.py)."""

from __future__ import annotations

from kg.extract.byline import credited
from kg.extract.glued import is_syllable
from kg.extract.lexicon import lexicon
from kg.extract.naming import listed_with
from kg.extract.org_mention import OrgMention
from kg.extract.sentence import Sentence
from kg.extract.tokens import KEY_CUA, KEY_VA, tokenize, word_key
from kg.model import Entity, make_id
from kg.text import name_key

_CUNG = (word_key("cũng"),)
_NAY = (word_key("này"),)
_NAM = (word_key("năm"),)
_VOI = (word_key("với"),)


def top_level(s: Sentence, org_ent) -> list[tuple[OrgMention, Entity]]:
    """The sentence's organization mentions that became entities, with them."""
    return [(m, e) for m in s.orgs if (e := org_ent.get(id(m))) is not None]


def present(b, lex, body: list[Sentence], lead: Sentence, name: str, event: Entity, people, org_ent) -> None:
    """ATTENDED and PARTICIPATED_IN from the report's sentences (`body`: all but the headline)."""
    # at a ceremony that hands over decisions, the people the decisions post are there to receive them
    # at a press conference the lead's people are those who speak, not those it talks about ("sức khỏe
    # của Tổng Bí thư …, người phát ngôn cho biết trong họp báo")
    press = press_conference(lex, name)
    # (person, body) of the posts the report gives: a head acts for the body its title implies
    held = {(r.source, r.target) for r in b.relations.values() if r.type == "HOLDS_POSITION"}
    # a sitting that questions: the people questioned there were there ("Quốc hội cũng chất vấn Bộ trưởng
    # A về …; Bộ trưởng B về …")
    sitting = any(w in name_key(name) for w in map(name_key, lex.words["questioning_sittings"]))
    handing = any(name_key(w) in name_key(name) for w in lex.words["decision_ceremony_words"]) or (
        lead.has_phrase(lex.phrases["handing_verbs"]) >= 0)
    # a visit (the event's name says so): the people a sentence says were visited were there to receive it
    visit = any(name_key(w) in name_key(name).split() for w in lex.words["visit_words"] if " " not in w)
    year = int(str(event.props.get("date") or "0")[:4] or 0)
    # a sitting of a Vietnamese body (data home_sittings; no foreign state in its name): a foreign official
    # the report quotes sent words from abroad ("Chủ tịch Trung Quốc Tập Cận Bình bày tỏ vui mừng …")
    home_sitting = _home_sitting(lex, name)
    abroad = _foreign_people(lex, body, people) if home_sitting else set()
    to_press: set[str] = set()  # people the report quotes as speaking to the press
    for s in body:  # the headline says what happened, not who was there
        ssent = (s.start, s.end)
        if _recalled(s, year):
            continue  # "Năm 541, Triệu Quang Phục tham gia cuộc khởi nghĩa …": history, not who came
        attendance = _attendance_marked(lex, s)
        asked_from = s.has_phrase(lex.phrases["questioning_verbs"]) if sitting else -1
        visited_from = s.has_phrase(lex.phrases["visit_words"]) if visit else -1
        while visited_from >= 0 and lex.is_other_word(s.tokens, visited_from):  # "thăm hỏi" sends regards
            visited_from = s.has_phrase(lex.phrases["visit_words"], visited_from + 1)
        for p in s.people:
            ent = people.get(id(p))
            if ent is None or ent.props.get("historical") or credited(lex, s, p.start):
                continue  # (a photographer's credit is no attendance)
            if _represented(lex, s, p.start):
                continue  # "thay mặt Tổng thống Joe Biden, Ngoại trưởng Blinken …": Biden was not there
            # (not one who speaks to the press, there or later: "Trao đổi với PV Dân Việt, luật sư A cho biết …")
            if 0 <= s.has_phrase(lex.phrases["interview_cues"]) < p.start and s.has_phrase(
                    lex.phrases["sideline_words"]) < 0:  # ("trả lời báo chí bên lề kỳ họp": at it)
                to_press.add(ent.id)
            spoke = _attends(lex, s, max(p.end, p.chain_end)) and ent.id not in to_press and not _addressed(
                lex, s, p) and not _met_by(lex, s, p)
            # (not a handing-over the report recalls: "… Trước đó, ngày 20-6, … công bố quyết định …")
            posted = handing and (s.index - lead.index <= 8 or attendance) and _posted(lex, s, p) and not (
                0 <= s.has_phrase(lex.phrases["flashback_openers"]) < p.start)
            if (_decided_on(lex, s, p) or _listed_after_decided(lex, s, p)) and not spoke and not posted:
                continue  # "kỷ luật ông A", "bầu ông B giữ chức …": the subject of a decision, not present
            visited = 0 <= visited_from < p.start and not any(
                t.text in (".", ";") for t in s.tokens[visited_from : p.start]) and p.start - visited_from <= 12
            in_lead = s is lead and ent.id not in to_press and not (press and not spoke and not spokesperson(lex, p))
            questioned = 0 <= asked_from < p.start and not _recalled(s, year)
            # (not one named as an owner, unless the sentence marks attendance: "nhắc lại phát biểu của Tổng Bí
            # thư A", "món quà của Chủ tịch nước B" tell of someone who need not be there)
            if (in_lead or attendance or spoke or posted or visited or questioned) and (
                    attendance or not (_owner(lex, s, p) or ent.id in abroad)):
                b.relate("ATTENDED", ent, event, ssent, 0.7)
            # "Giám đốc Sở Tài nguyên và Môi trường trả lời chất vấn": the body the holder answers or
            # reports for takes part (a body only in an attendee's title does not; nor one of several
            # posts: "Phó Bí thư Huyện ủy, Chủ tịch HĐND huyện trình bày Báo cáo chính trị")
            bodies = {e.id: e for post in p.posts if post.org is not None and (e := org_ent.get(id(post.org)))}
            # (a body the title implies, which the person was found to hold a post in: "Thủ tướng … sẽ
            # trình bày báo cáo": the Government)
            bodies |= {e.id: e for post in p.posts if post.org is None and post.implied and not post.country and (
                post.role not in lex.words["member_roles"]) and (
                e := b.entities.get(make_id("Organization", name_key(post.implied)))) is not None and (
                ent.id, e.id) in held}
            # (one questioned at a sitting answers for the body of their post: "Quốc hội chất vấn Bộ
            # trưởng Y tế A về …")
            # (the verb's object, not a noun set off before its subject: "Đồng tình với việc tăng thời gian
            # chất vấn, Chủ nhiệm Hội đồng Dân tộc A cho rằng")
            verb = lex.phrases["questioning_verbs"].match(s.tokens, asked_from) if questioned else None
            asked = verb is not None and verb[0] < len(s.tokens) and s.tokens[verb[0]].is_word
            if len(bodies) == 1 and (asked or _acts_for(lex, s, max(p.end, p.chain_end)) or _opens_acting_for(
                    lex, s, p.start)):
                body_ent = next(iter(bodies.values()))
                if not body_ent.props.get("foreign"):
                    b.relate("PARTICIPATED_IN", body_ent, event, ssent, 0.6)
        # "Chủ tịch UBND tỉnh giải trình …; Giám đốc Sở X trả lời chất vấn": a title with no name that
        # answers or reports takes part for its body (the last one it names: "Giám đốc Công an tỉnh")
        # (not members: "các Ủy viên Bộ Chính trị trình bày" is not the Politburo's sitting)
        for end, orgs in s.unnamed_titles:
            e = org_ent.get(id(orgs[-1]))
            if e is not None and id(orgs[-1]) not in s.holderless and _acts_for(lex, s, end) and not e.props.get(
                    "foreign"):
                b.relate("PARTICIPATED_IN", e, event, ssent, 0.6)
        tops = sorted(top_level(s, org_ent), key=lambda me: me[0].start)
        behalf = None  # "Thay mặt Tỉnh ủy, HĐND, UBND tỉnh": each body of the list
        for k, (m, e) in enumerate(tops):
            if attendance and id(m) in s.holderless and s is not lead and not e.props.get("foreign") and (
                    not lex.is_assembly(e.name)):
                # "Tham dự có các đồng chí Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư": the body's members
                # (not an assembly's: deputies present are not the assembly sitting)
                b.relate("PARTICIPATED_IN", e, event, ssent, 0.6)
                continue
            if id(m) in s.title_orgs or id(m) in s.issuer_orgs or s is lead:
                continue
            if _on_behalf(lex, s, m) or (
                    behalf is not None and listed_with(s, behalf, m, lex.wordset("leadership_words"))):
                behalf = m
                b.relate("PARTICIPATED_IN", e, event, ssent, 0.6)
                continue
            prev = [word_key(t.text) for t in s.tokens[max(0, m.start - 3) : m.start]]
            led = any(w in lex.wordset("leadership_words") for w in prev) or _listed_after_led(s, tops, k)
            list_end = _list_end(s, tops, k)
            near = any(_attends(lex, s, j, window=4) for j in (m.end, list_end, _owner_end(s, tops, k)))
            # "Tham dự có …; các đồng chí trong Ban Tổ chức Trung ương": the body's members attend
            members = lex.phrases["member_phrases"].ending_at(s.tokens, m.start) >= 0
            if (attendance and (led or members)) or (led and near) or _on_behalf(lex, s, m) or _acts_at_event(
                    lex, s, m, name) or _opens_acting(lex, s, m) or (
                    lex.phrases["side_markers"].ending_at(s.tokens, m.start) >= 0):
                b.relate("PARTICIPATED_IN", e, event, ssent, 0.6)


def _home_sitting(lex, name: str) -> bool:
    """Is the event a sitting (data home_sittings) of no foreign state's body (no country in its name)?"""
    key, toks = name_key(name), tokenize(name)
    return any(name_key(w) in key for w in lex.words["home_sittings"]) and not any(
        lex.country_at(toks, j) for j in range(len(toks)))


def _foreign_people(lex, body: list[Sentence], people) -> set[str]:
    """Ids of the people the report shows in a foreign state's post, or writes with a foreign name (or one
    of data foreign_leaders.tsv)."""
    out = set()
    for s in body:
        for p in s.people:
            ent = people.get(id(p))
            if ent is None:
                continue
            abroad = any(post.country or (post.org is not None and post.org.foreign) for post in p.posts)
            if abroad or name_key(ent.name) in lex.foreign_leaders or not all(
                    is_syllable(w) or _initial(w) for w in ent.name.split()):
                out.add(ent.id)
    return out


def _initial(word: str) -> bool:
    """A Vietnamese name's initial ("T. Q. T"), which is no foreign word."""
    return len(word.rstrip(".")) == 1


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


def _owner_end(s: Sentence, tops, k: int) -> int:
    """Where the owner written after a body with a dash ends ("Cục Tổ chức cán bộ - Bộ Công an đã thông
    báo …": the verb is the department's), else the body's own end."""
    m = tops[k][0]
    if k + 1 < len(tops) and [t.text for t in s.tokens[m.end : tops[k + 1][0].start]] in (["-"], ["–"]):
        return tops[k + 1][0].end
    return m.end


def _attends(lex, s: Sentence, after: int, window: int = 12) -> bool:
    """A speech or attendance verb follows the mention in its clause (not past a semicolon, and not inside a
    body's name: "Phó trưởng Ban chỉ đạo; …, đề nghị …")."""
    named = {k for m in s.orgs for k in range(m.start, m.end)}
    for i in range(after, min(len(s.tokens), after + window)):
        if s.tokens[i].text == ";":
            return False
        if i in named or (i > 0 and (board := lex.phrases["remit_boards"].match(s.tokens, i - 1)) and board[0] > i):
            continue  # ("Ban chỉ đạo": a board's name, written bare)
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
        # (not "từ phía cơ quan điều tra": from that side, not "Về phía …, có …"; data marker_blockers)
        if m and not lex.is_other_word(s.tokens, m[0] - 1) and not (k > 0 and lex.word_in(s.tokens[k - 1],
                                                                                          "marker_blockers")):
            return True
        k = s.has_phrase(markers, k + 1)
    return False


def _verb_before(s: Sentence, p, verbs) -> bool:
    """A verb of `verbs` a few words before the person's name or titles ("bổ nhiệm ông A")."""
    first = min([p.start, *(q.start for q in p.posts if q.start < p.start)])
    return any(verbs.match(s.tokens, k) for k in range(max(0, first - 5), first))


def _word_before(lex, s: Sentence, p) -> int:
    """Index of the token right before the person's name, its titles and honorifics (-1 at the start)."""
    first = min([p.start, *(q.start for q in p.posts if q.start < p.start)])
    k = first - 1
    while k >= 0 and lex.phrases["honorifics"].ending_at(s.tokens, k + 1) >= 0 and k > 0:
        k = lex.phrases["honorifics"].ending_at(s.tokens, k + 1) - 1
    return k


def _addressed(lex, s: Sentence, p) -> bool:
    """Is the person the one words are sent to ("gửi lời thăm hỏi tới Tổng Bí thư A"; data
    addressee_markers right before the name or its titles), not the one who speaks?"""
    k = _word_before(lex, s, p)
    return k >= 0 and lex.word_in(s.tokens[k], "addressee_markers")


def _met_by(lex, s: Sentence, p) -> bool:
    """Is the person the one another person named before met ("B ôn lại các cuộc gặp với Tổng Bí thư A,
    cảm ơn …"): after "với", with the clause's subject named before? The verb after is the subject's."""
    k = _word_before(lex, s, p)
    return k > 0 and s.tokens[k].keys[:1] == _VOI and any(q.end <= k for q in s.people if q is not p)


def _owner(lex, s: Sentence, p) -> bool:
    """Is the person named as the owner of something ("phát biểu của Tổng Bí thư A", "món quà của Chủ
    tịch nước B", "chính quyền của Tổng thống C"): "của" right before the name or its titles, not after
    a word of presiding ("dưới sự điều hành của Chủ tịch Quốc hội A": A was there; data presiding_nouns)?"""
    k = _word_before(lex, s, p)
    return k >= 0 and s.tokens[k].keys[:1] == KEY_CUA and lex.phrases["presiding_nouns"].ending_at(s.tokens, k) < 0


def press_conference(lex, name: str) -> bool:
    """Is the event a press conference (its name opens with data press_conference_nouns)?"""
    return lex.phrases["press_conference_nouns"].match(tokenize(name), 0) is not None


def spokesperson(lex, p) -> bool:
    """Does the person hold a spokesperson's post (data spokesperson_roles, any case)?"""
    roles = {name_key(r) for r in lex.words["spokesperson_roles"]}
    return any(name_key(post.role) in roles for post in p.posts)


def _recalled(s: Sentence, year: int) -> bool:
    """Does the sentence open with a year before the event's ("Năm 541, …", "Năm 1930, …")?"""
    words = [t for t in s.tokens[:3] if t.is_word]
    return bool(year) and len(words) >= 2 and words[0].keys[:1] == _NAM and words[1].text.isdigit() and (
        int(words[1].text) < year - 1)


def _decided_on(lex, s: Sentence, p) -> bool:
    """Is the person the object of a decision verb, before the name or in a clause that suffers it
    after the name ("bà A, nguyên …, vừa bị HĐND phường bãi nhiệm": "bị", data adverse_passives)?"""
    verbs = lex.phrases["decision_verbs"]
    if _verb_before(s, p, verbs):
        return True
    if _verb_over_object(lex, s, p, verbs):
        return True
    k = max(p.end, p.chain_end)
    named = {j for m in [*s.places, *s.orgs] for j in range(m.start, m.end)}  # "…, Q. Nam Từ Liêm, Hà Nội, vừa bị"
    while k < len(s.tokens) and ((s.tokens[k].text in (",", ".") and k + 1 < len(s.tokens)) or k in named
                                 or lex.word_in(s.tokens[k], "aspect_words")):
        k += 1
    if k >= len(s.tokens) or not lex.word_in(s.tokens[k], "adverse_passives"):
        return False
    return any(verbs.match(s.tokens, j) for j in range(k + 1, min(len(s.tokens), k + 8)))


def _listed_after_decided(lex, s: Sentence, p) -> bool:
    """"… kỷ luật … đối với ông A, Chủ tịch UBND huyện X và ông B, Phó chủ tịch …": a person listed right
    after one a decision is about (by "và" or a comma, with an honorific) is its object too."""
    before = [q for q in s.people if max(q.end, q.chain_end) <= p.start]
    if not before:
        return False
    q = max(before, key=lambda q: q.start)
    gap = s.tokens[max(q.end, q.chain_end) : _word_before(lex, s, p) + 1]
    joined = bool(gap) and all(t.text == "," or t.keys[:1] == KEY_VA for t in gap)
    # (the decision's object named after its link, "đối với": not "với đa số phiếu bầu, ông A và ông B đã
    # trở thành …", who were elected at the sitting)
    return joined and (_verb_over_object(lex, s, q, lex.phrases["decision_verbs"]) or _listed_after_decided(lex, s, q))


def _posted(lex, s: Sentence, p) -> bool:
    """Does the sentence post the person: a posting verb a few words before the name or titles
    ("điều động đồng chí A"), or after them in the clause ("đồng chí B, … được điều động công tác,
    bổ nhiệm giữ chức …")? (data/lexicon.yaml posting_verbs)"""
    verbs = lex.phrases["posting_verbs"]
    after = max(p.end, p.chain_end)
    return _verb_before(s, p, verbs) or _verb_over_object(lex, s, p, verbs) or any(
        verbs.match(s.tokens, k) for k in range(after, min(len(s.tokens), after + 12)))


def _verb_over_object(lex, s: Sentence, p, verbs) -> bool:
    """A verb of `verbs` before what it decides and the link to the person, in the same clause: "thi hành
    kỷ luật đảng đối với Phó đô đốc A", "tạm dừng bầu chức danh X với ông B" (data decision_objects)."""
    k = _word_before(lex, s, p)
    at = lex.phrases["decision_objects"].ending_at(s.tokens, k + 1) if k >= 0 else -1
    return at > 0 and any(verbs.match(s.tokens, j) for j in range(max(0, at - 10), at)) and not any(
        t.text in (".", ";", ":") for t in s.tokens[max(0, at - 10) : at])


def _represented(lex, s: Sentence, at: int) -> bool:
    """Is the mention at token `at` (after its title or honorific) the one someone acts for?"""
    # "thay mặt" (data behalf_words) a few words back, the person's title in between ("thay mặt Tổng
    # thống Joe Biden")
    for k in range(max(0, at - 6), at):
        got = lex.phrases["behalf_words"].match(s.tokens, k)
        if got is not None and got[0] <= at:
            return all(t.is_word for t in s.tokens[got[0] : at])
    return False


def _acts_for(lex, s: Sentence, after: int) -> bool:
    """A verb of reporting or answering for a body right after a person's name and titles (data
    acting_for_verbs), an aspect word between ("đã giải trình"; not "sẽ": a week's programme tells
    of sittings to come)."""
    k = after
    while k < len(s.tokens) and k - after < 2 and lex.word_in(s.tokens[k], "aspect_words"):
        k += 1
    return lex.phrases["acting_for_verbs"].match(s.tokens, k) is not None


def _acts_at_event(lex, s: Sentence, m: OrgMention, event_name: str) -> bool:
    """"Cũng tại hội nghị, Ban Thường vụ Thành ủy quyết định …": the body that opens a sentence set at
    the event (data event_back_refs: "tại" and the event's own noun, not another meeting's: "Tại kỳ
    họp này" in a report on a committee's sitting that prepares it) acts there."""
    k = 1 if s.tokens and s.tokens[0].keys[:1] == _CUNG else 0
    ref = lex.phrases["event_back_refs"].match(s.tokens, k)
    if ref is None:
        return False
    noun = name_key(" ".join(t.text for t in s.tokens[k + 1 : ref[0]]).removeprefix("buổi "))
    if noun not in name_key(event_name):
        return False
    j = ref[0] + (1 if ref[0] < len(s.tokens) and s.tokens[ref[0]].keys[:1] == _NAY else 0)
    return j < len(s.tokens) and s.tokens[j].text == "," and m.start == j + 1


def _opens_acting(lex, s: Sentence, m: OrgMention) -> bool:
    """"Thẩm tra dự án luật, Ủy ban Tài chính - Ngân sách cho rằng …": the body right after the first comma
    of a sentence that opens with a verb of its work at the event (data acting_openers) is its subject."""
    if lex.phrases["acting_openers"].match(s.tokens, 0) is None:
        return False
    comma = next((k for k, t in enumerate(s.tokens) if t.text == ","), -1)
    return comma > 0 and m.start == comma + 1


def _opens_acting_for(lex, s: Sentence, at: int) -> bool:
    """"Đăng đàn trả lời chất vấn, Giám đốc Sở X Lê Văn A cho biết …": the person whose title follows the
    first comma of a sentence that opens with a verb of answering or reporting (data acting_for_verbs)
    is its subject."""
    if lex.phrases["acting_for_verbs"].match(s.tokens, 0) is None:
        return False
    comma = next((k for k, t in enumerate(s.tokens) if t.text == ","), -1)
    return 0 < comma < at and all(t.is_word for t in s.tokens[comma + 1 : at])


def _on_behalf(lex, s: Sentence, m: OrgMention) -> bool:
    return lex.phrases["behalf_words"].ending_at(s.tokens, m.start) >= 0
