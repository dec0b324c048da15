"""Finding the report files under the paths an analyst names.

Folders are walked recursively in sorted order (so runs are reproducible), following symbolic
links inside the named folder but never twice into the same directory: a link back to an
ancestor is a symlink loop and is reported, as are links to nothing, a link to itself, unreadable
folders, and files that are not regular files. A link that leads out of the named folder ("up ->
..", a link to another tree) is not followed unless `follow_links` is set; such links are counted
(`links_out`) and logged. Hidden entries (".git", ".DS_Store") and Office lock files ("~$x.docx") are
passed over; files of other types inside folders are counted as skipped, not as failures. A
file named explicitly must be of a supported type.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.sources.formats import SUPPORTED, format_of

log = logging.getLogger(__name__)


@dataclass
class Discovery:
    """What a walk found: report files in order, problems (path, reason), files of other types."""

    files: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    skipped: int = 0
    links_out: list[str] = field(default_factory=list)  # links out of the named folder, not followed


def discover(paths: Iterable[str | os.PathLike[str]], exclude: Iterable[str | os.PathLike[str]] = (),
             follow_links: bool = False) -> Discovery:
    """Walk `paths` (files or folders); `exclude` folders (e.g. the store) are not entered;
    `follow_links`: also follow symbolic links that lead out of the named folders."""
    found = Discovery()
    excluded = {_key(p) for p in exclude if os.path.exists(p)}
    seen_files: set[tuple[int, int]] = set()
    walked: set[tuple[int, int]] = set()
    for raw in paths:
        path = os.fspath(raw)
        st, problem = _stat(path)
        if problem:
            found.errors.append((path, problem))
        elif stat.S_ISDIR(st.st_mode):
            root = None if follow_links else os.path.realpath(path)
            _walk(path, st, found, seen_files, walked, excluded, ancestors=frozenset(), root=root)
        elif not stat.S_ISREG(st.st_mode):
            found.errors.append((path, "not a regular file"))
        elif format_of(path) is None:
            kinds = " ".join(sorted(SUPPORTED))
            found.errors.append((path, f"unsupported file type {Path(path).suffix or '(none)'} (kg reads {kinds})"))
        elif (st.st_dev, st.st_ino) not in seen_files:
            seen_files.add((st.st_dev, st.st_ino))
            found.files.append(path)
    return found


def _walk(
    folder: str,
    st: os.stat_result,
    found: Discovery,
    seen_files: set[tuple[int, int]],
    walked: set[tuple[int, int]],
    excluded: set[tuple[int, int]],
    ancestors: frozenset[tuple[int, int]],
    root: str | None = None,
) -> None:
    key = (st.st_dev, st.st_ino)
    if key in excluded or key in walked:
        return
    walked.add(key)
    ancestors = ancestors | {key}
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        found.errors.append((folder, _reason(exc, "folder")))
        return
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue
        path = os.path.join(folder, entry.name)
        est, problem = _stat(path)
        if problem:
            found.errors.append((path, problem))
        elif stat.S_ISDIR(est.st_mode) and (est.st_dev, est.st_ino) in ancestors:
            found.errors.append((path, "symlink loop (links back to a folder that contains it)"))
        elif root is not None and entry.is_symlink() and not _inside(os.path.realpath(path), root):
            found.links_out.append(path)
            log.warning("%s: symbolic link out of %s, not followed (--follow-links follows it)", path, root)
        elif stat.S_ISDIR(est.st_mode):
            _walk(path, est, found, seen_files, walked, excluded, ancestors, root)
        elif format_of(path) is None:
            found.skipped += 1
        elif not stat.S_ISREG(est.st_mode):
            found.errors.append((path, "not a regular file"))
        elif (est.st_dev, est.st_ino) not in seen_files:
            seen_files.add((est.st_dev, est.st_ino))
            found.files.append(path)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _stat(path: str) -> tuple[os.stat_result, str | None]:
    try:
        return os.stat(path), None
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.islink(path):
            return os.lstat(path), "broken symbolic link (its target does not exist)"
        return os.stat_result((0,) * 10), _reason(exc, "file")


def _reason(exc: OSError, what: str) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied ({what} is not readable)"
    return f"cannot read {what} ({exc.strerror or exc})"


def _key(path: str | os.PathLike[str]) -> tuple[int, int]:
    st = os.stat(path)
    return (st.st_dev, st.st_ino)
