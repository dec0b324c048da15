"""Build data/admin_units.tsv from the PyPI package `vietnamadminunits` (MIT).

The package is a build-time dependency only (the `dev` extra): kg reads the TSV and never imports it.

    .venv/bin/pip install vietnamadminunits
    .venv/bin/python scripts/build_admin_units.py            # writes data/admin_units.tsv
    .venv/bin/python scripts/build_admin_units.py --out X.tsv

Columns (see data/README.admin.md):
  period       before (63 provinces, until 30 June 2025) | after (34 provinces, from 1 July 2025)
  level        province | district | commune
  type         the type word as Vietnamese writes it, lower case (tỉnh, thành phố, quận, huyện, thị xã,
               phường, xã, thị trấn, đặc khu)
  name         the name without the type word ("Lâm Đồng", "Phú Mỹ", "1" for "Phường 1")
  code         the statistics office code of the unit (2 digits province, 3 district, 5 commune)
  parent       full names (type word + name) of the enclosing units, nearest first, ", "-joined
  merged_from  after-reform units: the pre-reform units merged whole into this one, "|"-joined full names,
               qualified with ", district[, province]" only where the bare full name is ambiguous (as
               kg.text.name_key compares names) among the pre-reform provinces that formed this unit's province
  split_from   after-reform communes: pre-reform communes only partly merged into this one (divided ones)
"""

from __future__ import annotations

import argparse
import csv
import datetime
import logging
import unicodedata
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path

from vietnamadminunits.converter import converter_2025
from vietnamadminunits.database import query

from kg.text import name_key

log = logging.getLogger("build_admin_units")

PACKAGE = "vietnamadminunits"
COLUMNS = ["period", "level", "type", "name", "code", "parent", "merged_from", "split_from"]
# Longest first, so "Thành phố" is not read as something shorter.
TYPE_WORDS = ["Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Tỉnh", "Xã"]
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "admin_units.tsv"

Row = dict[str, str]


def split_full_name(full: str) -> tuple[str, str]:
    """("Thị trấn Ngọc Lặc") -> ("thị trấn", "Ngọc Lặc"). The type is read from the full name, which the
    package gets right where its separate type field is sometimes wrong."""
    full = unicodedata.normalize("NFC", full.strip())
    for word in TYPE_WORDS:
        if full.lower().startswith(word.lower() + " "):
            return word.lower(), full[len(word) + 1 :].strip()
    raise ValueError(f"no type word at the start of {full!r}")


def full_name(type_word: str, name: str) -> str:
    return f"{type_word[:1].upper()}{type_word[1:]} {name}"


def _check(row: Row) -> Row:
    for col in ("name", "parent"):
        if "|" in row[col] or "\t" in row[col]:
            raise ValueError(f"separator in {col}: {row!r}")
    if "," in row["name"]:
        raise ValueError(f"comma in a name: {row!r}")
    return row


def _row(period: str, level: str, full: str, code: str, parent: list[str], declared_type: str | None) -> Row:
    type_word, name = split_full_name(full)
    if declared_type and declared_type.strip().lower() != type_word:
        log.warning("%s %s: package type %r, full name says %r; using the full name", period, full, declared_type,
                    type_word)
    return _check({"period": period, "level": level, "type": type_word, "name": name, "code": code,
                   "parent": ", ".join(parent), "merged_from": "", "split_from": ""})


def build_before() -> tuple[list[Row], dict[str, Row], dict[str, Row]]:
    """Rows of the 63-province system; and lookups from the package's keys to rows:
    province key -> row, "province_district_ward" key (ward empty for a district without communes) -> row."""
    records = query("SELECT * FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode")
    rows: list[Row] = []
    by_province: dict[str, Row] = {}
    by_key: dict[str, Row] = {}
    seen_district: set[str] = set()
    for r in records:
        prov_key = r["provinceKey"]
        if prov_key not in by_province:
            by_province[prov_key] = _row("before", "province", r["province"], r["provinceCode"], [], None)
            rows.append(by_province[prov_key])
        dist_id = f"{prov_key}_{r['districtKey']}"
        if dist_id not in seen_district:
            seen_district.add(dist_id)
            drow = _row("before", "district", r["district"], r["districtCode"], [r["province"]], r["districtType"])
            rows.append(drow)
            by_key[f"{dist_id}_"] = drow
        if r["ward"]:
            wrow = _row("before", "commune", r["ward"], r["wardCode"], [r["district"], r["province"]], r["wardType"])
            rows.append(wrow)
            by_key[f"{dist_id}_{r['wardKey']}"] = wrow
    return rows, by_province, by_key


