"""Throwaway local servers for the test suite and the benchmarks, on loopback only.

- ``OxigraphServer``: ``oxigraph serve`` (the `oxigraph` package's CLI), a SPARQL 1.1 server with
  query, update and Graph Store Protocol endpoints; ready in a fraction of a second.
- ``ArcadeBoltServer``: ArcadeDB (the `arcadedb-embedded` package, which bundles its own JRE)
  with its Neo4j-compatible Bolt plugin, run in a child Python process so that it can be stopped,
  or killed to simulate a crash, without touching the caller's process; ready in a few seconds.

Both are dev/test dependencies of kg, not needed to use it. Both keep their data in a directory
the caller owns, so a killed server can be restarted on the same data.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

from kg.errors import BackendError

HOST = "127.0.0.1"


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.2)
        return sock.connect_ex((HOST, port)) == 0


class _Child:
    """A server child process with its log file; stop() is graceful, kill() is SIGKILL."""

    name = "server"

    def __init__(self, workdir: Path) -> None:
        self.workdir = Path(workdir).resolve()  # the child runs inside it: relative paths would double
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.workdir / f"{self.name}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def _spawn(self, cmd: list[str], env: dict[str, str] | None = None, stdin: Any = subprocess.DEVNULL) -> None:
        self._log = open(self.log_path, "ab")  # closed in _reap
        self.proc = subprocess.Popen(
            cmd, cwd=self.workdir, stdin=stdin, stdout=self._log, stderr=subprocess.STDOUT, env=env
        )

    def _fail(self, why: str) -> BackendError:
        tail = self.log_path.read_text(encoding="utf-8", errors="replace")[-2000:] if self.log_path.exists() else ""
        self.kill()
        return BackendError(f"{self.name} did not start: {why}\n{tail}")

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL, as a crash would: nothing is flushed or closed cleanly."""
        if self.running:
            assert self.proc is not None
            self.proc.send_signal(signal.SIGKILL)
        self._reap(10)

    def stop(self, timeout: float = 30) -> None:
        if self.running:
            assert self.proc is not None
            self.proc.terminate()
        self._reap(timeout)

    def _reap(self, timeout: float) -> None:
        if self.proc is not None:
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> _Child:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        raise NotImplementedError


class OxigraphServer(_Child):
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT``; endpoints /query, /update, /store."""

    name = "oxigraph"

    def __init__(self, location: Path, port: int | None = None) -> None:
        super().__init__(Path(location))
        self.port = port or free_port()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.url}/update"

    @property
    def gsp_url(self) -> str:
        return f"{self.url}/store"

    def start(self, timeout: float = 30) -> None:
        exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
        if not Path(exe).exists():
            raise BackendError("the oxigraph server is not installed (pip install oxigraph)")
        data = self.workdir / "data"
        self._spawn([exe, "serve", "--location", str(data), "--bind", f"{HOST}:{self.port}"])
        deadline = time.monotonic() + timeout
        while not _listening(self.port):
            if not self.running:
                raise self._fail("the process exited")
            if time.monotonic() > deadline:
                raise self._fail(f"nothing listens on port {self.port} after {timeout} s")
            time.sleep(0.05)


class ArcadeBoltServer(_Child):
    """ArcadeDB with the Bolt plugin in a child process; `uri` is bolt://127.0.0.1:PORT."""

    name = "arcadedb"

    def __init__(
        self,
        root: Path,
        password: str,
        databases: tuple[str, ...] = ("kg",),
        bolt_port: int | None = None,
        http_port: int | None = None,
    ) -> None:
        super().__init__(Path(root))
        self.password = password
        self.databases = databases
        self.bolt_port = bolt_port or free_port()
        self.http_port = http_port or free_port()
        self.user = "root"

    @property
    def uri(self) -> str:
        return f"bolt://{HOST}:{self.bolt_port}"

    def start(self, timeout: float = 180) -> None:
        ready = self.workdir / "ready"
        ready.unlink(missing_ok=True)
        cmd = [sys.executable, "-m", "kg.backends.devservers", "arcadedb", "--root", str(self.workdir)]
        cmd += ["--bolt-port", str(self.bolt_port), "--http-port", str(self.http_port)]
        for name in self.databases:
            cmd += ["--database", name]
        env = {**os.environ, "ARCADEDB_ROOT_PASSWORD": self.password}
        # The child stops its server when its stdin closes, so it never outlives us.
        self._spawn(cmd, env=env, stdin=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while not ready.exists():
            if not self.running:
                raise self._fail("the process exited")
            if time.monotonic() > deadline:
                raise self._fail(f"not ready after {timeout} s")
            time.sleep(0.1)

    def create_database(self, name: str) -> None:
        """Create (or open) a database through ArcadeDB's HTTP API (no Bolt command does it)."""
        import base64
        import urllib.request

        auth = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        req = urllib.request.Request(
            f"http://{HOST}:{self.http_port}/api/v1/server",
            data=json.dumps({"command": f"create database {name}"}).encode(),
            headers={"Authorization": f"Basic {auth}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=60) as resp:
            resp.read()

    def stop(self, timeout: float = 60) -> None:
        if self.running and self.proc is not None and self.proc.stdin is not None:
            self.proc.stdin.close()  # graceful: the child stops ArcadeDB and exits
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        super().stop(10)


def _serve_arcadedb(args: argparse.Namespace) -> None:
    import arcadedb_embedded  # dev dependency, imported only in the child

    root = Path(args.root).resolve()
    server = arcadedb_embedded.create_server(
        root_path=str(root),
        root_password=os.environ["ARCADEDB_ROOT_PASSWORD"],
        config={
            "host": HOST,
            "http_port": args.http_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": args.bolt_port,
            # Durable commits, as Neo4j makes them (ArcadeDB's default does not flush its WAL at
            # commit): a killed server keeps what it acknowledged, and timings compare fairly.
            "txWalFlush": 2,
        },
    )
    server.start()
    try:
        for name in args.database:
            server.create_database(name)  # opens it when it exists (restart on the same data)
        (root / "ready").write_text(json.dumps({"bolt": args.bolt_port, "http": args.http_port}))
        sys.stdin.read()  # until the parent closes our stdin (or dies)
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m kg.backends.devservers")
    sub = parser.add_subparsers(dest="server", required=True)
    arcade = sub.add_parser("arcadedb", help="ArcadeDB with the Bolt plugin (root password in $ARCADEDB_ROOT_PASSWORD)")
    arcade.add_argument("--root", required=True)
    arcade.add_argument("--bolt-port", type=int, required=True)
    arcade.add_argument("--http-port", type=int, required=True)
    arcade.add_argument("--database", action="append", default=[])
    args = parser.parse_args(argv)
    _serve_arcadedb(args)


if __name__ == "__main__":
    main()
