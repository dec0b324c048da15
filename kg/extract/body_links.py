"""Links between the bodies of a report: standing structure (data/organizations.yaml and
data/structure.yaml), units of a ministry, reporting lines the text states ("X báo cáo Y", "Y giao
X", "Chính phủ trình Quốc hội"), and the bodies that carry a directive out."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from kg.extract.attendance import top_level
from kg.extract.build import Builder
from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.org_mention import OrgMention
from kg.extract.sentence import Sentence
from kg.extract.tokens import KEY_CHO, KEY_CUA, KEY_VA, phrase_keys, word_key
from kg.model import Entity
from kg.text import name_key


def structure(b: Builder, lex: Lexicon, executive: set[str]) -> None:
    """Gazetteer facts and structural rules between bodies the report names (`executive`: ids of
    Party committees written as "Ban Chấp hành Đảng bộ …", for the rules that ask for it)."""
    orgs = {name_key(e.name): e for e in b.entities.values() if e.type == "Organization"}
    for e in list(orgs.values()):
        entry = lex.org_by_key.get(phrase_keys(e.name))
        for rtype, parent in (("PART_OF", entry.part_of), ("REPORTS_TO", entry.reports_to)) if entry else ():
            other = orgs.get(name_key(parent)) if parent else None
            if other is not None:
                b.relate(rtype, e, other, first_sentence(e), 0.8)
        for rule in lex.structure:
            m = re.search(rule["from"], e.name)
            if not m or (rule.get("written") == "executive" and e.id not in executive):
                continue
            other = orgs.get(name_key(rule["to"].format(**m.groupdict())))
            if other is not None:
                b.relate(rule["type"], e, other, first_sentence(e), 0.7)


def is_ministry(lex, e: Entity | None) -> bool:
    """A ministry of the Government, not "Bộ Chính trị"."""
    entry = lex.org_by_key.get(phrase_keys(e.name)) if e is not None and e.name.startswith("Bộ ") else None
    return entry is not None and entry.reports_to == "Chính phủ"


def ministry_units(b, lex, sentences, org_ent) -> None:
    """A Vụ / Cục / Phòng written without its parent belongs to the body written right after it
    ("Vụ Công chức - Viên chức, Bộ Nội vụ", "Vụ Tuyên truyền, Ban Tuyên giáo Trung ương"), else to
    the only ministry of its sentence, else to the ministry the report names most."""
    counts = Counter(e.id for e in b.entities.values() if is_ministry(lex, e) for _ in e.evidence)
    ranked = counts.most_common(2)
    dominant = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    fallback: list[tuple] = []  # (unit, ministry, sentence): only for units no sentence gives a parent
    written: set[str] = set()
    for s in sentences:
        tops = sorted(s.orgs, key=lambda m: m.start)
        in_sentence = {org_ent[id(m)].id for m in tops if is_ministry(lex, org_ent.get(id(m)))}
        for k, top in enumerate(tops):
            e = org_ent.get(id(top))
            if e is None or top.kind != "named" or top.inner is not None:
                continue
            # (the head may be the title's: "Vụ trưởng Kinh tế đối ngoại" names "Vụ Kinh tế đối ngoại")
            if not (lex.phrases["ministry_units"].match(s.tokens, top.start) or top.head in lex.words[
                    "ministry_units"]) or lex.phrases["not_ministry_units"].match(s.tokens, top.start):
                continue  # ("Phòng Giao dịch Trà Bá": a bank's office, no ministry's department)
            nxt = tops[k + 1] if k + 1 < len(tops) else None
            parent = org_ent.get(id(nxt)) if nxt is not None else None
            # the body written right after it is its parent, a ministry or not ("Vụ Tuyên truyền, Ban
            # Tuyên giáo Trung ương", "Cục Chính trị, Quân khu 9", "Phòng Tổ chức, Sở Nội vụ")
            # (not a unit of its own kind that a list names next: "Cục Đầu tư nước ngoài, Trung tâm Xúc tiến …")
            if parent is not None and nxt.start > top.end and unit_rank(lex, nxt) > unit_rank(lex, top) and all(
                    t.text in (",", "(", "-", "–") for t in s.tokens[top.end : nxt.start]) and not (
                    nxt.kind == "named" and nxt.head in lex.words["unit_peer_heads"]):
                b.relate("PART_OF", e, parent, (s.start, s.end), 0.6)
                written.add(e.id)
            elif top.locality or ((entry := lex.org_by_key.get(phrase_keys(e.name))) and entry.part_of):
                continue  # "Phòng … phường X": the ward's; "Cục Hải quan": the ministry the data says
            elif (target := next(iter(in_sentence)) if len(in_sentence) == 1 else dominant) is not None:
                fallback.append((e, target, s))
    # (a unit written once with its parent and again without, "Phòng CSGT (Công an TP. Hải Phòng)" then
    # "Phòng CSGT phối hợp …", is that parent's, not the report's ministry's)
    for e, target, s in fallback:
        if e.id not in written:
            b.relate("PART_OF", e, b.entities[target], (s.start, s.end), 0.6)


def unit_rank(lex, m: OrgMention) -> int:
    """How high a body stands among units (data: unit_ranks); any other body above them all."""
    ranks = lex.words["unit_ranks"]
    return ranks.get(m.head, len(ranks)) if m.kind == "named" else len(ranks)


def first_sentence(e: Entity) -> tuple[int, int]:
    """Span of the sentence of the entity's first mention (evidence keeps that sentence)."""
    ev = e.evidence[0]
    offset = ev.sentence.find(ev.text) if ev.sentence else -1
    if offset < 0:
        return (ev.start, ev.end)
    start = ev.start - offset
    return (start, start + len(ev.sentence))


