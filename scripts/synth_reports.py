#!/usr/bin/env python
"""Realistic synthetic Vietnamese government reports, for benchmarks (not for accuracy).

Bodies, titles, surnames, places and directive symbols come from kg's data files (read through
kg.resources); the sentence templates below imitate the genre: a headline, a dated lead
("Sáng 12/3, tại Nhà Quốc hội, X đã làm việc với Y. Tham dự có: ..."), attendees with chains
of titles, paragraphs on results and directives ("thực hiện Chỉ thị số 05-CT/TW của Bộ Chính
trị về ..."), speeches with later short mentions ("ông Hùng"), and a byline. Some reports use
old-style tone marks, abbreviations, non-breaking spaces or decomposed (NFD) text, as real
copies do. Each report is 2-8 KB (UTF-8) and depends only on (seed, index).

    .venv/bin/python scripts/synth_reports.py --reports 20 --seed 1 --out /tmp/synth
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.resources import read_lines, read_tsv, read_yaml

MIN_BYTES, MAX_BYTES = 2048, 8192

# Generator vocabulary (not domain knowledge kg reads): given names and subjects of directives.
MIDDLE = ["Văn", "Đức", "Minh", "Quốc", "Xuân", "Thanh", "Hữu", "Ngọc", "Công", "Đình", "Quang", "Hồng",
          "Anh", "Tuấn", "Trọng", "Bá", "Viết", "Kim", "Hoài", "Mạnh"]
MIDDLE_F = ["Thị", "Thị", "Thu", "Thúy", "Ngọc", "Thanh", "Kim", "Hồng", "Mai"]
GIVEN = ["Hùng", "Dũng", "Tuấn", "Hưng", "Hải", "Nam", "Sơn", "Thắng", "Phúc", "Bình", "Cường", "Long",
         "Thụ", "Cừ", "Nhạ", "Huệ", "Vượng", "Thành", "Trung", "Khánh", "Định", "Lợi", "Tâm", "Phong"]
GIVEN_F = ["Lan", "Hương", "Vân", "Hà", "Ngân", "Mai", "Hằng", "Thủy", "Hoa", "Nga", "Yến", "Loan"]
SUBJECTS = [
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tham nhũng, lãng phí, tiêu cực",
    "đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
    "tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
    "những nhiệm vụ, giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách",
    "tăng cường công tác kiểm tra, giám sát và kỷ luật của Đảng",
    "đẩy mạnh chuyển đổi số quốc gia và phát triển kinh tế số",
    "thí điểm hợp nhất Văn phòng Đoàn đại biểu Quốc hội, Văn phòng HĐND và Văn phòng UBND cấp tỉnh",
    "chương trình giám sát của Quốc hội năm sau",
    "công tác cán bộ và bảo vệ chính trị nội bộ",
    "nâng cao chất lượng sinh hoạt chi bộ",
    "phát triển khoa học, công nghệ, đổi mới sáng tạo",
    "bảng giá các loại đất trên địa bàn tỉnh",
    "xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh",
]
# abbreviations that reports write inside body names (expansions come from abbreviations.tsv)
PROSE_ABBRS = ["UBTVQH", "VPQH", "ĐBQH", "HĐND", "UBND", "MTTQ", "TAND", "VKSND", "QH", "TW"]
# symbol issuer code -> kinds issued under it; Party symbols are written "05-CT/TW"
SYMBOL_KINDS = {"TW": ["Chỉ thị", "Nghị quyết", "Kết luận", "Quy định"], "CP": ["Nghị định", "Nghị quyết"],
                "TTg": ["Quyết định", "Chỉ thị"], "UBTVQH": ["Nghị quyết"], "BTC": ["Thông tư"],
                "BNV": ["Thông tư", "Quyết định"], "BYT": ["Thông tư"]}
# body pattern -> titles of its head and deputies (checked against titles.tsv)
TITLE_RULES = [
    (r"^Bộ (?!Chính trị)", ["Bộ trưởng", "Thứ trưởng"]),
    (r"^Ban .*Trung ương", ["Trưởng Ban"]),
    (r"^(Tỉnh|Thành) ủy|^Đảng ủy|^Đảng đoàn", ["Bí thư", "Bí thư Thường trực"]),
    (r"^(Hội đồng|Ủy ban) nhân dân|^Quốc hội$|^Hội |^Hội đồng |^Ủy ban Trung ương|^Tổng Liên đoàn", ["Chủ tịch"]),
    (r"^Ủy ban (?!Thường vụ|nhân dân|Trung ương)|^Văn phòng", ["Chủ nhiệm"]),
    (r"^Sở ", ["Giám đốc"]), (r"^Tòa án", ["Chánh án"]), (r"^Viện kiểm sát", ["Viện trưởng"]),
    (r"^Ngân hàng Nhà nước", ["Thống đốc"]), (r"^Đoàn Thanh niên|^Trung ương Đoàn", ["Bí thư"]),
    (r"^Đài |^Thông tấn", ["Tổng Giám đốc"]), (r"^Báo ", ["Tổng Biên tập"]),
    (r"^Đoàn đại biểu Quốc hội", ["Trưởng đoàn"]),
]
# ministries with no provincial department of the same name
NO_DEPARTMENT = {"Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao"}
# international bodies: not hosts of a domestic working session
FOREIGN_BODIES = {"Liên Hợp Quốc", "Hiệp hội các quốc gia Đông Nam Á", "Liên minh châu Âu"}
PARTY_RANKS = ["Ủy viên Bộ Chính trị", "Ủy viên Trung ương Đảng", "Ủy viên Ban Thường vụ {party}"]
DAY_PARTS = ["Sáng", "Chiều", "Ngày", "Sáng", "Chiều"]
BYLINES = ["Tin và ảnh: {}", "Bài và ảnh: {}", "Tin: {}", "{}", "Nhóm PV - {}"]
OLD_TONES = {"Ủy": "Uỷ", "ủy": "uỷ", "hòa": "hoà", "Hòa": "Hoà", "thủy": "thuỷ", "khỏe": "khoẻ"}


@dataclass(frozen=True)
class Report:
    id: str
    date: str  # ISO date of the report
    text: str


@dataclass
class Person:
    full: str
    short: str  # "ông Hùng", "bà Lan"
    posts: list[str]


@lru_cache(maxsize=1)
def _data() -> dict:
    """Everything the generator reads from kg's data folder, once."""
    orgs = [o["name"] for o in read_yaml("organizations.yaml") if o["name"] not in FOREIGN_BODIES]
    places = read_tsv("locations.tsv")
    titles = {row["title"]: row for row in read_tsv("titles.tsv")}
    abbr = {row["abbr"]: row["expansion"] for row in read_tsv("abbreviations.tsv")}
    dirs = read_yaml("directives.yaml")
    codes = {exp: ab for ab, exp in abbr.items() if exp in dirs["kinds"] and ab.isupper()}
    return {
        "central": orgs,
        "ministries": [o for o in orgs if o.startswith("Bộ ") and o != "Bộ Chính trị"],
        "departments": [o[3:] for o in orgs if o.startswith("Bộ ") and o not in NO_DEPARTMENT | {"Bộ Chính trị"}],
        "implied": {t: row["implied"] for t, row in titles.items() if row["implied"]},
        "agencies": [o for o in orgs if o.startswith(("Bộ ", "Văn phòng", "Ban ", "Ủy ban ", "Báo "))],
        "provinces": [(p["name"], p["type"]) for p in places if p["type"] in ("province", "city")],
        "venues": [p["name"] for p in places if p["type"] == "venue"],
        "countries": [p["name"] for p in places if p["type"] == "country" and p["name"] != "Việt Nam"],
        "titles": titles,
        "surnames": list(read_lines("surnames.txt")),
        "prose_abbr": sorted(((abbr[a], a) for a in PROSE_ABBRS if a in abbr), key=lambda x: -len(x[0])),
        "kind_code": codes,
        "issuers": {k: v for k, v in dirs["symbol_issuers"].items() if k in SYMBOL_KINDS},
        "named": list(dirs.get("named", [])),
    }