def _labels(old_rows: list[Row]) -> dict[int, str]:
    """A label per pre-reform unit: its full name, qualified with parents only as far as needed for it to be
    unique among `old_rows` as kg compares names (kg.text.name_key: "Ayun" and "AYun" are one name)."""
    out: dict[int, str] = {}
    for depth in range(3):
        counts = Counter(name_key(_label(r, depth)) for r in old_rows)
        for r in old_rows:
            if id(r) not in out and (counts[name_key(_label(r, depth))] == 1 or depth == 2):
                out[id(r)] = _label(r, depth)
    return out


def _label(row: Row, depth: int) -> str:
    parents = row["parent"].split(", ") if row["parent"] else []
    return ", ".join([full_name(row["type"], row["name"]), *parents[:depth]])


def build_after(before: list[Row], old_provinces: dict[str, Row], old_by_key: dict[str, Row]) -> list[Row]:
    records = query("SELECT * FROM admin_units ORDER BY provinceCode, wardCode")
    province_map: dict[str, list[str]] = converter_2025.DICT_PROVINCE
    whole: dict[str, dict[str, list[str]]] = converter_2025.DICT_PROVINCE_WARD_NO_DIVIDED
    divided: dict[str, dict[str, list[dict[str, object]]]] = converter_2025.DICT_PROVINCE_WARD_DIVIDED
    parts: dict[tuple[str, str], list[str]] = defaultdict(list)  # (new province key, new ward key) -> old keys
    for prov_key, olds in divided.items():
        for old_key, news in olds.items():
            for new in news:
                parts[(prov_key, str(new["newWardKey"]))].append(old_key)
    rows: list[Row] = []
    current = ""
    labels: dict[int, str] = {}
    for r in records:
        prov_key = r["provinceKey"]
        if prov_key != current:
            current = prov_key
            olds = [old_provinces[k] for k in province_map[prov_key]]
            prow = _row("after", "province", r["province"], r["provinceCode"], [], None)
            prow["merged_from"] = "|".join(full_name(o["type"], o["name"]) for o in olds)
            rows.append(prow)
            scope = {full_name(o["type"], o["name"]) for o in olds}
            labels = _labels([b for b in before if b["level"] != "province" and b["parent"].split(", ")[-1] in scope])
        wrow = _row("after", "commune", r["ward"], r["wardCode"], [r["province"]], r["wardType"])
        wrow["merged_from"] = "|".join(labels[id(old_by_key[k])] for k in whole.get(prov_key, {}).get(r["wardKey"], []))
        wrow["split_from"] = "|".join(labels[id(old_by_key[k])] for k in parts.get((prov_key, r["wardKey"]), []))
        if not wrow["merged_from"] and not wrow["split_from"]:
            log.warning("after %s: the package names no pre-reform unit for it", r["ward"])
        rows.append(wrow)
    return rows


def write(rows: list[Row], out: Path) -> None:
    pkg_version = version(PACKAGE)
    today = datetime.date.today().isoformat()
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            f"# GENERATED by scripts/build_admin_units.py from the PyPI package {PACKAGE} {pkg_version} (MIT) "
            f"on {today}. Do not edit by hand: rebuild (see data/README.admin.md).\n"
        )
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    before, old_provinces, old_by_key = build_before()
    after = build_after(before, old_provinces, old_by_key)
    write(before + after, args.out)
    counts = Counter((r["period"], r["level"]) for r in before + after)
    for (period, level), n in sorted(counts.items()):
        log.info("%s %s: %d", period, level, n)
    log.info("wrote %s (%s %s)", args.out, PACKAGE, version(PACKAGE))


if __name__ == "__main__":
    main()
