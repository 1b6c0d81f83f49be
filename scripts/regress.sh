#!/usr/bin/env bash
# `make installcheck`: pg_regress against a temporary instance (--temp-instance) started with
# test/regress.conf. PostgreSQL refuses to run as root, so as root the run happens as the
# unprivileged postgres user in a scratch directory it owns. Fails on any diff and on a
# crash in the server log.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
pg_config=${PG_CONFIG:-pg_config}
bindir=$("$pg_config" --bindir)
pg_regress=$("$pg_config" --pkglibdir)/pgxs/src/test/regress/pg_regress
[ $# -gt 0 ] || { echo "regress.sh: no tests given" >&2; exit 2; }

work=$(mktemp -d /tmp/cartridge-regress.XXXXXX)
mkdir -p "$work/test"
cp -r "$top/sql" "$top/expected" "$work/"
cp -r "$top/test/sql" "$top/test/data" "$work/test/"
mkdir -p "$work/serverlog"
{
  cat "$top/test/regress.conf"
  # Keep the server log after pg_regress removes a successful temporary instance.
  echo "logging_collector = on"
  echo "log_directory = '$work/serverlog'"
} > "$work/regress.conf"

run=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R postgres: "$work"
  run=(runuser -u postgres --)
fi

status=0
(cd "$work" && "${run[@]}" "$pg_regress" --inputdir=. --outputdir=. --bindir="$bindir" \
   --temp-instance="$work/instance" --temp-config="$work/regress.conf" \
   --dbname=contrib_regression "$@") || status=$?

if grep -sE 'terminated by signal|PANIC' "$work"/serverlog/* ; then
  echo "regress.sh: the server crashed during the tests (log above, in $work/serverlog)" >&2
  status=1
fi
if [ $status -ne 0 ]; then
  [ -f "$work/regression.diffs" ] && cp "$work/regression.diffs" "$top/regression.diffs" \
    && head -n 300 "$top/regression.diffs"
  echo "regress.sh: failed; everything is kept in $work" >&2
  exit $status
fi
rm -rf "$work"
