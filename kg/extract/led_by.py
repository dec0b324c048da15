"""Posts given as the head of a board: "Ban lễ tang gồm 35 thành viên do Chủ tịch nước Tô Lâm làm
Trưởng ban", "Tiểu ban Văn kiện do Tổng Bí thư X làm Trưởng tiểu ban". The title after "làm" names
no body; the body is the one the clause opens with, whose head the title heads
(data/lexicon.yaml led_by_titles). Boards are often written with a lower-case name ("Ban lễ tang",
"Ban tổ chức lễ tang") the organization reader does not take alone: after a capitalized head of
led_by_open_heads the lower-case words up to a stop ("gồm", "do", led_by_name_stops) are its name.
"""

from __future__ import annotations

from kg.extract.lexicon import Lexicon
from kg.extract.org_mention import OrgMention
from kg.extract.posts import Post
from kg.extract.sentence import Sentence
from kg.extract.tokens import PhraseMatcher, phrase_keys, word_key

_DO, _LAM, _LA = word_key("do"), word_key("làm"), word_key("là")
_MATCHERS: dict[int, tuple[PhraseMatcher, PhraseMatcher, frozenset[str]]] = {}
_MAX_NAME = 8  # words of a board's name read from the clause


def _data(lex: Lexicon) -> tuple[PhraseMatcher, PhraseMatcher, frozenset[str]]:
    got = _MATCHERS.get(id(lex))
    if got is None:
        titles, heads = PhraseMatcher(), PhraseMatcher()
        for title, board_heads in lex.words["led_by_titles"].items():
            titles.add(title, tuple(phrase_keys(h) for h in board_heads))
        for head in lex.words["led_by_open_heads"]:
            heads.add(head, head)
        stops = frozenset(word_key(w) for w in lex.words["led_by_name_stops"])
        got = _MATCHERS[id(lex)] = (titles, heads, stops)
    return got


def led_by(lex: Lexicon, s: Sentence) -> None:
    """Give "do X làm <title>" its post in the board the clause names before "do"."""
    toks = s.tokens
    if _DO not in s.first_keys() or not s.people:
        return
    titles, _, _ = _data(lex)
    for p in s.people:
        if p.ref:
            continue
        first = min([p.start, *(q.start for q in p.posts)])
        k = first - 1
        if k > 0 and toks[k].is_word and toks[k].keys[0] in lex.wordset("bare_honorifics"):
            k -= 1  # "do ông Dũng làm tổ trưởng"
        if k < 1 or toks[k].keys[:1] != (_DO,):
            continue
        j = p.end  # the career reader may have read the title after "làm" already, with no body
        if j >= len(toks) or toks[j].keys[:1] not in ((_LAM,), (_LA,)):  # "do X làm / là Trưởng ban"
            continue
        got = titles.match(toks, j + 1)
        # a title followed by a body's name is a post in that body, read elsewhere
        if got is None or (got[0] < len(toks) and toks[got[0]].is_cap):
            continue
        end, heads = got[0], got[1]
        read = next((q for q in p.posts if q.start == j + 1), None)
        if read is not None and (read.org is not None or read.implied):
            continue
        board = _board(lex, s, k, heads)
        if board is None:
            continue
        if read is not None:
            read.org = board
        else:
            role = " ".join(t.text for t in toks[j + 1 : end])
            p.posts.append(Post(role[0].upper() + role[1:], board, "", None, j + 1, end))


def _board(lex: Lexicon, s: Sentence, do_at: int, heads: tuple[tuple[str, ...], ...]) -> OrgMention | None:
    """The body the clause before "do" opens with, if the title heads it."""
    toks = s.tokens
    for m in reversed(s.orgs):
        if m.end <= do_at and id(m) not in s.title_orgs and m.kind != "bare":
            if any(tuple(t.keys[0] for t in toks[m.start : m.start + len(h)] if t.keys) == h for h in heads):
                return m
    _, open_heads, stops = _data(lex)
    for i in range(do_at - 1, -1, -1):
        if toks[i].text in (";", ":"):
            return None
        if not toks[i].is_cap:
            continue
        got = open_heads.match(toks, i)
        if got is None or not any(phrase_keys(str(got[1])) == h for h in heads):
            continue
        end = got[0]
        while (end < do_at and toks[end].is_word and not toks[end].is_cap and toks[end].keys[0] not in stops
               and end - i < _MAX_NAME):
            end += 1
        if end == got[0] or any(m.start < end and i < m.end for m in s.orgs):
            return None
        name = " ".join(t.text for t in toks[got[0] : end])
        board = OrgMention(i, end, "named", head=str(got[1]), name=name)
        s.orgs.append(board)
        return board
    return None

