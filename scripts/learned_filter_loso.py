"""Learned entity filter over kg's rule output, measured leave-one-set-out against the rules alone.

Question: does a small learned model that drops entities it predicts spurious (plus every relation
touching them) raise kg's end-to-end entity and relation F1 on real news, over the frozen rules?

What this script does, deterministically (fixed seeds, no network):

1. For each frozen tag (``real-gold-first-run`` for real1-3, ``real4-first-run`` for real4) it adds a
   git worktree of the repo at ``/tmp/kg_at_<tag>``, runs ``python -m kg extract FILE --format jsonl``
   there (the worktree's code, checked via ``kg.__file__``) on every report of every gold set, caches
   the outputs under ``/tmp/kg_learned_filter_cache/<commit>/`` and removes the worktrees again.
2. Labels every Person/Organization/Location/Event/Directive entity the rules output: spurious
   when it matches no gold entity, required or optional (``entity_matches`` of ``../shared/eval/score.py``).
3. Cheap run-time features per entity (type, name shape, mentions, capitalisation, position in the
   report, relations and their confidences, hashed first/last word, prefix/suffix of another entity).
4. Fold k in real1..real4: outputs of ALL sets at set k's tag; a logistic regression (primary; a
   small gradient-boosted model is reported as a secondary check) is trained on all other sets (the
   other three real sets + the dev gold + heldout, heldout2, heldout3). The drop threshold is chosen on
   the training sets only: out-of-fold probabilities from an inner leave-one-set-out, threshold
   maximising the mean of pooled entity F1 and relation F1 end to end on those training documents
   (a threshold above 1 = drop nothing is allowed). The model is then refit on all training sets and
   applied to set k.
5. Scores rules vs rules+filter per fold with score.py (subprocess, --json), pools the 4 folds, and
   runs a paired bootstrap over the 32 documents (1,000 resamples, seed 0) of the pooled F1 differences.

Run from the repo: ``.venv/bin/python scripts/learned_filter_loso.py`` (needs scikit-learn in the venv).
Writes ``/tmp/kg_learned_filter_cache/results.json`` and prints the tables.
"""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import unicodedata
import zlib
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
FIXTURES = REPO / "tests" / "fixtures"
PYTHON = sys.executable
CACHE = Path("/tmp/kg_learned_filter_cache")
SEED = 0
N_BOOT = 1000
SCORED = ("Person", "Organization", "Location", "Event", "Directive")
REL_TYPES = ("HOLDS_POSITION", "ATTENDED", "PARTICIPATED_IN", "HELD_AT", "PART_OF",
             "REPORTS_TO", "ISSUED_BY", "IMPLEMENTS", "APPLIES_TO", "AUTHORED")
EVAL_SETS = ("real1", "real2", "real3", "real4")
TRAIN_ONLY = ("dev", "heldout", "heldout2", "heldout3")
FOLD_TAG = {"real1": "real-gold-first-run", "real2": "real-gold-first-run",
            "real3": "real-gold-first-run", "real4": "real4-first-run"}
THRESHOLDS = [round(x, 2) for x in np.arange(0.30, 0.96, 0.05)] + [1.01]
HASH_BUCKETS = 16

_spec = importlib.util.spec_from_file_location("kg_eval_score", SHARED / "eval" / "score.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


# ---------------------------------------------------------------- data

def gold_sets() -> dict[str, list[tuple[Path, Path]]]:
    """Set name -> [(gold json, report text)]."""
    sets: dict[str, list[tuple[Path, Path]]] = {}
    for name in EVAL_SETS:
        sets[name] = [(g, SHARED / "corpus-news" / json.loads(g.read_text("utf-8"))["doc"])
                      for g in sorted((FIXTURES / name).glob("*.json"))]
    sets["dev"] = [(g, SHARED / "corpus" / json.loads(g.read_text("utf-8"))["doc"])
                   for g in sorted((SHARED / "eval" / "gold").glob("*.json"))]
    for name in ("heldout", "heldout2", "heldout3"):
        rows = []
        for g in sorted((FIXTURES / name).glob("*.json")):
            doc = json.loads(g.read_text("utf-8"))["doc"]
            text = FIXTURES / name / "corpus" / doc
            rows.append((g, text if text.exists() else FIXTURES / name / doc))
        sets[name] = rows
    for rows in sets.values():
        for g, t in rows:
            assert g.exists() and t.exists(), (g, t)
    return sets


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], check=True, capture_output=True, text=True).stdout.strip()


