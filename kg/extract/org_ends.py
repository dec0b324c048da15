"""Where an organization's name ends: lower-case nouns that go on with a name ("Cục Tổ chức cán
bộ"), a name of several parts over a comma, the number of a unit ("Bệnh viện Quân y 175"), a
bracketed short form spelling its initials, a board named by its remit in lower case ("Ban chỉ đạo
phòng, chống dịch Covid-19 tỉnh Hà Nam"). Read by OrgParser (orgs.py), which inherits NameEnds."""

from __future__ import annotations

import re

from kg.extract.glued import is_syllable
from kg.extract.lexicon import HOME_COUNTRY, Lexicon, OrgEntry
from kg.extract.org_mention import OrgMention, _plain, expand_surface
from kg.extract.org_places import PlaceReading
from kg.extract.tokens import KEY_CUA, KEY_VA, KEY_VE, Token, phrase_keys, word_key
from kg.text import name_key

_SO = (word_key("số"),)


class NameEnds(PlaceReading):
    """The readers of where a name ends, for OrgParser (which gives name_run, starts_new_unit,
    _boundary and _word)."""

    lex: Lexicon
    toks: list[Token]

    def _with_tails(self, end: int) -> int:
        """End of a name after the lower-case nouns that go on with names (data: name_tails)."""
        while (tail := self.lex.phrases["name_tails"].match(self.toks, end)) is not None:
            end = tail[0]
        # "Cục Bảo vệ thực vật (Bộ Nông nghiệp …)": lower-case words, a stop word among them, right before
        # the parent body in brackets end the unit's name
        k = end
        while k - end < 3 and (u := self._word(k)) is not None and not u.is_cap and not u.text[0].isdigit():
            k += 1
        if k > end and k + 1 < len(self.toks) and self.toks[k].text == "(" and self.lex.heads.match(self.toks, k + 1):
            end = k
        # "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao": a second remit after
        # "và" (data: remit_tails), in lower-case words up to the name's end, is part of the name
        remit = self.lex.phrases["remit_tails"].match(self.toks, end, allow_comma=True)
        # "Ủy ban Quốc gia về thanh niên Việt Nam": a national or central body named by its remit after
        # "về" (data: remit_scopes, the words its name ends with before it)
        if remit is None and self.lex.phrases["remit_scopes"].ending_at(self.toks, end) >= 0 and (
                (u := self._word(end)) is not None and u.keys[:1] == KEY_VE):
            remit = (end + 1, None)
        if remit is not None:
            k, aspect = remit[0], self.lex.wordset("aspect_words")
            strict = remit[1] is None  # (after "về" a place or a verb ends it: "Văn phòng Trung ương về tỉnh")
            while k - remit[0] < 8 and (u := self._word(k)) is not None and not u.is_cap and not (
                    u.text[0].isdigit() or u.keys[0] in aspect or self.lex.phrases["name_enders"].match(self.toks, k)
                    or (strict and self._boundary(k))):
                k += 1  # (a stop word such as "công" may be the remit's: "sử dụng công nghệ cao")
            # "Ban Chỉ đạo Trung ương về tổng kết Nghị quyết số 18-NQ/TW": a remit may end with the document
            # it is about, its number written tight ("18-NQ/TW")
            kind = self.lex.directive_kinds.match(self.toks, k) if k > remit[0] else None
            if kind is not None:
                n = kind[0] + (1 if self._word(kind[0]) is not None and self.toks[kind[0]].keys[:1] == _SO else 0)
                if n < len(self.toks) and self.toks[n].text[:1].isdigit():
                    k = n + 1
                    while k < len(self.toks) and self.toks[k].start == self.toks[k - 1].end and (
                            self.toks[k].text != ","):
                        k += 1
            end = k if k > remit[0] else end
            if k > remit[0] and self.lex.location_names.get(phrase_keys(" ".join(
                    t.text for t in self.toks[k : k + 2]))) == HOME_COUNTRY:
                end = k + 2  # "… về thanh niên Việt Nam"
        return end

    def _prefer_known(self, best: OrgMention, gz_m: OrgMention | None) -> OrgMention:
        """The known name (gazetteer) over a longer reading of the same words, where that reading
        is a lower-case tail or the known body's owner read as a sub-body of part of it."""
        if gz_m is None or best is gz_m:
            return best
        if best.kind == "named" and all(t.is_word and not t.is_cap for t in self.toks[gz_m.end : best.end]):
            return gz_m  # "Ngân hàng Nhà nước Việt Nam điều hành": the known name, not a lower-case tail
        if best.kind == "named" and best.inner is not None and best.inner.start >= gz_m.end and (
                gz_m.entry is not None and not gz_m.entry.part_of) and all(
                t.is_word and not t.is_cap for t in self.toks[gz_m.end : best.inner.start]):
            # "Bộ Chính trị Ban Chấp hành Trung ương Đảng": the known body, then its owner; "Bộ Chính trị
            # giao Ban Tổ chức Trung ương": the known body, a verb, then another body
            return gz_m
        if best.inner is not None and best.inner.start < gz_m.end and (
                (known := self.lex.orgs.match(self.toks, best.inner.start)) is None or known[0] <= gz_m.end):
            # "Ban Chấp hành Trung ương Đảng khóa X" is the known name, not a sub-body of a part of it
            # (unless the owner's own known name goes past it: "Ủy ban Kiểm tra Trung ương Đoàn")
            return gz_m
        return best

    def _listed_remit(self, k: int) -> int | None:
        """End of a field listed after a remit's comma: up to three lower-case words, no stop word,
        then a locality word ("…, nông nghiệp tỉnh Bắc Giang"), else None."""
        j = k
        while j - k < 3 and (u := self._word(j)) is not None and not u.is_cap and not self._boundary(j):
            j += 1
        return j if j > k and self.lex.phrases["locality_words"].match(self.toks, j) else None

    def _remit_board(self, i: int) -> OrgMention | None:
        """"Ban chỉ đạo phòng, chống dịch Covid-19", "Ban quản lý khu công nghiệp", "Ban Chỉ huy quân
        sự": a board named by what it does (data: remit_boards), then its remit in lower-case words up
        to a place, a verb or a stop (data: remit_stops); the place is read after it as any name's."""
        toks = self.toks
        board = self.lex.phrases["remit_boards"].match(toks, i)
        if board is None or board[0] >= len(toks):
            return None
        if toks[board[0]].is_cap and is_syllable(toks[board[0]].text):
            # a capitalized name follows ("Ban Chỉ đạo Trung ương …"): read as any name; where the board's
            # own words are in lower case that reading fails ("Ban chỉ đạo Đổi mới và Phát triển doanh
            # nghiệp"): the board, then that name
            if all(t.is_cap for t in toks[i + 1 : board[0]] if t.is_word) or self.lex.locations.match(
                    toks, board[0]) or self.starts_new_unit(board[0]) or self.lex.phrases["level_words"].match(
                    toks, board[0]):
                return None
            end = self.name_run(board[0])
            return OrgMention(i, end, "named", head=str(board[1]), name=expand_surface(toks, board[0], end))
        opener = self.lex.phrases["remit_openers"].match(toks, board[0], allow_comma=True)
        if opener is None:
            return None  # not a remit ("Ban Chỉ đạo giao nhiệm vụ …": the board, then its verb)
        stops = (self.lex.phrases["remit_stops"], self.lex.phrases["name_enders"], self.lex.phrases["event_verbs"],
                 self.lex.phrases["locality_words"])
        k = opener[0]  # (the opener is the remit's even where it reads as a verb: "dự án" is no "dự")
        while k - board[0] < 16 and k < len(toks):
            t = toks[k]
            if t.text == "," and (part := self.lex.phrases["remit_openers"].match(toks, k - 1, allow_comma=True)) and (
                    part[0] > k + 1):
                k = part[0]  # a remit's phrase written over a comma: "… quốc gia phòng, chống dịch"
                continue
            if self.lex.plural_before(toks, k + 1) and (noun := self.lex.phrases["remit_openers"].match(toks, k + 1)):
                k = noun[0]  # "… đầu tư xây dựng các công trình giao thông": the plural of the remit's own noun
                continue
            if (t.text == "," or t.keys[:1] == KEY_VA) and (end := self._listed_remit(k + 1)) is not None:
                # "… công trình giao thông, nông nghiệp tỉnh Bắc Giang", "… hạ tầng kỹ thuật và nông nghiệp
                # thành phố Hà Nội": its fields, then its place
                k = end
                continue
            if t.text == "-" and 0 < k < len(toks) - 1 and toks[k + 1].text.isdigit() and toks[k - 1].is_word:
                k += 1  # "Covid-19"
                continue
            if (compound := self.lex.phrases["name_compounds"].match(toks, k)) is not None:
                k = compound[0]  # "giao thông": a noun whose first word alone would stop the remit ("giao")
                continue
            if not t.is_word or (t.is_cap and is_syllable(t.text)) or any(m.match(toks, k) for m in stops):
                break
            k += 1
        if k == board[0] or (k - board[0] >= 10 and not (k < len(toks) and self.lex.phrases["locality_words"].match(
                toks, k))):
            return None  # (a long remit with no place to end it is no name: "… đầu tư xây dựng công trình …")
        if k < len(toks) and toks[k].is_cap and not self.lex.titles.match(toks, k) and self._locality(k) is None:
            # "… dự án khu vực Hồng Bàng,": a place's name ends the remit, where the name ends cleanly
            # (not a person's full name: "… đô thị Bùi Xuân Cường cho biết")
            e = self.name_run(k, max_lower=0, people=False)
            person = e - k >= 3 and toks[k].keys[0] in self.lex.surnames
            if not person and (e >= len(toks) or not toks[e].is_word or any(m.match(toks, e) for m in stops)):
                k = e
        head, function = str(board[1]).split(" ", 1)  # the data's spelling: "Ban" "Chỉ đạo"
        remit = "".join((" " if toks[n].start != toks[n - 1].end else "") + toks[n].text for n in range(board[0], k))
        return OrgMention(i, k, "named", head=head, name=f"{function} {remit.strip()}")

    def _comma_and_name(self, j: int, end: int) -> int:
        """"Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công": a name of several parts, the last
        joined by "và", goes on over the comma (a list of bodies repeats their heads: "Sở A, Sở B")."""
        toks = self.toks
        if end <= j or end + 1 >= len(toks) or toks[end].text != "," or not toks[end + 1].is_cap or (
                self.starts_new_unit(end + 1)):
            return end
        more = self.name_run(end + 1)
        joined = any(t.keys[:1] == KEY_VA for t in toks[end + 1 : more])
        clean = more >= len(toks) or not toks[more].is_word or self._boundary(more)
        return more if joined and clean and more - end <= 8 else end

    def _own_number(self, k: int) -> bool:
        """A number of two or three digits right after a name that is no count nor date: the unit's
        number ("Bệnh viện Trung ương Quân đội 108"), not "… 15 tỷ", "… 20/5"."""
        t, nxt = self._word(k), self.toks[k + 1] if k + 1 < len(self.toks) else None
        if t is None or not re.fullmatch(r"\d{2,3}", t.text):
            return False
        if nxt is None:
            return True
        if nxt.is_word:
            return nxt.keys[0] not in self.lex.number_units and nxt.keys[0] not in self.lex.wordset("count_words")
        after = self.toks[k + 2] if k + 2 < len(self.toks) else None
        return nxt.text not in ("/", ".", ",", "-") or after is None or not after.text[:1].isdigit()

    def _acronym_end(self, i: int, end: int) -> int | None:
        """Where a body's name ends when a bracketed short form a few lower-case words on spells its
        initials: "Cục Quản lý xây dựng công trình (QLXDCT)" runs to the bracket, past words that
        would end a name elsewhere ("công")."""
        toks = self.toks
        for k in range(end, min(end + 6, len(toks))):
            if self._bracketed_abbreviation(k):
                words = [t.text for t in toks[i:k] if t.is_word]
                initials = "".join(_plain(w[0]) for w in words)
                # with or without the head's letters ("Cục" is often left out of the short form)
                short = _plain(toks[k + 1].text)
                return k if short in (initials, initials[1:]) and len(short) >= 3 else None
            t = toks[k]
            if not t.is_word or t.is_cap:
                return None
        return None

    def _bracketed_abbreviation(self, j: int) -> bool:
        toks = self.toks
        return j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")" and toks[j + 1].text.isupper()

    def _owner_in_name(self, i: int, end: int, entry: OrgEntry) -> OrgMention | None:
        """"Ủy ban Kinh tế của Quốc hội": the body a known name ends with is a mention of its own;
        so is a known body written at the end of a name that leaves it out ("Ban Chấp hành Trung ương
        Đảng Cộng sản Việt Nam": the Party, whose Central Committee it is)."""
        if not entry.part_of:  # (the owner written in full, not a short form: "Trung ương Đảng" is not the Party)
            for at in range(end - 2, i + 1, -1):
                owner = self.lex.orgs.match(self.toks, at)
                name = owner[1].name if owner is not None else ""  # type: ignore[union-attr]
                if owner is not None and owner[0] == end and name_key(name) not in name_key(entry.name) and (
                        name_key(expand_surface(self.toks, at, end)) == name_key(name)):
                    return OrgMention(at, end, "gazetteer", entry=owner[1], canonical=name)  # type: ignore[arg-type]
            return None
        k = next((k for k in range(end - 1, i, -1) if self.toks[k].keys[:1] == KEY_CUA), None)
        # with "của", or without it ("Ủy ban Tư pháp Quốc hội"): the owner's name ends the mention
        starts = [k + 1] if k is not None else range(end - 1, i, -1) if " của " in entry.name else []
        for at in starts:
            owner = self.lex.orgs.match(self.toks, at)
            if owner is not None and owner[0] == end and owner[1].name == entry.part_of:  # type: ignore[union-attr]
                return OrgMention(at, end, "gazetteer", entry=owner[1], canonical=entry.part_of)  # type: ignore[arg-type]
        return None
