#!/usr/bin/env bash
# Install kg with its test tools, then run lint and the whole test suite (servers are started
# by the test fixtures themselves, on loopback, and stopped afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
.venv/bin/ruff check kg tests scripts
.venv/bin/python -m pytest -q "$@"
