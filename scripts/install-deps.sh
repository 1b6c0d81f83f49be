#!/usr/bin/env bash
# Installs everything Cartridge needs to build, run the demo and run the tests:
# Debian packages (server, headers, libraries, test tools, Graphviz), a pinned Python
# virtual environment in .venv for pytest, psycopg, dbt, sqlfluff and MetricFlow (mf), and
# the pinned node packages of the diagram checks (Mermaid's parser) in test/diagrams.
# Idempotent: when everything is present it only checks and returns in seconds.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
venv="$here/.venv"

debian_packages=(
  build-essential pkg-config cmake ninja-build
  postgresql-15 postgresql-server-dev-15 postgresql-15-cron postgresql-contrib
  libpq-dev libcurl4-openssl-dev nlohmann-json3-dev libarchive-dev
  libyaml-cpp-dev libfmt-dev libgtest-dev googletest libbenchmark-dev
  python3-venv ca-certificates graphviz
)

# Pinned Python tools for the test suites (and nothing else).
python_packages=(
  "pytest==9.2.0"
  "psycopg[binary]==3.3.9"
  "dbt-core==1.11.16"
  "dbt-postgres==1.10.2"
  "sqlfluff==3.5.0"
  "dbt-metricflow[dbt-postgres]==0.15.0"
  "metricflow==0.213.0"
)

missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing Debian packages: ${missing[*]}"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -q
  "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The Debian package creates a default cluster we do not use; keep it from
# holding port 5432 or showing up in `pg_lsclusters` noise. Tests start their own.

stamp="$venv/.cartridge-deps"
want=$(printf '%s\n' "${python_packages[@]}")
if [ ! -x "$venv/bin/python" ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "install-deps: preparing Python environment in $venv"
  py=python3
  command -v "$py" >/dev/null || py=/usr/bin/python3
  [ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "${python_packages[@]}"
  printf '%s' "$want" > "$stamp"
fi
# Mermaid's parser for the diagram checks, as test/diagrams/package-lock.json pins it. Node.js
# (>= 20.19) comes with the machine; Debian's is too old for jsdom.
diagrams="$here/test/diagrams"
installed_lock="$diagrams/node_modules/.cartridge-package-lock.json"
if ! cmp -s "$diagrams/package-lock.json" "$installed_lock"; then
  command -v npm >/dev/null || { echo "install-deps: npm (Node.js >= 20.19) is missing" >&2; exit 1; }
  echo "install-deps: installing the diagram checks' node packages in $diagrams/node_modules"
  (cd "$diagrams" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$diagrams/package-lock.json" "$installed_lock"
fi
echo "install-deps: all present"
