#!/usr/bin/env bash
# `make demo`: starts a throw-away cluster, loads a sample database (Chinook), runs the main
# job and prints what it produced. Needs no key and no network. The cluster is removed at
# the end; what the demo produced is left in demo-output/.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(pg_config --bindir)
out="$top/demo-output"
mkdir -p "$out"

base=$(mktemp -d /tmp/cartridge-demo.XXXXXX)
run=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$base"
  run=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() {
  "${run[@]}" "$bindir/pg_ctl" -D "$base/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$base"
}
trap cleanup EXIT

echo "== starting a throw-away cluster in $base (port $port)"
"${run[@]}" "$bindir/initdb" -D "$base/data" -U postgres -A trust --no-sync -E UTF8 \
  --locale=C.UTF-8 >/dev/null
cat >> "$base/data/postgresql.conf" <<CONF
port = $port
unix_socket_directories = '$base'
listen_addresses = ''
shared_preload_libraries = 'cartridge'
CONF
"${run[@]}" "$bindir/pg_ctl" -D "$base/data" -l "$base/server.log" -w start >/dev/null

export PGHOST="$base" PGPORT="$port" PGUSER=postgres
psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1)
echo "== loading the Chinook sample database"
"$bindir/createdb" chinook
"${psql[@]}" -d chinook -f "$top/test/data/chinook.sql" >/dev/null
"${psql[@]}" -d chinook -c "CREATE EXTENSION cartridge"

echo "== cartridge_version()"
"${psql[@]}" -d chinook -c "SELECT jsonb_pretty(cartridge_version())"
echo "== cartridge_scan()"
scan=$("${psql[@]}" -d chinook -Atc "SELECT cartridge_scan()")
"${psql[@]}" -d chinook -c "SELECT kind, count(*) AS relations FROM cartridge.relations WHERE scan_id = $scan GROUP BY kind ORDER BY kind" \
  -c "SELECT from_table, from_columns, to_table, to_columns, source, round(confidence::numeric, 2) AS confidence
        FROM cartridge.relationships WHERE scan_id = $scan ORDER BY 1, 2"

echo "== cartridge_generate($scan): queued for the background worker, which runs it after COMMIT"
project=$("${psql[@]}" -d chinook -Atc "SELECT cartridge_generate($scan)")
# Progress as other sessions see it (a dashboard would LISTEN cartridge_progress).
last=""
while :; do
  row=$("${psql[@]}" -d chinook -Atc "SELECT status, progress, coalesce(stage, '') FROM cartridge.projects WHERE id = $project")
  if [ "$row" != "$last" ]; then
    IFS='|' read -r status progress stage <<<"$row"
    printf '   project %s: %-9s %3s%%  %s\n' "$project" "$status" "$progress" "$stage"
    last=$row
  fi
  case "$row" in succeeded*|failed*|cancelled*) break ;; esac
  sleep 0.05
done
"${psql[@]}" -d chinook -Atc "SELECT 'cartridge_wait: ' || cartridge_wait($project)"
"${psql[@]}" -d chinook -c "SELECT jsonb_pretty(cartridge_info($project) - 'options' - 'usage')"
"${psql[@]}" -d chinook -c "SELECT path, kind FROM cartridge_files($project) ORDER BY path"
echo "== cartridge_test_run($project): every model built and every test run in the database, then rolled back"
"${psql[@]}" -d chinook -c "SELECT kind, status, count(*), round(sum(duration_ms)::numeric, 1) AS ms FROM cartridge_test_run($project) GROUP BY kind, status ORDER BY kind, status"
"${psql[@]}" -d chinook -Atc "SELECT encode(cartridge_archive($project), 'base64')" | base64 -d > "$out/chinook.tar.gz"
echo "== the dbt project is in $out/chinook.tar.gz ($(wc -c < "$out/chinook.tar.gz") bytes)"
echo "== done (the cluster is removed on exit)"
