"""Where an event's name ends in a sentence, and what its name keeps (kg.extract.meeting names the
report's main event with these)."""

from __future__ import annotations

import re

from kg.extract.lexicon import lexicon
from kg.extract.name_shapes import REGNAL
from kg.extract.sentence import Sentence
from kg.extract.tokens import KEY_VA, word_key

_THU, _NAY = (word_key("thứ"),), (word_key("nay"),)


def counted(lex, toks, i: int) -> bool:
    """Is the word at i counted, so a noun, not a verb ("trên 5.000 tổ chức", "các tổ chức")?"""
    return i > 0 and (toks[i - 1].text[0].isdigit() or lex.word_in(toks[i - 1], "plural_markers"))


def today(lex, toks) -> bool:
    """Does the sentence say "today" ("hôm nay", "sáng nay"): a day part that ends in or is followed by "nay"?"""
    for k in range(len(toks)):
        got = lex.phrases["day_parts"].match(toks, k)
        if got is not None and (toks[got[0] - 1].keys[-1:] == _NAY or (
                got[0] < len(toks) and toks[got[0]].keys[:1] == _NAY)):
            return True
    return False


def without_relative_days(lex, name: str) -> str:
    """An event's name keeps its day but not words that only the report's date makes sense of:
    "Thảo luận tổ sáng nay 29/5" -> "Thảo luận tổ sáng 29/5", "Phiên họp chiều nay" -> "Phiên họp"."""
    parts = "|".join(re.escape(w) for w in lex.words["day_parts"])
    rel = "|".join(re.escape(w) for w in lex.words["relative_day_words"])
    name = re.sub(rf"\b({parts}) (?:{rel})\s*\(?(\d{{1,2}}[-/.]\d{{1,2}}(?:[-/.]\d{{2,4}})?)\)?", r"\1 \2", name)
    return re.sub(rf"\s*\b(?:{parts}) (?:{rel})\b", "", name).strip()


def numbered_before(toks, j: int) -> bool:
    """Does a session's number end right before token j ("thứ 21", "lần thứ IX")?"""
    last = toks[j - 1].text if j >= 1 else ""
    return j >= 2 and toks[j - 2].keys[:1] == _THU and (last.isdigit() or REGNAL.fullmatch(last) is not None or (
        lexicon().word_in(toks[j - 1], "ordinal_words")))  # "thứ tám", "thứ nhất"


def event_np_end(s: Sentence, i: int, verb: bool = False) -> int:
    """An event noun phrase runs to a comma before a capital word, or to the clause end. `verb`: the
    name is a verb's ("họp dưới sự chủ trì của …"): a stop word may end it right after its first word."""
    toks = s.tokens
    j = i + 1
    first = i if verb else i + 1
    while j < len(toks):
        t = toks[j]
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if t.text == "." and toks[j - 1].text.isupper() and toks[j - 1].end == t.start and nxt is not None and (
                nxt.is_cap):
            j += 1  # "… Việt Nam TP. HCM lần thứ IX": the dot of an abbreviated place
            continue
        if t.text in (".", ";", ":", "(", "“", '"', "…"):
            break
        if t.keys[:1] == KEY_VA and nxt is not None and lexicon().phrases["event_nouns"].match(toks, j + 1):
            break  # "Đại hội … và đại lễ khánh thành …": a second event
        # a comma ends the name before a new clause: a capital word, a number, a time of day, a
        # lower-case clause opener ("kỳ họp thứ 2, nhiều đại biểu …") or a verb of speech ("…
        # khóa XV, cho rằng …"); lists of other verbs go on ("Hội nghị nghiên cứu, học tập, quán triệt …")
        if t.text == "," and nxt is not None and (
                nxt.is_cap or nxt.text[0].isdigit() or lexicon().phrases["event_clause_openers"].match(toks, j + 1)
                or lexicon().phrases["attend_words"].match(toks, j + 1)):
            break
        # … and after what closes a name: its number ("Kỳ họp thứ 21, thi hành kỷ luật …") or the body
        # whose it is ("Công bố quyết định của Ban Bí thư, luân chuyển …"); a list of verbs goes on only
        # after verbs
        if t.text == "," and (numbered_before(toks, j) or any(m.end == j for m in s.orgs)):
            break
        # … and a decision its owner takes: "Lễ công bố quyết định của Bộ Chính trị chỉ định ông A …"
        if any(m.end == j for m in s.orgs) and lexicon().phrases["decision_verbs"].match(toks, j):
            break
        # … and its time after its number: "Phiên họp thứ 47 chiều 25/4" is the 47th sitting's
        if numbered_before(toks, j) and lexicon().phrases["day_parts"].match(toks, j):
            break
        # … or a day and date after its body ("Kỳ họp HĐND TP sáng 4-12 về việc …"): the date is no name
        # (not "trong hai ngày 16 và 17/1": a count of days)
        if j > first + 1 and (part := lexicon().phrases["day_parts"].match(toks, j)) is not None and (
                part[0] < len(toks) and toks[part[0]].text[:1].isdigit()) and not (
                toks[j - 1].text.isdigit() or lexicon().word_in(toks[j - 1], "ordinal_words")):
            while j > first + 1 and lexicon().phrases["day_parts"].match(toks, j - 1):
                j -= 1  # "… pháp luật sáng ngày 5-8": the day part before the day too
            break
        if (got := lexicon().phrases["sitting_places"].match(toks, j)) is not None and not (
                got[0] < len(toks) and toks[got[0]].is_cap):  # (not "tại hội trường Diên Hồng", a venue)
            j = got[0]
            continue
        if j > first and t.is_word and (word_key(t.text) in lexicon().wordset("event_name_stops")
                                         or (lexicon().phrases["event_name_verbs"].match(toks, j)
                                             and not lexicon().phrases["event_name_nouns"].match(toks, j))):
            break
        j += 1
    # (not a stop word its first words let through, left bare at the end: "Ban Bí thư họp đã xem xét …")
    # (nor the comma before the word that stopped it: "họp phiên thứ nhất, bầu …")
    while j > i + 1 and ((toks[j - 1].is_word and word_key(toks[j - 1].text) in lexicon().wordset(
            "event_name_stops")) or toks[j - 1].text in (",", "-", "–")):
        j -= 1
    return j
