#!/usr/bin/env bash
# The main job on the embedded default store: ingest the example reports, write an HTML graph.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/kg ingest data/examples --store kg-data
.venv/bin/kg stats --store kg-data
.venv/bin/kg viz --store kg-data -o kg-graph.html
echo "Open kg-graph.html in a browser; query with: .venv/bin/kg query sparql --store kg-data 'SELECT ...'"