class _Writer:
    """State for one report: its cast, its bodies and how it spells them."""

    def __init__(self, rng: random.Random, year: int) -> None:
        self.rng, self.year, self.d = rng, year, _data()
        self.abbreviate = rng.random() < 0.6
        self.seen: set[str] = set()
        name, kind = rng.choice(self.d["provinces"])
        self.unit = f"{'thành phố' if kind == 'city' else 'tỉnh'} {name}"
        self.party = f"{'Thành' if kind == 'city' else 'Tỉnh'} ủy {name}"
        sở = rng.sample(self.d["departments"], 3)
        self.local = [self.party, f"Hội đồng nhân dân {self.unit}", f"Ủy ban nhân dân {self.unit}",
                      f"Đoàn đại biểu Quốc hội {self.unit}", f"Ban Thường vụ {self.party}",
                      *(f"Sở {m} {self.unit}" for m in sở)]
        self.central = rng.sample(self.d["central"], 6)
        self.central.append(f"Đảng ủy cơ quan {rng.choice(self.d['agencies'])}")
        self.people: list[Person] = []

    def org(self, name: str) -> str:
        """A body as the report writes it: full on first mention, then maybe abbreviated."""
        if name in self.seen and self.abbreviate:
            for expansion, ab in self.d["prose_abbr"]:
                if expansion in name:
                    return name.replace(expansion, ab, 1)
        self.seen.add(name)
        return name

    def title_for(self, body: str) -> str:
        for pattern, options in TITLE_RULES:
            if re.search(pattern, body):
                title = self.rng.choice(options)
                row = self.d["titles"].get(title.removesuffix(" Thường trực"))
                if row and row["deputy"] == "yes" and self.rng.random() < 0.45:
                    title = "Phó " + title
                return title
        return "Ủy viên"

    def person(self, bodies: list[str]) -> Person:
        rng, female = self.rng, self.rng.random() < 0.3
        given = rng.choice(GIVEN_F if female else GIVEN)
        full = f"{rng.choice(self.d['surnames'][:40])} {rng.choice(MIDDLE_F if female else MIDDLE)} {given}"
        posts = []
        if rng.random() < 0.35:
            posts.append(rng.choice(PARTY_RANKS).format(party=self.party))
        for body in rng.sample(bodies, min(len(bodies), rng.choice([1, 1, 2]))):
            posts.append(f"{self.title_for(body)} {self.org(body)}")
        implied = self.d["implied"]
        member = f"{self.party.split()[0]} ủy viên"  # "Tỉnh ủy viên": the report's own committee
        if not posts[0].startswith("Ủy viên") and member in implied and rng.random() < 0.15:
            posts.insert(0, member)
        elif rng.random() < 0.05:  # titles that name their body: "Thủ tướng Chính phủ"
            posts = [rng.choice([t for t, body in implied.items() if not body.endswith(" ủy")])]
        if rng.random() < 0.08:
            posts[-1] = rng.choice(["nguyên", "quyền", "tân"]) + " " + posts[-1]
        p = Person(full, f"{'bà' if female else 'ông'} {given}", posts)
        self.people.append(p)
        return p

    def named(self, p: Person, after: bool | None = None) -> str:
        if after if after is not None else self.rng.random() < 0.3:
            return f"{p.full} - {', '.join(p.posts)}"
        return f"{', '.join(p.posts)} {p.full}"

    def directive(self) -> str:
        rng = self.rng
        if rng.random() < 0.08:
            return rng.choice(self.d["named"])
        code = rng.choice(list(self.d["issuers"]))
        kind = rng.choice([k for k in SYMBOL_KINDS[code] if k in self.d["kind_code"]] or ["Nghị quyết"])
        kc, n, y = self.d["kind_code"].get(kind, "NQ"), rng.randint(1, 1999), rng.randint(self.year - 8, self.year)
        if code == "TW":
            symbol = f"{rng.randint(1, 99):02d}-{kc}/TW"
        elif code == "UBTVQH":
            symbol = f"{n}/{y}/UBTVQH{14 if y < 2021 else 15}"
        elif code == "CP" and kind == "Nghị định":
            symbol = f"{n}/{y}/NĐ-CP"
        else:
            symbol = f"{n}/{kc}-{code}"
        issuer = self.d["issuers"][code]
        issuer = "Bộ Chính trị" if code == "TW" and rng.random() < 0.5 else issuer
        form = rng.random()
        if form < 0.15:  # short form, number only: "Chỉ thị số 05 của Bộ Chính trị"
            head = f"{kind} số {symbol.split('-')[0].split('/')[0]}"
        else:
            head = f"{kind} {'số ' if form < 0.8 else ''}{symbol}"
        date = f" ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/{y}" if rng.random() < 0.3 else ""
        by = f" của {self.org(issuer)}" if rng.random() < 0.7 else ""
        return f"{head}{date}{by} về {rng.choice(SUBJECTS)}"


