"""Draw the reports for an own real gold set from ../shared/corpus-news, by named strata and a fixed seed.

The draw is made *before* kg is run on the reports, so the set measures text kg has not seen. Reports
that any gold folder under tests/fixtures already holds are never drawn (`--exclude` adds others).
Strata are outlet group × period × genre (genre from words in the title); each set takes one
report per (genre, outlet group) cell in turn, round-robin, so no one outlet or genre dominates.

    python scripts/sample_gold.py --seed 12 --period 2025-2026 --n 8 --exclude tests/fixtures/real1
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus-news"

# Genre words, checked in this order on the title; a title matching none is out of the genre.
GENRES: dict[str, str] = {
    "appointments": r"bổ nhiệm|điều động|bầu .*(chủ tịch|bí thư|giám đốc)|nhận nhiệm vụ|miễn nhiệm|kỷ luật|cách chức"
    r"|giữ chức|tân (bộ trưởng|chủ tịch|bí thư|giám đốc)",
    "national_assembly": r"quốc hội|đại biểu|ĐBQH|kỳ họp|UBTVQH|chất vấn",
    "party": r"Đảng|Bí thư|Tỉnh ủy|Thành ủy|Bộ Chính trị|Ban Bí thư|Trung ương|Huyện ủy|Đảng ủy",
    "government": r"Chính phủ|Thủ tướng|Bộ trưởng|Thứ trưởng|\bBộ [A-ZĐ]|Chủ tịch nước|nghị định|chỉ thị",
    "provinces_communes": r"UBND|HĐND|Chủ tịch (tỉnh|TP|thành phố|UBND)|\btỉnh\b|\bxã\b|\bphường\b|\bhuyện\b|Sở ",
}
MIN_CHARS, MAX_CHARS = 1200, 5500  # long enough to hold a meeting, short enough to annotate by hand


def outlet(row: dict[str, str]) -> str:
    host = re.sub(r"^https?://(www\.)?", "", row["url"]).split("/")[0]
    return host or row["repo"].split("/")[0]


def period(row: dict[str, str]) -> str:
    year = re.search(r"(20\d\d)", row["date"] or "")
    if not year:
        # VietNews carries no dates; its note places it in about 2016-2019.
        return "2012-2023" if "vietnews" in row["repo"] else "undated"
    y = int(year.group(1))
    # 2025-2026 is after the reorganisation of the Party and State (ministries merged from
    # March 2025, provinces and communes from July 2025).
    return "2025-2026" if y >= 2025 else "2024" if y == 2024 else "2012-2023"


def genre(title: str) -> str | None:
    for name, pattern in GENRES.items():
        if re.search(pattern, title, re.IGNORECASE):
            return name
    return None


def dev_texts() -> list[set[str]]:
    """Word 5-grams of the shared dev reports: a news report reprinted there is not drawn again."""
    return [shingles(p.read_text(encoding="utf-8")) for p in (CORPUS.parent / "corpus").glob("*.txt")]


def shingles(text: str) -> set[str]:
    words = text.split()
    return {" ".join(words[i : i + 5]) for i in range(len(words) - 4)}


def draw(seed: int, periods: list[str], n: int, exclude: set[str]) -> list[dict[str, str]]:
    rows = list(csv.DictReader((CORPUS / "SOURCES.tsv").open(encoding="utf-8"), delimiter="\t"))
    cells: dict[tuple[str, str], list[dict[str, str]]] = {}
    dev = dev_texts()
    for row in rows:
        size = (CORPUS / row["file"]).stat().st_size
        g = genre(row["title"] or "")
        if row["file"] in exclude or g is None or not MIN_CHARS <= size <= MAX_CHARS:
            continue
        if period(row) not in periods:
            continue
        own = shingles((CORPUS / row["file"]).read_text(encoding="utf-8"))
        if any(len(own & d) > 0.3 * len(own) for d in dev):
            continue
        cells.setdefault((g, outlet(row)), []).append(row)
    rng = random.Random(seed)
    for key in sorted(cells):
        rng.shuffle(cells[key])
    picked: list[dict[str, str]] = []
    # Round-robin over genres, and within a genre over outlets in a seeded order.
    order = {g: sorted({o for (gg, o) in cells if gg == g}) for g in GENRES}
    for outlets in order.values():
        rng.shuffle(outlets)
    turn = 0
    while len(picked) < n and any(cells.values()):
        for g in GENRES:
            outlets = [o for o in order[g] if cells.get((g, o))]
            if not outlets or len(picked) >= n:
                continue
            o = outlets[turn % len(outlets)]
            row = cells[(g, o)].pop()
            row["genre"], row["outlet"] = g, o
            picked.append(row)
        turn += 1
    return picked


def already_drawn(fixtures: Path) -> set[str]:
    """Report files of every gold folder under `fixtures`: listed in a SAMPLE.tsv or annotated."""
    drawn = {p.stem + ".txt" for p in fixtures.glob("*/*.json")}
    for sample in fixtures.glob("*/SAMPLE.tsv"):
        drawn |= {line.split("\t")[0] for line in sample.read_text(encoding="utf-8").splitlines()[1:] if line}
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--period", choices=["2012-2023", "2024", "2025-2026", "undated"], nargs="+", required=True)
    parser.add_argument("--n", type=int, default=8)
    parser.add_argument("--exclude", type=Path, nargs="*", default=[], help="gold folders whose reports to skip")
    args = parser.parse_args()
    exclude = {line.split("\t")[0] for d in args.exclude for line in (d / "SAMPLE.tsv").read_text().splitlines()[1:]}
    # every report any gold set of the project already holds, named or not (real32's draw forgot two)
    exclude |= already_drawn(ROOT / "tests" / "fixtures")
    print("file\tgenre\toutlet\tdate\ttitle")
    for row in draw(args.seed, args.period, args.n, exclude):
        print(f"{row['file']}\t{row['genre']}\t{row['outlet']}\t{row['date']}\t{row['title']}")


if __name__ == "__main__":
    main()
