#!/usr/bin/env python
"""Precision and recall of the reprint finder (kg.store.reprints) on pairs built from real reports.

Reads the real news reports of ../shared/corpus-news at run time (their text is never copied into
the project) and builds:
- positives: a report and a reprint of it made the way syndication makes them: a sentence
  dropped, a sentence edited, a photo caption added, the outlet's boilerplate swapped for another
  outlet's header and footer (each kind alone, and all at once);
- negatives, two kinds: different articles about one event (the VietnameseMDS clusters: each
  cluster gathers several outlets' articles on one event), and, for every report, the other
  report that names the most of the same capitalised words (the same people, bodies and places:
  the hardest negative the corpus has).

A pair is found when the store's finder would link it: a shared LSH band and an estimated Jaccard
similarity of THRESHOLD or more. The corpus holds some true reprints itself (one article under two
titles, or inside a longer one): a negative pair whose shorter report is 80% or more inside the
longer one (difflib's matching blocks over words, independent of MinHash; checked for the pairs of
similarity 0.2 and up) is no negative, and is listed apart. Printed: precision and recall over
all pairs, recall per kind of perturbation, the similarity quantiles of each class, the linked
negatives and the true reprints found in the corpus.

    .venv/bin/python scripts/eval_reprints.py [--corpus ../shared/corpus-news] [--seed 17]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import statistics
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

from kg.store import reprints

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus-news"
MIN_WORDS = 120  # shorter reports (a few lines) are left out: one edit is a large part of them

# boilerplate and captions of invented outlets (not corpus text)
HEADERS = ["BÁO ĐIỆN TỬ TIN NHANH | Thời sự | Chính trị | Cập nhật lúc 08:15",
           "Trang chủ > Tin tức > Xã hội > Chính sách mới nhất hôm nay"]
FOOTERS = ["Bản quyền thuộc Báo điện tử Tin Nhanh. Ghi rõ nguồn khi phát hành lại thông tin từ website này. "
           "Tổng biên tập: Hoàng Văn Em. Giấy phép số 123/GP-BTTTT.",
           "Theo Cổng thông tin tổng hợp. Xem thêm tin tức thời sự mới nhất tại chuyên mục Chính trị - Xã hội. "
           "Mời bạn đọc gửi ý kiến về hòm thư của tòa soạn."]
CAPTIONS = ["Quang cảnh hội nghị. Ảnh: Minh Anh", "Các đại biểu tham dự buổi làm việc. Ảnh: TTXVN",
            "Lãnh đạo tỉnh trao quyết định cho cán bộ được bổ nhiệm (thứ hai từ trái sang). Ảnh: PV"]
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-Ỹ\"“])")
_NAME = re.compile(r"\b[A-ZÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZÀ-Ỹ][\wÀ-ỹ]*)+")


def sentences(text: str) -> list[str]:
    return [s for line in text.splitlines() for s in _SENTENCE.split(line.strip()) if s]


def _edit(sentence: str, rnd: random.Random) -> str:
    """A sentence rewritten a little: a few words dropped and two swapped."""
    words = sentence.split()
    if len(words) < 8:
        return sentence + " Đây là thông tin mới."
    for _ in range(2):
        del words[rnd.randrange(len(words))]
    i = rnd.randrange(len(words) - 1)
    words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def perturb(text: str, kind: str, rnd: random.Random) -> str:
    parts = sentences(text)
    if kind in ("drop", "all") and len(parts) > 3:
        del parts[rnd.randrange(1, len(parts))]
    if kind in ("edit", "all"):
        i = rnd.randrange(len(parts))
        parts[i] = _edit(parts[i], rnd)
    if kind in ("caption", "all"):
        parts.insert(rnd.randrange(1, len(parts)), rnd.choice(CAPTIONS))
    if kind in ("boilerplate", "all"):
        parts = [rnd.choice(HEADERS), *parts, rnd.choice(FOOTERS)]
    return "\n".join(parts)


def contained(a: str, b: str) -> float:
    """How much of the shorter text is inside the other, in words (difflib's matching blocks)."""
    wa, wb = a.split(), b.split()
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(1, min(len(wa), len(wb)))


def linked(a: bytes, b: bytes) -> bool:
    """What the store does: a shared LSH band, then the similarity checked."""
    return bool(set(reprints.band_keys(a)) & set(reprints.band_keys(b))) and \
        reprints.similarity(a, b) >= reprints.THRESHOLD


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))}
    texts = {name: t for name, t in texts.items() if len(t.split()) >= MIN_WORDS}
    sig = {name: reprints.signature(t) for name, t in texts.items()}

    kinds = ("drop", "edit", "caption", "boilerplate", "all")
    positives = []  # (kind, original signature, reprint signature)
    for name, t in texts.items():
        for kind in kinds:
            positives.append((kind, sig[name], reprints.signature(perturb(t, kind, rnd))))

    clusters: dict[str, list[str]] = defaultdict(list)
    with (args.corpus / "SOURCES.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            match = re.search(r"clusters/(cluster_\d+)/", row["path"])
            if match and row["file"] in texts:
                clusters[match.group(1)].append(row["file"])
    negatives: dict[tuple[str, str], str] = {}
    for members in clusters.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                negatives[(a, b)] = "same event (MDS cluster)"
    names = {n: set(_NAME.findall(t)) for n, t in texts.items()}
    for a in texts:
        best = max((b for b in texts if b != a), key=lambda b: (len(names[a] & names[b]), b))
        negatives.setdefault((min(a, best), max(a, best)), "most shared names")

    in_corpus = {pair for pair in negatives if reprints.similarity(sig[pair[0]], sig[pair[1]]) >= 0.2
                 and contained(texts[pair[0]], texts[pair[1]]) >= 0.8}
    for pair in in_corpus:
        del negatives[pair]
    found_pos = [(kind, linked(a, b), reprints.similarity(a, b)) for kind, a, b in positives]
    found_neg = [(pair, kind, linked(sig[pair[0]], sig[pair[1]]), reprints.similarity(sig[pair[0]], sig[pair[1]]))
                 for pair, kind in sorted(negatives.items())]
    tp = sum(hit for _, hit, _ in found_pos)
    fp = sum(hit for _, _, hit, _ in found_neg)
    same_event = sum(kind.startswith("same") for _, kind, _, _ in found_neg)
    print(f"reports: {len(texts)} (of {MIN_WORDS}+ words); positives {len(found_pos)}, negatives {len(found_neg)} "
          f"({same_event} same-event pairs)")
    print(f"shingle {reprints.SHINGLE_WORDS} words, num_perm {reprints.NUM_PERM}, threshold {reprints.THRESHOLD}, "
          f"{len(reprints._bands())} LSH bands")
    print(f"precision {tp / max(1, tp + fp):.4f}  recall {tp / len(found_pos):.4f}  (tp {tp}, fp {fp}, "
          f"fn {len(found_pos) - tp})")
    for kind in kinds:
        rows = [(hit, s) for k, hit, s in found_pos if k == kind]
        print(f"  recall {kind:12} {sum(h for h, _ in rows) / len(rows):.4f}  similarity min "
              f"{min(s for _, s in rows):.3f} median {statistics.median(s for _, s in rows):.3f}")
    for kind in sorted({k for _, k, _, _ in found_neg}):
        sims = sorted(s for _, k, _, s in found_neg if k == kind)
        print(f"  negatives {kind:26} similarity median {statistics.median(sims):.3f} "
              f"p99 {sims[int(0.99 * (len(sims) - 1))]:.3f} max {sims[-1]:.3f}")
    for (a, b), kind, hit, s in found_neg:
        if hit:
            print(f"  linked negative: {a} {b} ({kind}, similarity {s:.3f})")
    for a, b in sorted(in_corpus):
        print(f"  a true reprint in the corpus, left out of the negatives: {a} {b} (linked: "
              f"{linked(sig[a], sig[b])}, similarity {reprints.similarity(sig[a], sig[b]):.3f})")


if __name__ == "__main__":
    main()