def reports_to(b, lex, sentences, org_ent, subjects) -> None:
    """"X báo cáo Y", "X giúp Y" (X under Y); "Y giao X", "Y thành lập X" (X under Y)."""
    for s in sentences:
        orgs = sorted(top_level(s, org_ent), key=lambda me: me[0].start)
        for (ma, ea), (mb, eb) in itertools.pairwise(orgs):
            between = s.tokens[ma.end : mb.start]
            # "X là cơ quan tham mưu, giúp việc của Y", "X tiếp tục làm tốt chức năng tham mưu, giúp việc cho Y"
            if len(between) > 12 or any(t.text == ";" for t in between):  # (a clause of its own after ";")
                continue
            adjacent = lex.phrases["reports_to_adjacent"].match(s.tokens, ma.end)
            if adjacent is not None and adjacent[0] == mb.start:  # "Chính phủ trình Quốc hội"
                b.relate("REPORTS_TO", ea, eb, (s.start, s.end), 0.6)
                continue
            for i in range(ma.end, mb.start):
                if s.tokens[i].is_cap:
                    continue  # a verb here is lower case: "Tổng Tham mưu trưởng" is a title, not "tham mưu"
                hit = lex.phrases["reports_to_sub_sup"].match(s.tokens, i)
                if hit and hit[0] < len(s.tokens) and s.tokens[hit[0]].keys[:1] == KEY_CUA:
                    continue  # "nội dung báo cáo của Sở": a noun, whose owner follows, no one reporting
                if hit and not (hit[0] - i == 1 and lex.is_other_word(s.tokens, i)):
                    if lex.phrases["part_of_links"].match(s.tokens, i) and lex.phrases["ministry_units"].match(
                            s.tokens, ma.start) and hit[0] == mb.start:
                        # "Tổng cục Quản lý thị trường trực thuộc Bộ Công Thương": a unit of the body
                        b.relate("PART_OF", ea, eb, (s.start, s.end), 0.6)
                        break
                    _chain(b, s, orgs, mb, ea, up=True)
                    break
                got = lex.phrases["reports_to_sup_sub"].match(s.tokens, i) if len(between) <= 9 else None
                if got is not None and i > ma.end and lex.word_in(s.tokens[i - 1], "purpose_words"):
                    break  # "… hợp nhất với Ban Tuyên giáo để thành lập Ban …": the merger's purpose
                if got is not None and lex.phrases["partner_markers"].ending_at(s.tokens, mb.start) >= 0:
                    break  # "UBND thành phố được giao … phối hợp với Bộ Nội vụ": a partner, not the one tasked
                if got is not None:
                    # "chờ ý kiến chỉ đạo của Chính phủ": the verb made a noun, the superior after "của"
                    owned = any(t.keys[:1] == KEY_CUA for t in s.tokens[got[0] : mb.start])
                    if owned and ma.start > 0 and s.tokens[ma.start - 1].keys[:1] == KEY_CUA:
                        break  # "nghị quyết của Đảng, nhất là chỉ đạo của Bộ Chính trị": two owners, no line
                    if owned:
                        b.relate("REPORTS_TO", ea, eb, (s.start, s.end), 0.6)
                    else:  # "Ban Bí thư giao Ban cán sự đảng Chính phủ, Quân ủy Trung ương …": each one tasked
                        _chain(b, s, orgs, mb, ea, up=False)
                    break
        _far_subject_assigns(b, lex, s, orgs, subjects[id(s)])


