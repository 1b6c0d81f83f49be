#!/usr/bin/env bash
# End-to-end tests (pytest) against throw-away clusters, with the project's Python tools.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top/test/e2e"
exec "$top/.venv/bin/python" -m pytest -q -p no:cacheprovider "$@"
