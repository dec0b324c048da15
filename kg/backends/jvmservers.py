"""The real Java servers analysts run, as throwaway test servers on loopback: Neo4j Community and
Apache Jena Fuseki (beside kg.backends.devservers' ArcadeDB and `oxigraph serve`).

Neither is shipped with kg (Neo4j Community is GPL-3.0, Fuseki Apache-2.0): Maven resolves them
from Maven Central into ~/.m2 and builds the small launcher projects in tests/servers/ of a kg
checkout (build output under their git-ignored target/<version>/). The servers then run as plain
``java -cp`` child processes, so a SIGTERM reaches the JVM's shutdown hook and SIGKILL is a real
crash.

- ``Neo4jServer``: Neo4j embedded with its Bolt connector on 127.0.0.1 and authentication on
  (tests/servers/neo4j, kg.testserver.Neo4jMain); Community has one user database, ``neo4j``.
  5.26 LTS runs on the machine's Java 17; a calendar release (2025.x and later) on a JDK 21+.
- ``FusekiServer``: Fuseki's own ``FusekiMainCmd`` with a TDB2 dataset on disk, updates on.

A Maven build that cannot resolve its artifacts (or no ``mvn`` / ``java``) raises
``ArtifactsUnavailable`` with Maven's own error lines, so the tests can skip saying why.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from kg.backends.devservers import HOST, _Child, free_port
from kg.errors import BackendError

SERVERS_DIR = Path(__file__).resolve().parents[2] / "tests" / "servers"
NEO4J_LTS = "5.26.30"  # the newest 5.26 LTS patch release; runs on Java 17
NEO4J_CALENDAR = "2026.08.1"  # the newest calendar release; needs Java 21+ (java21_home)
FUSEKI = "5.6.0"  # the newest Fuseki that runs on Java 17
MAVEN_TIMEOUT = 1800.0  # a first build downloads ~130 MB of jars


class ArtifactsUnavailable(BackendError):
    """A test server's launcher cannot be built here: Maven failed, or there is no mvn / java."""


def java21_home() -> Path | None:
    """A JDK of Java 21 or newer for Neo4j's calendar releases: $KG_JAVA21_HOME, else the newest
    under /usr/lib/jvm (the machines have OpenJDK 17 as `java` and a Temurin 25 JDK beside it)."""
    if os.environ.get("KG_JAVA21_HOME"):
        return Path(os.environ["KG_JAVA21_HOME"])
    found: list[tuple[int, Path]] = []
    for release in Path("/usr/lib/jvm").glob("*/release"):
        match = re.search(r'^JAVA_VERSION="(\d+)', release.read_text(errors="replace"), re.MULTILINE)
        if match and int(match.group(1)) >= 21 and (release.parent / "bin" / "javac").exists():
            found.append((int(match.group(1)), release.parent))
    return max(found)[1] if found else None


def _java(java_home: Path | None) -> str:
    exe = str(java_home / "bin" / "java") if java_home else shutil.which("java")
    if not exe or not Path(exe).exists():
        raise ArtifactsUnavailable(f"no java executable ({java_home or 'PATH'})")
    return exe