def _lead(w: _Writer, day: int, month: int) -> tuple[str, list[str]]:
    """Headline and lead paragraph(s) of one of four report kinds."""
    rng = w.rng
    when = f"{rng.choice(DAY_PARTS)} {day}{rng.choice(['/', '.'])}{month}"
    kind = rng.randrange(4)
    local_venue = [f"Trung tâm Hội nghị {w.unit}", f"trụ sở {w.org(w.local[2])}"]
    venue = rng.choice(local_venue if kind == 1 else w.d["venues"] + local_venue[:1])
    if kind == 0:
        a, b = rng.choice(w.central), rng.choice(w.local + w.central[-1:])
        a = f"Thường trực {a}" if rng.random() < 0.4 else a
        head = f"{a} làm việc với {b}"
        p1, p2 = w.person([a.removeprefix("Thường trực ")]), w.person([b])
        lead = (f"{when}, tại {venue}, {w.org(a)} đã làm việc với {w.org(b)}. Tham dự có: "
                f"{w.named(p1, False)}, {w.named(p2, False)}…")
    elif kind == 1:
        council, n = w.local[1], rng.randint(5, 30)
        head = f"Kỳ họp thứ {n} {w.org(council)} khóa XIII"
        p1, p2, p3 = w.person([w.party, council]), w.person([council]), w.person([w.local[2]])
        lead = (f"{when}, tại {venue}, {w.org(council)} khóa XIII, nhiệm kỳ 2021 - 2026 tiến hành Kỳ họp "
                f"thứ {n} để xem xét, quyết định một số nội dung quan trọng theo thẩm quyền.\n"
                f"Các đồng chí: {w.named(p1, True)} và {w.named(p2, True)} chủ trì kỳ họp. Tham dự kỳ họp "
                f"có {w.named(p3, False)}, lãnh đạo các sở, ngành, địa phương.")
    elif kind == 2:
        host, d = rng.choice(w.local[:3] + w.central), w.directive()
        head = f"{host} quán triệt, triển khai thực hiện {d.split(' về ')[0]}"
        p1, p2 = w.person([host]), w.person(rng.sample(w.central, 1))
        lead = (f"{when}, {w.org(host)} tổ chức Hội nghị quán triệt, triển khai thực hiện {d}. "
                f"{w.named(p1)} chủ trì hội nghị. Dự hội nghị có {w.named(p2)}.")
    else:
        country = rng.choice(w.d["countries"])
        body = rng.choice(["Quốc hội", "Quốc hội", "Bộ Ngoại giao", rng.choice(w.d["ministries"])])
        p1 = w.person([body])
        envoy = f"{rng.choice(w.d['surnames'][40:])} {rng.choice(GIVEN)}"
        head = f"{p1.posts[-1]} {p1.full} tiếp Đại sứ {country}"
        lead = (f"{when}, tại {venue}, {w.named(p1, False)} đã tiếp Đại sứ {country} tại Việt Nam {envoy} "
                f"đến chào xã giao nhân dịp bắt đầu nhiệm kỳ công tác.")
    return head, lead.split("\n")