def extract_all(sets: dict, tag: str) -> Path:
    """Run the extractor frozen at `tag` on every report; return the cache folder of its outputs."""
    commit = git("rev-parse", f"{tag}^{{commit}}")
    out_dir = CACHE / commit
    todo = [(name, g, t) for name, rows in sets.items() for g, t in rows
            if not (out_dir / name / f"{g.stem}.jsonl").exists()]
    if not todo:
        return out_dir
    tree = Path(f"/tmp/kg_at_{tag}")
    added = False
    if not tree.exists():
        git("worktree", "add", "--detach", str(tree), commit)
        added = True
    try:
        assert git("-C", str(tree), "rev-parse", "HEAD") == commit
        where = subprocess.run([PYTHON, "-c", "import kg; print(kg.__file__)"], cwd=tree, check=True,
                               capture_output=True, text=True).stdout.strip()
        assert Path(where).resolve().is_relative_to(tree.resolve()), f"kg imported from {where}, not {tree}"
        for name, g, t in todo:
            res = subprocess.run([PYTHON, "-m", "kg", "extract", str(t), "--format", "jsonl"], cwd=tree,
                                 check=True, capture_output=True, text=True)
            (out_dir / name).mkdir(parents=True, exist_ok=True)
            (out_dir / name / f"{g.stem}.jsonl").write_text(res.stdout, "utf-8")
    finally:
        if added:
            git("worktree", "remove", "--force", str(tree))
    return out_dir


# ---------------------------------------------------------------- features

def _hash(word: str, salt: str) -> int:
    return zlib.crc32(f"{salt}:{word}".encode()) % HASH_BUCKETS


def _capitalised(text: str) -> bool:
    words = [w for w in re.findall(r"\w+", text) if not w.isdigit()]
    return bool(words) and all(w[0].isupper() for w in words)


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


FEATURE_NAMES: list[str] = (
    [f"type={t}" for t in SCORED]
    + ["n_words", "n_chars", "n_aliases", "has_digit", "name_capitalised", "alias_upper",
       "n_mentions", "n_distinct_surfaces", "frac_surface_capitalised", "any_surface_upper", "surface_name_ratio",
       "first_pos", "only_first_line", "only_head_3_lines", "only_last_2_lines", "frac_head_or_tail",
       "has_date", "is_main", "n_props",
       "n_rel", "has_rel", "max_conf", "mean_conf"]
    + [f"rel_{d}={r}" for r in REL_TYPES for d in ("src", "tgt")]
    + ["prefix_of_other", "suffix_of_other", "other_is_prefix", "other_is_suffix", "same_name_other",
       "n_same_type_in_doc", "log_doc_len"]
    + [f"first_word#{i}" for i in range(HASH_BUCKETS)]
    + [f"last_word#{i}" for i in range(HASH_BUCKETS)]
)


def load_jsonl(path: Path) -> tuple[list[dict], list[dict]]:
    return score.load_system(str(path))


