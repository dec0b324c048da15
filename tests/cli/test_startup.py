"""What the CLI loads to start: a command that draws nothing does not pay for the drawing libraries."""

import subprocess
import sys


def test_the_cli_starts_without_the_drawing_libraries():
    code = "import sys, kg.cli; print(sorted(m for m in ('pyvis', 'networkx', 'rdflib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