class MavenBuild:
    """One launcher project of tests/servers built for one server version; `classpath()` builds
    it when its sources, version or jars changed (offline first, so a warm ~/.m2 needs no network)."""

    def __init__(
        self,
        name: str,
        properties: dict[str, str],
        java_home: Path | None = None,
        root: Path = SERVERS_DIR,
    ) -> None:
        self.project = root / name
        self.properties = properties
        self.java_home = java_home
        version = next(iter(properties.values()))  # the server version names the build folder
        self.out = self.project / "target" / version

    def _fingerprint(self) -> str:
        digest = hashlib.sha256(repr(sorted(self.properties.items())).encode())
        for path in sorted([self.project / "pom.xml", *(self.project / "src").rglob("*.java")]):
            digest.update(path.read_bytes())
        return digest.hexdigest()

    def _read(self) -> list[str] | None:
        stamp, listing = self.out / "kg-build.stamp", self.out / "classpath.txt"
        if not (stamp.exists() and listing.exists()) or stamp.read_text() != self._fingerprint():
            return None
        jars = [j for j in listing.read_text().strip().split(os.pathsep) if j]
        return jars if jars and all(Path(j).exists() for j in jars) else None  # ~/.m2 may be cleaned

    def classpath(self) -> str:
        """The launcher's runtime classpath (its classes first), building it if needed."""
        if not (self.project / "pom.xml").exists():
            raise ArtifactsUnavailable(f"no launcher project at {self.project} (this needs a kg checkout)")
        jars = self._read()
        if jars is None:
            mvn = shutil.which("mvn")
            if not mvn:
                raise ArtifactsUnavailable("Maven (mvn) is not installed")
            cmd = [mvn, "-q", "-B", *(f"-D{k}={v}" for k, v in self.properties.items())]
            env = {**os.environ, **({"JAVA_HOME": str(self.java_home)} if self.java_home else {})}
            offline = self._mvn([*cmd, "-o", "compile"], env)
            if offline is not None:
                online = self._mvn([*cmd, "compile"], env)
                if online is not None:
                    raise ArtifactsUnavailable(f"Maven could not build {self.project.name}: {online}")
            (self.out / "kg-build.stamp").write_text(self._fingerprint())
            jars = self._read()
            if jars is None:
                raise ArtifactsUnavailable(f"Maven built {self.project.name} but wrote no classpath")
        classes = self.out / "classes"
        return os.pathsep.join([str(classes), *jars] if classes.is_dir() else jars)

    def _mvn(self, cmd: list[str], env: dict[str, str]) -> str | None:
        """None when Maven succeeded, else its error lines (the exact resolution error)."""
        try:
            done = subprocess.run(
                cmd, cwd=self.project, env=env, capture_output=True, text=True, timeout=MAVEN_TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            return f"mvn did not finish within {MAVEN_TIMEOUT:.0f} s"
        if done.returncode == 0:
            return None
        # Maven 3.8 colours its error lines even in batch mode (-B)
        lines = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr).splitlines()
        errors = [ln.removeprefix("[ERROR] ").strip() for ln in lines if ln.startswith("[ERROR]")]
        boilerplate = ("[Help", "Re-run Maven", "To see the full", "For more")
        errors = [e for e in errors if e and not e.startswith(boilerplate)]
        return " | ".join(errors[:6]) or "\n".join(lines[-10:]) or f"exit code {done.returncode}"


