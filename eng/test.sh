#!/usr/bin/env bash
# Runs every test project of the solution and installs what the tests need when it is missing:
# Chromium (browser tests) and a throwaway PostgreSQL cluster (provider tests).
# The last line printed is "N passed, N failed, N skipped", summed over all test projects.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

log() { printf '[test.sh] %s\n' "$*" >&2; }

apt_updated=0
apt_install() {
  if [ "$(id -u)" != 0 ]; then log "not root: cannot install $*"; return 1; fi
  if [ $apt_updated = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

# --- Chromium for the Playwright tests -------------------------------------------------------
if ! command -v chromium >/dev/null 2>&1; then
  log "installing Chromium (Debian package)"
  apt_install chromium || log "Chromium could not be installed; browser tests will fail"
fi
export FIGIAUTH_CHROMIUM="${FIGIAUTH_CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"

# --- A throwaway PostgreSQL cluster ----------------------------------------------------------
pg_dir=""
stop_pg() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap stop_pg EXIT
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ]; then
  log "installing PostgreSQL (Debian package)"
  apt_install postgresql && pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
if [ -z "${FIGIAUTH_TEST_POSTGRES:-}" ] && [ -n "$pg_bin" ] && id postgres >/dev/null 2>&1; then
  pg_dir=$(mktemp -d /tmp/figiauth-pg.XXXXXX)
  chown postgres "$pg_dir"
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 54329)
  if su postgres -s /bin/sh -c "$pg_bin/initdb -D '$pg_dir/data' -U postgres --auth=trust -E UTF8 >/dev/null \
      && $pg_bin/pg_ctl -D '$pg_dir/data' -o '-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir -c fsync=off' -w -l '$pg_dir/log' start >/dev/null"; then
    export FIGIAUTH_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"
    log "PostgreSQL ${pg_bin} on 127.0.0.1:$pg_port"
  else
    log "PostgreSQL could not be started; PostgreSQL tests will fail"
    cat "$pg_dir/log" >&2 2>/dev/null || true
  fi
fi

# --- Build once, then every test project ------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build FigiAuth.sln -c Release -nologo -v q || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

passed=0; failed=0; skipped=0; status=0
results=$(mktemp -d)
for proj in $(find tests -name '*.Tests.csproj' | sort); do
  name=$(basename "$proj" .csproj)
  log "running $name"
  out="$results/$name.log"
  dotnet test "$proj" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    read -r p f s < <(python3 - "$trx" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
c = ET.parse(sys.argv[1]).getroot().find("t:ResultSummary/t:Counters", ns)
total = int(c.get("total", 0)); p = int(c.get("passed", 0)); f = int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
print(p, f, max(total - p - f, 0))
PY
)
  else
    p=0; f=1; s=0
  fi
  [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  [ "$rc" != 0 ] && status=1
done
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
