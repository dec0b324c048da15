"""Exporters: write the whole graph to a file, one module per format family.

Each module registers its formats in kg.registry as "exporter" with the signature
``func(graph: kg.model.Graph, out: pathlib.Path) -> None``; `kg export` offers whatever is
registered. Exporters write through `atomic_output`, so a failed export never leaves a
half-written file where the previous one was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from kg.errors import KgError


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """A temporary path beside `out`, renamed to `out` only when the block succeeds."""
    out = Path(out)
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise KgError(f"{out}: folder {parent} does not exist")
    # created with mode 0666 less the umask, as any file a tool writes (mkstemp would make it 0600)
    tmp = parent / f".{out.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise KgError(f"{out}: cannot write ({exc.strerror or exc})") from None
    try:
        yield Path(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise KgError(f"{out}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
