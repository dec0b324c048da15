"""The Java test servers themselves: Maven's error when artifacts cannot be resolved, and a Neo4j
that stops cleanly (SIGTERM, or its standard input closing) and keeps its data across restarts."""

from __future__ import annotations

import shutil
from pathlib import Path

import neo4j
import pytest

from kg.backends.jvmservers import SERVERS_DIR, ArtifactsUnavailable, MavenBuild, Neo4jServer

pytestmark = pytest.mark.servers


def test_an_unresolvable_server_version_fails_with_mavens_own_error(tmp_path: Path):
    if not shutil.which("mvn"):
        pytest.skip("Maven (mvn) is not installed")
    shutil.copytree(SERVERS_DIR / "fuseki", tmp_path / "fuseki", ignore=shutil.ignore_patterns("target"))
    build = MavenBuild("fuseki", {"fuseki.version": "0.0.1-no-such-release"}, root=tmp_path)
    with pytest.raises(ArtifactsUnavailable) as err:
        build.classpath()
    message = str(err.value)
    assert message.startswith("Maven could not build fuseki: ")
    assert "org.apache.jena:jena-fuseki-main:jar:0.0.1-no-such-release" in message
    assert "\n" not in message and "Re-run Maven" not in message  # Maven's error lines, not its advice


def _stopped_cleanly(server: Neo4jServer) -> int:
    """How many times Neo4j's own log says the user database was shut down cleanly."""
    log = (server.workdir / "home" / "logs" / "debug.log").read_text(encoding="utf-8", errors="replace")
    return log.count("[neo4j]}' successfully") if "Stopped 'DatabaseId{" in log else 0


@pytest.mark.slow
def test_neo4j_stops_cleanly_on_stdin_close_and_sigterm_and_keeps_its_data(tmp_path: Path):
    server = Neo4jServer(tmp_path / "neo4j")
    try:
        server.start()
    except ArtifactsUnavailable as exc:
        pytest.skip(f"neo4j test server unavailable: {exc}")
    try:
        with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
            driver.execute_query("CREATE (:Probe {id: 'kept'})")
        server.stop()  # closes the launcher's standard input
        assert server.proc is not None and server.proc.returncode == 0
        assert _stopped_cleanly(server) == 1

        server.start()  # same home and port, same password
        with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
            assert driver.execute_query("MATCH (p:Probe) RETURN p.id").records[0][0] == "kept"
        assert server.proc is not None
        server.proc.terminate()  # SIGTERM: the JVM's shutdown hook stops Neo4j
        server.proc.wait(60)
        assert _stopped_cleanly(server) == 2
    finally:
        server.kill()