def doc_features(text: str, entities: list[dict], relations: list[dict]) -> list[tuple[dict, list[float]]]:
    """Feature vectors of the scored entities of one report, in output order."""
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    head1, head3, tail2 = set(nonempty[:1]), set(nonempty[:3]), set(nonempty[-2:])

    def line_of(offset: int) -> int:
        return int(np.searchsorted(starts, offset, side="right") - 1)

    scored = [e for e in entities if e.get("type") in SCORED]
    norms = {e["id"]: score.normalize(e.get("name", "")) for e in scored}
    rel_by: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    for r in relations:
        conf = float(r.get("confidence") or 0.0)
        rel_by[r.get("source")].append(("src", r.get("type"), conf))
        rel_by[r.get("target")].append(("tgt", r.get("type"), conf))
    type_count: dict[str, int] = defaultdict(int)
    for e in scored:
        type_count[e["type"]] += 1

    out = []
    for e in scored:
        name = e.get("name", "")
        words = name.split()
        aliases = e.get("aliases") or []
        ev = e.get("evidence") or []
        surfaces = [x.get("text", "") for x in ev]
        ev_lines = {line_of(int(x.get("start", 0))) for x in ev}
        props = e.get("props") or {}
        rels = rel_by.get(e["id"], [])
        confs = [c for _, _, c in rels]
        me = norms[e["id"]]
        others = [(o, norms[o["id"]]) for o in scored if o["id"] != e["id"]]
        prefix_of = any(n != me and n.startswith(me + " ") for _, n in others)
        suffix_of = any(n != me and n.endswith(" " + me) for _, n in others)
        other_prefix = any(n and n != me and me.startswith(n + " ") for _, n in others)
        other_suffix = any(n and n != me and me.endswith(" " + n) for _, n in others)
        same_name = any(n == me for o, n in others if o["type"] == e["type"])
        row = [float(e["type"] == t) for t in SCORED]
        row += [
            len(words), len(name), len(aliases), float(bool(re.search(r"\d", name))), float(_capitalised(name)),
            float(any(_upper(a) for a in aliases)),
            len(ev), len(set(surfaces)),
            (sum(_capitalised(s) for s in surfaces) / len(surfaces)) if surfaces else 0.0,
            float(any(_upper(s) for s in surfaces)),
            (np.mean([len(s) for s in surfaces]) / max(len(name), 1)) if surfaces else 0.0,
            (min(int(x.get("start", 0)) for x in ev) / max(len(text), 1)) if ev else 1.0,
            float(bool(ev_lines) and ev_lines <= head1), float(bool(ev_lines) and ev_lines <= head3),
            float(bool(ev_lines) and ev_lines <= tail2),
            (len(ev_lines & (head3 | tail2)) / len(ev_lines)) if ev_lines else 0.0,
            float("date" in props), float(bool(props.get("main"))), len(props),
            len(rels), float(bool(rels)), max(confs, default=0.0), float(np.mean(confs)) if confs else 0.0,
        ]
        row += [sum(1 for d, t, _ in rels if d == side and t == r) for r in REL_TYPES for side in ("src", "tgt")]
        row += [float(prefix_of), float(suffix_of), float(other_prefix), float(other_suffix), float(same_name),
                type_count[e["type"]], float(np.log1p(len(text)))]
        first = unicodedata.normalize("NFC", words[0].lower()) if words else ""
        last = unicodedata.normalize("NFC", words[-1].lower()) if words else ""
        hashed = [0.0] * (2 * HASH_BUCKETS)
        hashed[_hash(first, "f")] = 1.0
        hashed[HASH_BUCKETS + _hash(last, "l")] = 1.0
        row += hashed
        out.append((e, row))
    return out


class Doc:
    """One report: gold, rule output, features and labels of its scored entities."""

    def __init__(self, set_name: str, gold_path: Path, text_path: Path, system_path: Path) -> None:
        self.set_name, self.gold_path, self.system_path = set_name, gold_path, system_path
        self.key = f"{set_name}/{gold_path.stem}"
        self.gold = json.loads(gold_path.read_text("utf-8"))
        self.entities, self.relations = load_jsonl(system_path)
        rows = doc_features(text_path.read_text("utf-8"), self.entities, self.relations)
        self.ids = [e["id"] for e, _ in rows]
        self.X = np.array([r for _, r in rows], dtype=float).reshape(len(rows), len(FEATURE_NAMES))
        self.y = np.array([0 if any(score.entity_matches(g, e) for g in self.gold["entities"]) else 1
                           for e, _ in rows], dtype=int)

    def filtered(self, drop: set[str]) -> tuple[list[dict], list[dict]]:
        ents = [e for e in self.entities if e["id"] not in drop]
        rels = [r for r in self.relations if r.get("source") not in drop and r.get("target") not in drop]
        return ents, rels


