#!/usr/bin/env bash
# Create .venv and install kg from this checkout (idempotent). With --dev: test tools, the
# browser the HTML tests drive (Debian's chromium; needs root or sudo for apt-get), and the Java
# test servers, Neo4j Community and Apache Jena Fuseki (Maven resolves them into ~/.m2 and builds
# tests/servers/; if that fails it says why and their tests are skipped with Maven's error).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if [ "${1:-}" = "--dev" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver >/dev/null
  fi
  .venv/bin/pip install -q --disable-pip-version-check -e '.[dev]'
  .venv/bin/python -m kg.backends.jvmservers build
else
  .venv/bin/pip install -q --disable-pip-version-check -e .
fi
