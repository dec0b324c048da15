"""Scoring extractions against gold annotations (the protocol of shared/eval/score.py).

The matching rules are the evaluation protocol, reproduced exactly so that `kg eval` and the
independent scorer agree: names compared after NFC, lower case, the protocol's abbreviation list,
tone placement ignored; directives on (kind, number); events on date when both have one, else on
word overlap; a second system entity matching the same gold entity is a duplicate.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError

SCORED_ENTITY_TYPES = {"Person", "Organization", "Directive", "Event", "Location"}
SCORED_RELATION_TYPES = {
    "HOLDS_POSITION", "ATTENDED", "PARTICIPATED_IN", "HELD_AT", "PART_OF",
    "REPORTS_TO", "ISSUED_BY", "IMPLEMENTS", "APPLIES_TO", "AUTHORED",
}
_PROTOCOL_ABBREVIATIONS = {
    "qh": "quốc hội", "vpqh": "văn phòng quốc hội", "ubtvqh": "ủy ban thường vụ quốc hội",
    "đbqh": "đại biểu quốc hội", "hđnd": "hội đồng nhân dân", "ubnd": "ủy ban nhân dân",
    "tw": "trung ương", "bch": "ban chấp hành", "mttq": "mặt trận tổ quốc",
    "ubmttq": "ủy ban mặt trận tổ quốc", "tp": "thành phố", "tphcm": "thành phố hồ chí minh",
    "tp.hcm": "thành phố hồ chí minh", "bct": "bộ chính trị", "ubkt": "ủy ban kiểm tra",
    "đuk": "đảng ủy khối", "ct": "chỉ thị", "nq": "nghị quyết", "qđ": "quyết định",
}
_TONES = {"\u0300": "1", "\u0301": "2", "\u0303": "3", "\u0309": "4", "\u0323": "5"}
_KINDS = ("chỉ thị|nghị quyết|quyết định|kết luận|quy định|nghị định|thông tư|luật|công văn|"
          "hướng dẫn|thông báo|pháp lệnh")
_DIRECTIVE = re.compile(rf"({_KINDS})\s*(?:số\s*)?0*(\d+)")


def _syllable(s: str) -> str:
    d = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES)) + "".join(
        _TONES.get(c, "") for c in d)


def protocol_name(name: str) -> str:
    text = unicodedata.normalize("NFC", name).lower().replace("qủa", "quả")
    words: list[str] = []
    for tok in re.findall(r"[\w.]+", text):
        tok = tok.strip(".")
        if tok:
            words.extend(_PROTOCOL_ABBREVIATIONS.get(tok, tok).split())
    if words and words[0] in ("các", "những"):
        words = words[1:]
    return " ".join(_syllable(w) for w in words)


def _directive_key(name: str) -> tuple[str, str] | None:
    m = _DIRECTIVE.search(unicodedata.normalize("NFC", name).lower())
    return (m.group(1), str(int(m.group(2)))) if m else None


def _names(e: dict[str, Any]) -> list[str]:
    return [e.get("name", ""), *list(e.get("aliases") or [])]


def entity_matches(gold: dict[str, Any], system: dict[str, Any]) -> bool:
    if gold["type"] != system.get("type"):
        return False
    if gold["type"] == "Directive":
        keys = {_directive_key(n) for n in _names(gold)} - {None}
        if keys:
            return bool(keys & {_directive_key(n) for n in _names(system)})
    if gold["type"] == "Event":
        gd, sd = gold.get("date"), (system.get("props") or {}).get("date") or system.get("date")
        if gd and sd:
            return str(sd).startswith(gd)
        gw, sw = set(protocol_name(gold["name"]).split()), set(protocol_name(system.get("name", "")).split())
        return bool(gw | sw) and len(gw & sw) / len(gw | sw) >= 0.5
    return bool({protocol_name(n) for n in _names(gold)} & {protocol_name(n) for n in _names(system)})


@dataclass
class Tally:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def table(self) -> dict[str, dict[str, float]]:
        out = {}
        for kind in [*sorted(set(self.tp) | set(self.fp) | set(self.fn)), "ALL"]:
            if kind == "ALL":
                tp, fp, fn = (sum(d.values()) for d in (self.tp, self.fp, self.fn))
            else:
                tp, fp, fn = self.tp[kind], self.fp[kind], self.fn[kind]
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[kind] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3),
                         "f1": round(f, 3)}
        return out


@dataclass
class EvalResult:
    entities: Tally = field(default_factory=Tally)
    relations: Tally = field(default_factory=Tally)
    log: list[str] = field(default_factory=list)


def score_document(gold: dict[str, Any], records: list[dict[str, Any]], result: EvalResult) -> None:
    ents, rels, log = result.entities, result.relations, result.log
    sys_ents = [r for r in records if r.get("kind") == "entity"]
    sys_rels = [r for r in records if r.get("kind") == "relation"]
    golds = {g["id"]: g for g in gold["entities"]}
    by_id: dict[str, set[str]] = {}
    absorbed: set[str] = set()
    for se in sys_ents:
        # (in the gold's order: a set's would break ties between gold entities of one surface by the process's
        # string hashes, so one extraction scored twice could differ)
        matched = [gid for gid, g in golds.items() if entity_matches(g, se)]
        if se.get("type") == "Document":
            matched.append("DOC")
        by_id[se["id"]] = set(matched)
        if se.get("type") not in SCORED_ENTITY_TYPES:
            continue
        required = [gid for gid in matched if not golds[gid].get("optional")]
        if required:
            fresh = [gid for gid in required if gid not in absorbed]
            if fresh:
                absorbed.add(fresh[0])
                ents.tp[se["type"]] += 1
            else:
                ents.fp[se["type"]] += 1
                log.append(f"  duplicate entity: {se['type']} {se.get('name')!r}")
        elif not matched:
            ents.fp[se["type"]] += 1
            log.append(f"  spurious entity: {se['type']} {se.get('name')!r}")
    for gid, g in golds.items():
        if not g.get("optional") and gid not in absorbed:
            ents.fn[g["type"]] += 1
            log.append(f"  missed entity: {g['type']} {g['name']!r}")
    gold_rels = gold["relations"]
    names = {se["id"]: se.get("name", se["id"]) for se in sys_ents}
    found: set[int] = set()
    seen: set[tuple] = set()
    for rel in sys_rels:
        kind = rel.get("type")
        if kind not in SCORED_RELATION_TYPES:
            continue
        src, dst = by_id.get(rel.get("source"), set()), by_id.get(rel.get("target"), set())
        sys_role = str((rel.get("props") or {}).get("role", ""))
        role = protocol_name(sys_role)
        hits = [i for i, g in enumerate(gold_rels) if g["type"] == kind and g["source"] in src
                and g["target"] in dst and ("role" not in g or protocol_name(g["role"]) == role)]
        key = (kind, tuple(sorted(src)), tuple(sorted(dst)), role)
        if key in seen:
            continue
        seen.add(key)
        required = [i for i in hits if not gold_rels[i].get("optional")]
        if required:
            if any(i not in found for i in required):
                found.update(required)
                rels.tp[kind] += 1
        elif not hits:
            rels.fp[kind] += 1
            log.append(f"  spurious relation: {kind} {names.get(rel.get('source'), rel.get('source'))!r}"
                       f" -> {names.get(rel.get('target'), rel.get('target'))!r}{_role_note(sys_role)}")
    for i, g in enumerate(gold_rels):
        if not g.get("optional") and i not in found:
            rels.fn[g["type"]] += 1
            src_name = golds.get(g["source"], {}).get("name", g["source"])
            dst_name = golds.get(g["target"], {}).get("name", g["target"])
            log.append(f"  missed relation: {g['type']} {src_name!r} -> {dst_name!r}"
                       f"{_role_note(str(g.get('role', '')))}")


def _role_note(role: str) -> str:
    return f" ({role})" if role else ""


def gold_files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.glob("*.json")) if p.is_dir() else [p])
    return out


def evaluate(paths: list[Path], corpus: Path | None = None) -> EvalResult:
    """Extract each gold file's report (found in `corpus`, else in a `corpus` folder next to or
    above the gold file's folder, else beside it) and score it."""
    from kg.extract import extract_file

    result = EvalResult()
    for gold_path in gold_files(paths):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            doc = gold["doc"]
        except (OSError, ValueError, KeyError) as exc:
            raise InputError(str(gold_path), f"not a gold annotation file ({exc})") from None
        folders = [corpus] if corpus else [gold_path.parent / "corpus", gold_path.parent.parent / "corpus",
                                           gold_path.parent.parent.parent / "corpus", gold_path.parent]
        report = next((f / doc for f in folders if (f / doc).exists()), (folders[0]) / doc)
        records = list(extract_file(report).records())
        result.log.append(f"{gold_path}:")
        score_document(gold, records, result)
    return result