def _sentences(w: _Writer) -> list[str]:
    """The pool of body sentences one report draws from (each a fresh fill of a template)."""
    rng, y = w.rng, w.year
    org, p = (lambda: w.org(rng.choice(w.local + w.central))), w.people
    def speaker() -> Person:
        return rng.choice(p) if p and rng.random() < 0.5 else w.person([rng.choice(w.local + w.central)])
    def pct() -> str:
        return f"{rng.randint(60, 99)},{rng.randint(0, 9)}%"
    return [
        f"Theo Báo cáo về kết quả triển khai thực hiện nhiệm vụ {rng.randint(6, 9)} tháng năm {y}, "
        f"{org()} đã phối hợp với {org()} chỉ đạo các cơ quan, đơn vị đoàn kết, thống nhất, nỗ lực "
        f"phấn đấu, khắc phục khó khăn, hoàn thành tốt nhiệm vụ chính trị.",
        f"Tiếp tục lãnh đạo triển khai thực hiện {w.directive()}…",
        f"Về công tác xây dựng Đảng, {org()} phối hợp với {org()} tổ chức thành công Hội nghị học tập, "
        f"quán triệt {w.directive()} đến toàn thể cán bộ, đảng viên.",
        f"Phát biểu tại buổi làm việc, {w.named(speaker())} đánh giá cao những kết quả {org()} đạt được "
        f"trong thời gian qua, nhất là công tác tham mưu, tổng hợp và phối hợp.",
        f"{w.named(speaker(), False)} nhấn mạnh, {org()} cần tiếp tục quán triệt, thực hiện nghiêm "
        f"{w.directive()}; tăng cường kỷ luật, kỷ cương hành chính.",
        f"Kết luận buổi làm việc, {speaker().short} đề nghị {org()} tập trung rà soát các chỉ tiêu đã đề ra, "
        f"chuẩn bị tốt các điều kiện tổ chức đại hội đảng bộ các cấp.",
        f"Theo {speaker().short}, tỷ lệ giải ngân vốn đầu tư công năm {y} của {org()} ước đạt {pct()} kế "
        f"hoạch, thu ngân sách đạt {pct()} dự toán.",
        f"Cũng tại buổi làm việc, {w.named(speaker(), True)} báo cáo {org()} về tình hình triển khai "
        f"{w.directive()}.",
        f"{w.org(w.local[2])} đã trình {w.org(w.local[1])} xem xét các Tờ trình về điều chỉnh dự toán ngân "
        f"sách nhà nước năm {y}; điều chỉnh, bổ sung kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025.",
        f"{w.org(w.local[5])} được giao chủ trì, phối hợp với {w.org(w.local[6])} hướng dẫn các địa phương "
        f"thực hiện {w.directive()}.",
        "Tuy nhiên, vẫn còn một số khó khăn, vướng mắc phát sinh trong phối hợp thực hiện nhiệm vụ; việc xây "
        "dựng một số đề án, dự án còn chậm so với yêu cầu và tiến độ đề ra.",
        "Một số chi ủy, chi bộ chưa thực sự chú trọng nâng cao chất lượng sinh hoạt chi bộ, sinh hoạt chuyên "
        "đề; ghi chép biên bản sinh hoạt còn mang tính hình thức, đơn giản, sơ sài.",
        f"Các đại biểu đã thảo luận, cho ý kiến vào dự thảo Báo cáo chính trị trình Đại hội; đồng thời kiến "
        f"nghị {org()} sớm ban hành hướng dẫn về công tác nhân sự.",
        f"{_upper_first(speaker().short)} cảm ơn sự quan tâm, hỗ trợ, hướng dẫn nhiệt tình, trách nhiệm của "
        f"các thành viên trong Đoàn và khẳng định {org()} sẽ tiếp thu đầy đủ các ý kiến chỉ đạo.",
        f"Trong năm {y}, toàn {w.unit} có {rng.randint(200, 3000)} đảng viên mới được kết nạp, "
        f"{rng.randint(80, 99)}% tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm vụ.",
        f"Nâng cao hiệu quả công tác dân vận, thực hiện Quy chế dân chủ ở cơ sở; phát huy vai trò của "
        f"{w.org('Mặt trận Tổ quốc Việt Nam')} và các đoàn thể chính trị - xã hội.",
        f"Dịp này, {w.named(speaker())} đã trao Bằng khen của {org()} cho {rng.randint(3, 40)} tập thể và "
        f"cá nhân có thành tích xuất sắc.",
        "Lựa chọn nhiệm vụ trọng tâm để ban hành nghị quyết chuyên đề, sinh hoạt chuyên đề thực chất hơn, "
        "gắn liền với chức năng, nhiệm vụ của từng đơn vị.",
    ]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _restyle(text: str, rng: random.Random) -> str:
    """The surface noise of real copies: old tone marks, typos, NBSP, decomposed Unicode."""
    if rng.random() < 0.2:
        for new, old in OLD_TONES.items():
            text = text.replace(new, old)
    if rng.random() < 0.1:
        text = text.replace("kết quả", "kết qủa", 1)
    if rng.random() < 0.1:
        text = text.replace(", tại ", ",\u00a0tại ", 1).replace(" có: ", " có:\u00a0", 1)
    if rng.random() < 0.03:
        text = unicodedata.normalize("NFD", text)
    return text


