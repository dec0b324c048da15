"""The bodies of the 2025 reorganisation of the Party and State (data/reorganisation_2025.yaml).

Each record says what a body replaced, when it took effect and by which act; the file's header documents
the schema. Names compare as `kg.text.name_key` does (case, tone placement, abbreviations don't matter).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kg.errors import KgError
from kg.resources import data_dir
from kg.text import name_key

FILE = "reorganisation_2025.yaml"
KINDS = frozenset({"party_committee", "party_commission", "ministry", "government_agency", "na_committee", "front",
                   "court", "procuracy", "local_tier"})
CHANGES = frozenset({"created", "merged", "renamed", "restructured", "kept", "ended"})


@dataclass(frozen=True)
class Source:
    """A legal or Party act: kind (Nghị quyết, Quyết định …), issuer, number (None: not verified), date."""

    kind: str
    issuer: str | None
    number: str | None
    date: datetime.date | None


@dataclass(frozen=True)
class Body:
    name: str
    kind: str
    change: str
    aliases: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()
    absorbs: tuple[str, ...] = ()
    functions_to: tuple[str, ...] = ()
    since: datetime.date | None = None  # first day in force; None: not known
    until: datetime.date | None = None  # first day no longer in force; None: still in force or not known
    source: Source | None = None  # None: the act was not verified
    also: tuple[Source, ...] = ()
    basis: Source | None = None
    note: str = ""

    def valid_on(self, day: datetime.date) -> bool:
        """Whether the body exists on `day`, reading unknown bounds as open."""
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)


def bodies() -> tuple[Body, ...]:
    """Every record of data/reorganisation_2025.yaml (read once per data folder)."""
    return _load(data_dir() / FILE)


def find(name: str) -> Body | None:
    """The record whose name or alias is `name`."""
    key = name_key(name)
    for body in bodies():
        if key in {name_key(n) for n in (body.name, *body.aliases)}:
            return body
    return None


def replaced_by(old_name: str) -> list[Body]:
    """Bodies that replaced `old_name` wholly or in part ("Bộ Kế hoạch và Đầu tư" -> [Bộ Tài chính])."""
    key = name_key(old_name)
    return [b for b in bodies() if key in {name_key(n) for n in b.replaces}]


@cache
def _load(path: Path) -> tuple[Body, ...]:
    if not path.exists():
        raise KgError(f"data file missing: {path} (set KG_DATA_DIR to kg's data folder)")
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: a timestamp YAML reads but Python refuses
        raise KgError(f"{path}: not valid YAML: {exc}") from exc
    records = data.get("bodies") if isinstance(data, dict) else None
    if not isinstance(records, list):
        raise KgError(f"{path}: expected a list under 'bodies'")
    return tuple(_body(rec, f"{path}: record {i + 1}") for i, rec in enumerate(records))


def _body(rec: Any, where: str) -> Body:
    if not isinstance(rec, dict) or not isinstance(rec.get("name"), str) or not rec["name"].strip():
        raise KgError(f"{where}: a record needs a name")
    where = f"{where} ({rec['name']})"
    if rec.get("kind") not in KINDS:
        raise KgError(f"{where}: kind {rec.get('kind')!r} is not one of {sorted(KINDS)}")
    if rec.get("change") not in CHANGES:
        raise KgError(f"{where}: change {rec.get('change')!r} is not one of {sorted(CHANGES)}")
    unknown = set(rec) - {f.name for f in Body.__dataclass_fields__.values()}
    if unknown:
        raise KgError(f"{where}: unknown fields {sorted(unknown)}")
    return Body(
        name=rec["name"].strip(),
        kind=rec["kind"],
        change=rec["change"],
        aliases=_names(rec, "aliases", where),
        replaces=_names(rec, "replaces", where),
        absorbs=_names(rec, "absorbs", where),
        functions_to=_names(rec, "functions_to", where),
        since=_date(rec.get("since"), f"{where}: since"),
        until=_date(rec.get("until"), f"{where}: until"),
        source=_source(rec.get("source"), f"{where}: source"),
        also=tuple(s for s in (_source(x, f"{where}: also") for x in rec.get("also") or ()) if s),
        basis=_source(rec.get("basis"), f"{where}: basis"),
        note=str(rec.get("note") or "").strip(),
    )


def _names(rec: dict[str, Any], field: str, where: str) -> tuple[str, ...]:
    value = rec.get(field) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KgError(f"{where}: {field} must be a list of names")
    return tuple(v.strip() for v in value)


def _date(value: Any, where: str) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError as exc:
        raise KgError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from exc


def _source(value: Any, where: str) -> Source | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("kind"), str):
        raise KgError(f"{where}: needs at least a kind (Nghị quyết, Quyết định …)")
    number = value.get("number")
    number = str(number) if number is not None else None
    return Source(kind=value["kind"], issuer=value.get("issuer"), number=number, date=_date(value.get("date"), where))