class Neo4jServer(_Child):
    """Neo4j Community (embedded, tests/servers/neo4j) with Bolt on 127.0.0.1 and auth on; `uri` is
    bolt://127.0.0.1:PORT, user ``neo4j``. Restarted on the same folder and port, it has the same data."""

    name = "neo4j"
    user = "neo4j"
    database = "neo4j"  # Community's one user database

    def __init__(
        self,
        home: Path,
        password: str | None = None,
        port: int | None = None,
        version: str = NEO4J_LTS,
        java_home: Path | None = None,
        heap: str = "1g",
    ) -> None:
        super().__init__(Path(home))
        self.password = password or secrets.token_hex(12)
        self.port = port or free_port()
        self.version = version
        self.heap = heap
        props = {"neo4j.version": version}
        self.calendar = not version.startswith("5.")
        if self.calendar:  # compiled for Java 21: so must the launcher be, and a JDK 21+ run it
            props["maven.compiler.release"] = "21"
            java_home = java_home or java21_home()
        self.java_home = java_home
        self.build = MavenBuild("neo4j", props, java_home)

    @property
    def uri(self) -> str:
        return f"bolt://{HOST}:{self.port}"

    def start(self, timeout: float = 180) -> None:
        if self.calendar and self.java_home is None:
            raise ArtifactsUnavailable(f"Neo4j {self.version} needs a Java 21+ JDK: none found (set KG_JAVA21_HOME)")
        classpath = self.build.classpath()
        java = _java(self.java_home)
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0  # a restart appends
        cmd = [java, f"-Xmx{self.heap}", "-cp", classpath, "kg.testserver.Neo4jMain"]
        cmd += ["--home", str(self.workdir / "home"), "--port", str(self.port), "--stop-on-stdin-eof"]
        # the password travels in the environment, never on a command line that `ps` shows
        env = {**os.environ, "NEO4J_PASSWORD": self.password}
        self._spawn(cmd, env=env, stdin=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while True:
            with open(self.log_path, "rb") as log:
                log.seek(offset)
                if re.search(rb"^READY bolt://", log.read(), re.MULTILINE):
                    return
            if not self.running:
                raise self._fail("the process exited")
            if time.monotonic() > deadline:
                raise self._fail(f"not ready after {timeout} s")
            time.sleep(0.1)

    def stop(self, timeout: float = 60) -> None:
        if self.running and self.proc is not None and self.proc.stdin is not None:
            self.proc.stdin.close()  # graceful: the launcher shuts Neo4j down and exits
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        super().stop(10)

    def wipe(self) -> None:
        """Empty the user database: data, constraints and indexes (Community cannot drop it)."""
        import neo4j

        with neo4j.GraphDatabase.driver(self.uri, auth=(self.user, self.password)) as driver:
            db = self.database
            for (name,) in driver.execute_query("SHOW CONSTRAINTS YIELD name", database_=db).records:
                driver.execute_query(f"DROP CONSTRAINT `{name}` IF EXISTS", database_=db)
            shown = driver.execute_query("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'", database_=db)
            for name, _ in shown.records:
                driver.execute_query(f"DROP INDEX `{name}` IF EXISTS", database_=db)
            driver.execute_query("MATCH (n) DETACH DELETE n", database_=db)


def neo4j_admin(version: str = NEO4J_LTS, java_home: Path | None = None) -> list[str]:
    """The ``neo4j-admin`` command of Neo4j `version`, as an argument list to extend: its
    ``org.neo4j.cli.AdminTool`` on the test server's classpath (org.neo4j:neo4j brings the
    command-line and import-tool jars from Maven Central). Run it with $NEO4J_HOME and $NEO4J_CONF
    set, as the packaged script would."""
    if not version.startswith("5."):
        java_home = java_home or java21_home()
    props = {"neo4j.version": version, **({} if version.startswith("5.") else {"maven.compiler.release": "21"})}
    classpath = MavenBuild("neo4j", props, java_home).classpath()
    return [_java(java_home), "-cp", classpath, "org.neo4j.cli.AdminTool"]


class FusekiServer(_Child):
    """Apache Jena Fuseki (tests/servers/fuseki) serving one TDB2 dataset, /kg, on 127.0.0.1 with
    updates on: /kg/query, /kg/update, /kg/data (Graph Store Protocol)."""

    name = "fuseki"
    dataset = "kg"

    def __init__(
        self,
        location: Path,
        port: int | None = None,
        version: str = FUSEKI,
        java_home: Path | None = None,
        heap: str = "1g",
    ) -> None:
        super().__init__(Path(location))
        self.port = port or free_port()
        self.version = version
        self.java_home = java_home
        self.heap = heap
        self.build = MavenBuild("fuseki", {"fuseki.version": version}, java_home)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/{self.dataset}/query"

    @property
    def update_url(self) -> str:
        return f"{self.url}/{self.dataset}/update"

    @property
    def gsp_url(self) -> str:
        return f"{self.url}/{self.dataset}/data"

    def start(self, timeout: float = 120) -> None:
        classpath = self.build.classpath()
        java = _java(self.java_home)
        tdb = self.workdir / "tdb2"
        tdb.mkdir(exist_ok=True)  # Fuseki refuses a --loc that does not exist yet
        cmd = [java, f"-Xmx{self.heap}", "-cp", classpath, "org.apache.jena.fuseki.main.cmds.FusekiMainCmd"]
        cmd += ["--localhost", f"--port={self.port}", "--ping", "--tdb2", f"--loc={tdb}", "--update"]
        cmd += [f"/{self.dataset}"]
        self._spawn(cmd)
        deadline = time.monotonic() + timeout
        while not self._ping():
            if not self.running:
                raise self._fail("the process exited")
            if time.monotonic() > deadline:
                raise self._fail(f"no answer on port {self.port} after {timeout} s")
            time.sleep(0.1)

    def _ping(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/$/ping", timeout=2) as resp:
                return resp.status == 200
        except (urllib.error.URLError, OSError):
            return False


def main(argv: list[str] | None = None) -> int:
    """`python -m kg.backends.jvmservers build`: resolve and build the launchers now (setup.sh
    calls it so that a first download happens once, up front); a failure is reported, and the
    tests then skip those servers saying why."""
    args = sys.argv[1:] if argv is None else argv
    if args != ["build"]:
        sys.stderr.write("usage: python -m kg.backends.jvmservers build\n")
        return 2
    builds = [MavenBuild("neo4j", {"neo4j.version": NEO4J_LTS}), MavenBuild("fuseki", {"fuseki.version": FUSEKI})]
    if java21_home():
        calendar = {"neo4j.version": NEO4J_CALENDAR, "maven.compiler.release": "21"}
        builds.append(MavenBuild("neo4j", calendar, java21_home()))
    for build in builds:
        started, what = time.monotonic(), f"{build.project.name} {build.out.name}"
        try:
            build.classpath()
        except ArtifactsUnavailable as exc:
            sys.stderr.write(f"warning: {what} test server unavailable: {exc}\n")
        else:
            sys.stderr.write(f"{what} test server built ({time.monotonic() - started:.0f} s)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
