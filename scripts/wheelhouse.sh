#!/usr/bin/env bash
# Build a folder of wheels — kg and every dependency it needs at run time — to install kg on a
# machine without internet access of the same platform and Python version:
#
#     bash scripts/wheelhouse.sh [DIR] [EXTRAS]        # default DIR: wheelhouse/, no extras
#     # copy DIR to the offline machine, then:
#     python3 -m venv .venv && .venv/bin/pip install --no-index --find-links DIR kg
#
# EXTRAS (comma-separated, e.g. "dev") adds optional dependency groups of pyproject.toml; the core
# stays light without them.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-wheelhouse}"
extras="${2:-}"
spec="."
if [ -n "$extras" ]; then spec=".[${extras}]"; fi
pip=(python3 -m pip)
if [ -x .venv/bin/python ]; then pip=(.venv/bin/python -m pip); fi
mkdir -p "$out"
"${pip[@]}" wheel --quiet --disable-pip-version-check --wheel-dir "$out" "$spec"
echo "wrote $(find "$out" -name '*.whl' | wc -l) wheels to $out"
echo "offline install: python3 -m venv .venv && .venv/bin/pip install --no-index --find-links $out kg"