def tallies(doc: Doc, drop: set[str]) -> tuple:
    """score.py's per-document tallies of the output with `drop` removed (in memory, same code)."""
    ents, rels = doc.filtered(drop)
    orig = score.load_system
    score.load_system = lambda _path: (ents, rels)
    try:
        te, tr = score.Tally(), score.Tally()
        score.score_document(doc.gold, "<memory>", te, tr, [])
    finally:
        score.load_system = orig
    return te, tr


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def counts(tally_list: list, kind: str | None = None) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for t in tally_list:
        if kind is None:
            tp += sum(t.tp.values())
            fp += sum(t.fp.values())
            fn += sum(t.fn.values())
        else:
            tp, fp, fn = tp + t.tp[kind], fp + t.fp[kind], fn + t.fn[kind]
    return tp, fp, fn


# ---------------------------------------------------------------- model

def make_model(kind: str):
    if kind == "logreg":
        return make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=5000, random_state=SEED))
    return HistGradientBoostingClassifier(max_depth=3, max_iter=150, learning_rate=0.05, min_samples_leaf=10,
                                          l2_regularization=1.0, random_state=SEED)


def stack(docs: list[Doc]) -> tuple[np.ndarray, np.ndarray]:
    return np.vstack([d.X for d in docs]), np.concatenate([d.y for d in docs])


def drops(doc: Doc, proba: np.ndarray, threshold: float) -> set[str]:
    return {i for i, p in zip(doc.ids, proba, strict=True) if p > threshold}


def choose_threshold(train: list[Doc], kind: str) -> float:
    """Inner leave-one-set-out on the training sets: out-of-fold probabilities, best end-to-end threshold."""
    oof: dict[str, np.ndarray] = {}
    for held in sorted({d.set_name for d in train}):
        fit_docs = [d for d in train if d.set_name != held]
        model = make_model(kind).fit(*stack(fit_docs))
        for d in train:
            if d.set_name == held:
                oof[d.key] = model.predict_proba(d.X)[:, 1] if len(d.ids) else np.zeros(0)
    best, best_val = 1.01, -1.0
    for th in sorted(THRESHOLDS, reverse=True):  # ties go to the more conservative threshold
        te, tr = zip(*(tallies(d, drops(d, oof[d.key], th)) for d in train), strict=True)
        val = (prf(*counts(te))[2] + prf(*counts(tr))[2]) / 2
        if val > best_val + 1e-12:
            best, best_val = th, val
    return best


def run_score_py(pairs: list[tuple[Path, Path]]) -> dict:
    args = [str(x) for pair in pairs for x in pair]
    res = subprocess.run([PYTHON, str(SHARED / "eval" / "score.py"), *args, "--json"], check=True,
                         capture_output=True, text=True)
    return json.loads(res.stdout)