def make_report(seed: int, index: int) -> Report:
    """Report number `index` of the corpus for `seed`: the same inputs give the same text."""
    rng = random.Random(f"synth-{seed}-{index}")
    year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    w = _Writer(rng, year)
    head, lead = _lead(w, day, month)
    byline = rng.choice(BYLINES).format(f"{rng.choice(w.d['surnames'])} {rng.choice(MIDDLE + GIVEN)}")
    target = rng.randint(MIN_BYTES + 300, MAX_BYTES - 400)
    weekday = ["Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "Chủ nhật"][rng.randrange(7)]
    paras = [head, *([f"{weekday}, {day:02d}/{month:02d}/{year} | {rng.randint(7, 21)}:{rng.randint(0, 59):02d}"]
                     if rng.random() < 0.4 else []), *lead]
    size = sum(len(x.encode()) + 1 for x in paras)
    para: list[str] = []
    pool: list[str] = []
    used: set[str] = set()
    while size < target:
        if not pool:
            pool = _sentences(w)
            rng.shuffle(pool)
        sentence = pool.pop()
        if sentence in used:  # fixed sentences appear once; templates with slots refill freshly
            continue
        used.add(sentence)
        if size + len(sentence.encode()) + 2 > MAX_BYTES - len(byline.encode()) - 8:
            break
        para.append(sentence)
        size += len(sentence.encode()) + 1
        if len(para) >= rng.randint(2, 6):
            paras.append(" ".join(para))
            para = []
    if para:
        paras.append(" ".join(para))
    noise, keep = rng.random(), len(paras)
    text = _restyle("\n\n".join([*paras, byline]) + "\n", random.Random(noise))
    while len(text.encode()) > MAX_BYTES and keep > 2:  # decomposed text is longer: drop paragraphs
        keep -= 1
        text = _restyle("\n\n".join([*paras[:keep], byline]) + "\n", random.Random(noise))
    return Report(f"synth-{seed}-{index:05d}", f"{year}-{month:02d}-{day:02d}", text)


def generate(n: int, seed: int = 0) -> Iterator[Report]:
    for i in range(n):
        yield make_report(seed, i)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", type=int, default=10, help="how many reports (default 10)")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    ap.add_argument("--out", type=Path, help="folder to write <id>.txt files into; else print to stdout")
    args = ap.parse_args()
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    for report in generate(args.reports, args.seed):
        if args.out:
            (args.out / f"{report.id}.txt").write_text(report.text, encoding="utf-8")
        else:
            print(f"===== {report.id} ({report.date}, {len(report.text.encode())} bytes)\n{report.text}")


if __name__ == "__main__":
    main()