def _far_subject_assigns(b, lex, s: Sentence, orgs, got: tuple[OrgMention, Entity] | None) -> None:
    """"Quốc hội đã thông qua … và giao Chính phủ tổ chức thực hiện": the sentence's subject gives
    the task however far before the verb, when no other body stands between them and the body
    tasked comes right after the verb. `got`: the sentence's subject (_subject_mention)."""
    if got is None:
        return
    at, subject = got
    starts = {m.start: e for m, e in orgs}
    between = {m.start for m, _ in orgs if at.end <= m.start}
    matcher = lex.phrases["reports_to_sup_sub"]
    k = s.has_phrase(matcher, at.end)  # one pass, gated by the verbs' first words
    if k >= 0:
        hit = matcher.match(s.tokens, k)
        assert hit is not None
        if any(at.end <= j < k for j in between) or any(t.text in (";", ":") for t in s.tokens[at.end : k]):
            return  # another body is nearer (the pairwise rule decides), or another clause
        if k > at.end and lex.word_in(s.tokens[k - 1], "purpose_words"):
            return  # "… hợp nhất với Ban Tuyên giáo để thành lập Ban …": the merger's purpose, no founder
        obj = hit[0] + 1 if hit[0] < len(s.tokens) and s.tokens[hit[0]].keys[:1] == KEY_CHO else hit[0]
        target = starts.get(obj)
        if target is not None and target.id != subject.id:
            b.relate("REPORTS_TO", target, subject, (s.start, s.end), 0.55)


def _chain(b, s, orgs, first, other, up: bool) -> None:
    """The body `first` and those coordinated with it: superiors of `other` (up: "giúp BCH TW, Bộ
    Chính trị, Ban Bí thư") or its subordinates ("giao Ban cán sự đảng Chính phủ, Quân ủy Trung ương")."""
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
        b.relate("REPORTS_TO", *((other, e) if up else (e, other)), (s.start, s.end), 0.6)
        last_end = m.end




def _in_directive_subject(s: Sentence, m: OrgMention) -> bool:
    return any(d.subject_start <= m.start < d.subject_end for d in s.directives)


