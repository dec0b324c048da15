"""National Assembly deputies named with their constituency: "Đại biểu Trần Hoàng Ngân (TP. HCM)",
"đại biểu Tô Thị Bích Châu (đoàn TP. HCM)". A bare "Đại biểu" names no body; the province in
brackets after the name is the mark of a deputy speaking in the Assembly (data/lexicon.yaml
deputy_titles, deputy_body)."""

from __future__ import annotations

from kg.extract.lexicon import Lexicon
from kg.extract.org_mention import OrgMention
from kg.extract.org_places import with_level
from kg.extract.sentence import Sentence
from kg.extract.tokens import phrase_keys, word_key

_DELEGATION = word_key("đoàn")


def deputies(lex: Lexicon, s: Sentence) -> None:
    if not s.people:
        return
    titles = {word_key(t) for t in lex.words["deputy_titles"]}
    toks = s.tokens
    for p in s.people:
        bare = [q for q in p.posts if q.org is None and not q.implied and word_key(q.role) in titles]
        # ("ĐBQH A (đoàn Lâm Đồng)": a deputy written with the Assembly names the delegation too)
        seated = bare or [q for q in p.posts if word_key(q.role) in titles and q.org is not None and (
            q.org.canonical == lex.words["deputy_body"])]
        if not seated or p.end >= len(toks) or toks[p.end].text != "(":
            continue
        k = p.end + 1
        delegation = k < len(toks) and toks[k].keys[:1] == (_DELEGATION,)
        if delegation:
            k += 1
        level = lex.phrases["locality_words"].match(toks, k)  # "(TP. HCM)", "(tỉnh Nghệ An)"
        at_level = k
        if level is not None:
            k = level[0] + (1 if level[0] < len(toks) and toks[level[0]].text == "." else 0)
        place = lex.locations.match(toks, k)
        close = next((q for q in range(k, min(len(toks), k + 6)) if toks[q].text == ")"), -1)
        named = " ".join(x.text for x in toks[k:close]) if place is None and level is not None and close > k else ""
        if named and (city := lex.location_names.get(phrase_keys(f"{toks[at_level].text} {named}"))) is not None:
            place = (close, city)  # "(đoàn TP. Hồ Chí Minh)": the city's name with its level, not a person's
            s.people = [x for x in s.people if not at_level <= x.start < close]
        known = place is not None
        if place is None and level is not None and k < len(toks) and toks[k].is_abbr:
            place = (k + 1, toks[k].text)  # "(TP. HCM)": a city written by its initials
            city = lex.location_names.get(phrase_keys(f"TP {toks[k].text}"))
            known, place = city is not None, (k + 1, city or toks[k].text)
        if place is not None and place[0] < len(toks) and toks[place[0]].text == ")":
            for q in bare:
                q.implied = lex.words["deputy_body"]
            if delegation and known:
                # "(đoàn Quảng Trị)": the deputy's delegation is a body of its own
                m = OrgMention(p.end + 1, place[0], "standalone", head=lex.words["deputy_delegation"],
                               locality=with_level(lex, str(place[1])))
                s.orgs.append(m)
                s.title_orgs.add(id(m))


def report_deputies(lex: Lexicon, sentences: list[Sentence]) -> None:
    """"Theo đại biểu Phạm Văn Hoà, …" in a report on the National Assembly that names no people's
    council: a deputy named without a constituency is a deputy of the Assembly too."""
    body = lex.words["deputy_body"]
    named = {m.canonical for s in sentences for top in s.orgs for m in top.walk() if m.canonical}
    if body not in named or any(n.startswith(lex.words["deputy_councils"]) for n in named):
        return
    titles = {word_key(t) for t in lex.words["deputy_titles"]}
    for s in sentences:
        for p in s.people:
            for q in p.posts:
                if q.org is None and not q.implied and not q.country and word_key(q.role) in titles:
                    q.implied = body