def write_jsonl(path: Path, ents: list[dict], rels: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for obj in ents + rels:
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- experiment

def fold_run(k: str, docs: list[Doc], kind: str, out_dir: Path) -> dict:
    train = [d for d in docs if d.set_name != k]
    test = [d for d in docs if d.set_name == k]
    threshold = choose_threshold(train, kind)
    model = make_model(kind).fit(*stack(train))
    per_doc = {}
    pairs_rules, pairs_filt = [], []
    n_dropped = n_dropped_spurious = 0
    all_proba = []
    for d in test:
        proba = model.predict_proba(d.X)[:, 1] if len(d.ids) else np.zeros(0)
        all_proba.append(proba)
        drop = drops(d, proba, threshold)
        n_dropped += len(drop)
        n_dropped_spurious += sum(1 for i, y in zip(d.ids, d.y, strict=True) if i in drop and y == 1)
        path = out_dir / kind / k / f"{d.gold_path.stem}.jsonl"
        write_jsonl(path, *d.filtered(drop))
        pairs_rules.append((d.gold_path, d.system_path))
        pairs_filt.append((d.gold_path, path))
        per_doc[d.key] = {"rules": tallies(d, set()), "filter": tallies(d, drop)}
    y_test, p_test = np.concatenate([d.y for d in test]), np.concatenate(all_proba)
    return {"threshold": threshold, "auc": float(roc_auc_score(y_test, p_test)),
            "ap": float(average_precision_score(y_test, p_test)),
            "n_train_entities": int(sum(len(d.ids) for d in train)),
            "n_dropped": n_dropped, "n_dropped_spurious": n_dropped_spurious,
            "n_test_entities": int(sum(len(d.ids) for d in test)),
            "n_test_spurious": int(sum(d.y.sum() for d in test)),
            "score_rules": run_score_py(pairs_rules), "score_filter": run_score_py(pairs_filt), "per_doc": per_doc}


def bootstrap(per_doc: dict, seed: int = SEED) -> dict:
    keys = sorted(per_doc)
    arr = {}
    for system in ("rules", "filter"):
        for part, idx in (("ent", 0), ("rel", 1)):
            arr[system, part] = np.array([counts([per_doc[k][system][idx]]) for k in keys], dtype=float)
    rng = np.random.default_rng(seed)
    diffs = {"ent": [], "rel": []}
    for _ in range(N_BOOT):
        sample = rng.integers(0, len(keys), len(keys))
        for part in ("ent", "rel"):
            f = [prf(*arr[system, part][sample].sum(axis=0))[2] for system in ("rules", "filter")]
            diffs[part].append(f[1] - f[0])
    out = {}
    for part in ("ent", "rel"):
        v = np.array(diffs[part])
        point = (prf(*arr["filter", part].sum(axis=0))[2] - prf(*arr["rules", part].sum(axis=0))[2])
        out[part] = {"point": point, "mean": float(v.mean()), "lo": float(np.percentile(v, 2.5)),
                     "hi": float(np.percentile(v, 97.5)), "p_le_0": float((v <= 0).mean())}
    return out


def fmt(c: tuple[int, int, int]) -> str:
    p, r, f = prf(*c)
    return f"{p:.3f} {r:.3f} {f:.3f}"


def main() -> int:
    sets = gold_sets()
    results: dict = {"folds": {}, "pooled": {}}
    docs_by_tag: dict[str, list[Doc]] = {}
    for tag in sorted(set(FOLD_TAG.values())):
        out_dir = extract_all(sets, tag)
        docs_by_tag[tag] = [Doc(name, g, t, out_dir / name / f"{g.stem}.jsonl")
                            for name, rows in sets.items() for g, t in rows]
        ys = np.concatenate([d.y for d in docs_by_tag[tag]])
        print(f"{tag}: {len(docs_by_tag[tag])} reports, {len(ys)} scored entities, {ys.mean():.1%} spurious")
        for name in sets:
            y = np.concatenate([d.y for d in docs_by_tag[tag] if d.set_name == name])
            print(f"  {name:9} {len(y):4} entities, {y.sum():3} spurious ({y.mean():.1%})")
    for kind in ("logreg", "gbt"):
        pooled: dict = {}
        print(f"\n=== model: {kind} ===")
        print(f"{'fold':6} {'thr':>5} {'drop':>9}  {'entity P R F1 rules':>20} | {'+filter':>17}  ||"
              f" {'relation P R F1 rules':>21} | {'+filter':>17}")
        for k in EVAL_SETS:
            tag = FOLD_TAG[k]
            res = fold_run(k, docs_by_tag[tag], kind, CACHE / "filtered" / tag)
            # the in-memory tallies must agree with score.py run end to end
            for system, key in (("rules", "score_rules"), ("filter", "score_filter")):
                for idx, part in ((0, "entities"), (1, "relations")):
                    c = counts([v[system][idx] for v in res["per_doc"].values()])
                    a = res[key][part]["ALL"]
                    assert c == (a["tp"], a["fp"], a["fn"]), (k, system, part, c, a)
            pooled.update(res["per_doc"])
            row = {s: [counts([v[s][i] for v in res["per_doc"].values()]) for i in (0, 1)] for s in ("rules", "filter")}
            print(f"{k:6} {res['threshold']:>5} {res['n_dropped']:>3}({res['n_dropped_spurious']:>2}sp)  "
                  f"{fmt(row['rules'][0]):>20} | {fmt(row['filter'][0]):>17}  || "
                  f"{fmt(row['rules'][1]):>21} | {fmt(row['filter'][1]):>17}"
                  f"  [test spurious {res['n_test_spurious']}/{res['n_test_entities']}, AUC {res['auc']:.3f},"
                  f" AP {res['ap']:.3f}]")
            results["folds"].setdefault(kind, {})[k] = {
                "threshold": res["threshold"], "auc": res["auc"], "ap": res["ap"], "n_dropped": res["n_dropped"],
                "n_dropped_spurious": res["n_dropped_spurious"], "n_test_entities": res["n_test_entities"],
                "n_test_spurious": res["n_test_spurious"],
                "rules": res["score_rules"], "filter": res["score_filter"]}
        row = {s: [counts([v[s][i] for v in pooled.values()]) for i in (0, 1)] for s in ("rules", "filter")}
        print(f"{'pooled':6} {'':>5} {'':>9}  {fmt(row['rules'][0]):>20} | {fmt(row['filter'][0]):>17}  || "
              f"{fmt(row['rules'][1]):>21} | {fmt(row['filter'][1]):>17}")
        boot = bootstrap(pooled)
        for part, label in (("ent", "entity F1"), ("rel", "relation F1")):
            b = boot[part]
            print(f"  {label} diff: point {b['point']:+.4f}, bootstrap mean {b['mean']:+.4f}, "
                  f"95% CI [{b['lo']:+.4f}, {b['hi']:+.4f}], P(diff<=0) {b['p_le_0']:.2f}")
        per_type = {}
        print("  per-type entity P / R (rules -> +filter), pooled:")
        for t in SCORED:
            c0 = counts([v["rules"][0] for v in pooled.values()], t)
            c1 = counts([v["filter"][0] for v in pooled.values()], t)
            p0, r0, f0 = prf(*c0)
            p1, r1, f1 = prf(*c1)
            per_type[t] = {"rules": {"tp": c0[0], "fp": c0[1], "fn": c0[2], "p": p0, "r": r0, "f1": f0},
                           "filter": {"tp": c1[0], "fp": c1[1], "fn": c1[2], "p": p1, "r": r1, "f1": f1}}
            print(f"    {t:13} P {p0:.3f} -> {p1:.3f}  R {r0:.3f} -> {r1:.3f}  F1 {f0:.3f} -> {f1:.3f}"
                  f"  (fp {c0[1]} -> {c1[1]}, fn {c0[2]} -> {c1[2]})")
        results["pooled"][kind] = {
            "rules": {"entities": row["rules"][0], "relations": row["rules"][1]},
            "filter": {"entities": row["filter"][0], "relations": row["filter"][1]},
            "bootstrap": boot, "per_type": per_type}
    # what the primary model leans on, fit on every set at the latest tag (for the write-up only)
    docs = docs_by_tag[FOLD_TAG["real4"]]
    model = make_model("logreg").fit(*stack(docs))
    coefs = model[-1].coef_[0]
    top = sorted(zip(FEATURE_NAMES, coefs, strict=True), key=lambda x: -abs(x[1]))[:12]
    print("\nlogreg, all sets at real4-first-run, largest standardised coefficients (+ = spurious):")
    for name, c in top:
        print(f"  {name:26} {c:+.3f}")
    results["top_coefficients"] = [[n, float(c)] for n, c in top]
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