def subject_mention(s: Sentence, org_ent) -> tuple[OrgMention, Entity] | None:
    """The sentence's acting organization (mention, entity): the first one not governed by "của",
    not inside a title or a directive's subject, and not in a leading adverbial ("Về công tác xây
    dựng Đảng,")."""
    intro_end = 0
    if s.tokens and word_key(s.tokens[0].text) in lexicon().wordset("intro_words"):
        intro_end = next((k for k, t in enumerate(s.tokens) if t.text == ","), 0)
    for m, e in sorted(top_level(s, org_ent), key=lambda me: me[0].start):
        if id(m) in s.issuer_orgs or id(m) in s.title_orgs or m.start < intro_end:
            continue
        if _in_directive_subject(s, m):
            continue
        if m.end - m.start == 1 and not s.tokens[m.start].is_abbr:
            continue  # a bare "Đảng" ("công tác xây dựng Đảng") is not a body acting
        return m, e
    return None


def _asks_another(lex, s: Sentence, start: int, verb: int) -> bool:
    """"X yêu cầu các cấp ủy / Bộ Y thực hiện …": between the body and the verb it asks someone
    else (a body, or "các …") to act; "X chỉ đạo thực hiện …" directs its own implementation."""
    toks = s.tokens
    for k in range(start, verb):
        if lex.word_in(toks[k], "directing_words"):
            rest = range(k + 1, min(k + 4, verb))  # its object comes right after it
            plural = lex.wordset("plural_markers")
            if any(o.start in rest for o in s.orgs) or any(toks[j].keys[:1] and toks[j].keys[0] in plural
                                                           for j in rest):
                return True
    return False



def implements(b, lex, sentences, directives, subjects, org_ent) -> None:
    """The acting body of a sentence carries out the directives that follow an implementation
    verb. (A body carried over from the sentence before was wrong far more often than right in the
    precision audit, docs/audit: the sentence must name it.)"""
    for s in sentences:
        got = subjects[id(s)]
        if got is None:
            continue
        at, actor = got
        verb = s.has_phrase(lex.phrases["implement_verbs"], at.end)
        if verb < 0:
            continue
        # the body is the verb's own subject: close before it, in the same clause, and not one that
        # asks others to act ("Bộ Chính trị yêu cầu các cấp ủy thực hiện …": the others implement)
        # "Bộ Y tế, Bộ Công Thương và UBND tỉnh chịu trách nhiệm thực hiện …": every body of the subject
        actors = _coordinated(s, at, actor, top_level(s, org_ent))
        end = actors[-1][0].end
        gap = s.tokens[end:verb]
        # (a longer stretch after "chịu trách nhiệm": "… chịu trách nhiệm chuẩn bị đầy đủ các điều kiện cần thiết
        # thực hiện …"; data responsibility_words)
        limit = 30 if s.has_phrase(lex.phrases["responsibility_words"], end, verb) >= 0 else 15
        if len(gap) > limit or any(t.text in (";", ".", ":") for t in gap) or _asks_another(lex, s, end, verb):
            continue
        # the directives right after the verb and the list they open ("thực hiện Chỉ thị 01 của Bộ
        # Chính trị, Hướng dẫn 03 …"), not one in a later clause
        last = verb
        for d in sorted(s.directives, key=lambda d: d.start):
            if d.start <= verb:
                continue
            # (a list item may end with ";" when the next opens with its directive: "Nghị quyết 16 … về
            # quy hoạch; Nghị quyết số 28 …")
            between = s.tokens[last : d.start]
            if d.start - last > 10 or any(t.text == "." or (t.text == ";" and k < len(between) - 1)
                                          for k, t in enumerate(between)):
                break
            last = max(d.end, d.subject_end)
            governed = d.start > 0 and word_key(s.tokens[d.start - 1].text) == word_key("của")
            if not governed and d.kind not in lex.not_implemented:
                target = directives.get(id(d))
                for _, body in actors:
                    if target is not None and not issued_by(b, target, body):  # issuing is not carrying out
                        b.relate("IMPLEMENTS", body, target, (s.start, s.end), 0.7)


