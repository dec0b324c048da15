"""Which extractor stored a report: a fingerprint of the rules (code) and the data files they
read. `kg ingest` re-reads an unchanged file when the fingerprint it was stored under differs, so
a store follows kg's upgrades and edits to data/ without being rebuilt by hand."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import kg
from kg.resources import data_dir

DEFAULT_EXTRACTOR = "kg.extract:extract"
# what decides the rows stored for a report: the readers, normalization, the rules, and the
# resolution keys computed before writing. Not kg/store/sentences.py: it decides how evidence is
# encoded in the rows, not what they say, and a new encoding is a schema version with a migration
# that converts the stored rows (kg.store.schema), which re-reading the files would not (a report
# whose file is gone stays stored)
_CODE = ("sources", "text", "extract", "resolve.py", "careers.py", "resources.py", "store/prepared.py", "model.py")


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """kg's version plus a hash of its extraction code and data files (README and examples aside)."""
    digest = hashlib.sha256(kg.__version__.encode())
    root = Path(kg.__file__).resolve().parent
    data = data_dir()
    files: list[tuple[str, Path]] = []
    for part in _CODE:
        path = root / part
        found = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        files += [(f"kg/{f.relative_to(root).as_posix()}", f) for f in found]
    if data.is_dir():
        for f in sorted(data.rglob("*")):
            rel = f.relative_to(data)
            if f.is_file() and f.name != "README.md" and rel.parts[0] != "examples":
                files.append((f"data/{rel.as_posix()}", f))
    for name, path in files:
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"kg {kg.__version__} {digest.hexdigest()[:12]}"


def stamp(extractor: str) -> str:
    """What a report stored by `extractor` ("module:function") records as its extractor: kg's
    fingerprint for kg's own; the name for any other (whose changes kg cannot see)."""
    return fingerprint() if extractor == DEFAULT_EXTRACTOR else extractor