def _coordinated(s: Sentence, first: OrgMention, entity: Entity, orgs) -> list[tuple[OrgMention, Entity]]:
    """`first` and the bodies coordinated with it right after it ("A, B và C"), in order."""
    out = [(first, entity)]
    for m, e in sorted(orgs, key=lambda me: me[0].start):
        if m.start < out[-1][0].end:
            continue
        gap = s.tokens[out[-1][0].end : m.start]
        if not gap or not all(t.text == "," or t.keys[:1] == KEY_VA for t in gap) or len(gap) > 2:
            break
        out.append((m, e))
    return out


def issued_by(b: Builder, directive: Entity, org: Entity) -> bool:
    return any(r.type == "ISSUED_BY" and r.source == directive.id and r.target == org.id for r in b.relations.values())



def answerable(b, lex, sentences, org_ent, people) -> None:
    """"Thủ tướng … trình Quốc hội", "thay mặt Chính phủ trả lời chất vấn của đại biểu Quốc hội": the
    executive (or a body or member of it) before a word of accountability whose object, a few words
    on, is the assembly it answers to, states that the one reports to the other (data/lexicon.yaml
    answers_to, accountability_words)."""
    words = lex.phrases["accountability_words"]
    orgs = {e.name: e for e in b.entities.values() if e.type == "Organization" and not e.props.get("foreign")}
    for sub_name, sup_name in lex.words["answers_to"].items():
        sub, sup = orgs.get(sub_name), orgs.get(sup_name)
        if sub is not None and sup is not None:
            _answers(b, lex, sentences, org_ent, people, words, sub, sup)


def _answers(b, lex, sentences, org_ent, people, words, sub: Entity, sup: Entity) -> None:
    def under(e: Entity | None) -> bool:  # the executive or a body of it ("Bộ Tài chính")
        entry = lex.org_by_key.get(phrase_keys(e.name)) if e is not None else None
        return e is not None and (e.id == sub.id or (entry is not None and entry.reports_to == sub.name))

    members = {r.source for r in b.relations.values() if r.type == "HOLDS_POSITION" and under(b.entities[r.target])}
    for s in sentences:
        k = s.has_phrase(words)
        # (a body inside a directive's name does not act: "Luật Tổ chức Chính phủ")
        named = {i for d in s.directives for i in range(d.start, d.end)} if k >= 0 else set()
        while k >= 0:
            end = words.match(s.tokens, k)[0]
            if end - k == 1 and lex.is_other_word(s.tokens, k):  # "trình bày", "trình độ"
                k = s.has_phrase(words, end)
                continue
            executive = any(m.start < k and m.start not in named and under(org_ent.get(id(m))) for m in s.orgs) or any(
                p.start < k and (e := people.get(id(p))) is not None and e.id in members for p in s.people)
            # the assembly itself as the object, not a body of it ("trình Ủy ban Thường vụ Quốc hội")
            if executive and any(end <= m.start <= end + 4 and (e := org_ent.get(id(m))) is not None and e.id == sup.id
                                 for m in s.orgs):
                b.relate("REPORTS_TO", sub, sup, (s.start, s.end), 0.6)
                return
            # the other way round: the assembly acts on the executive's word ("Quốc hội … phê chuẩn đề nghị của
            # Thủ tướng Chính phủ", "xem xét các báo cáo khác của Chính phủ")
            of = next((j for j in range(end, min(end + 3, len(s.tokens))) if s.tokens[j].keys[:1] == KEY_CUA), -1)
            if of >= 0 and any(m.start < k and (e := org_ent.get(id(m))) is not None and e.id == sup.id
                               for m in s.orgs) and any(
                    of < m.start <= of + 3 and under(org_ent.get(id(m))) for m in _walked(s.orgs)):
                b.relate("REPORTS_TO", sub, sup, (s.start, s.end), 0.6)
                return
            k = s.has_phrase(words, end)


def _walked(orgs):
    """Every mention of a sentence's bodies, those inside titles' and other bodies' names too."""
    return [m for top in orgs for m in top.walk()]
