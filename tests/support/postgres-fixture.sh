#!/bin/sh
# SPDX-License-Identifier: MIT
# A throw-away PostgreSQL cluster for the test suite (ctest fixture "postgres").
#
#   postgres-fixture.sh start STATE_DIR   initdb + start on a free loopback port; writes
#                                         STATE_DIR/uri (libpq URI, no password) and
#                                         STATE_DIR/password (the superuser's password)
#   postgres-fixture.sh stop STATE_DIR    stop the server and delete the cluster
#
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` OS user
# (created when missing). Password authentication (scram) is on so tests exercise PGPASSWORD.
set -eu

cmd=${1:-}
state=${2:-}
if [ -z "$cmd" ] || [ -z "$state" ]; then
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
fi
mkdir -p "$state"
state=$(cd "$state" && pwd) # absolute: the server runs from another directory

pgbin=${HEALTHSYNTH_PG_BIN:-}
if [ -z "$pgbin" ]; then
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ]; then pgbin=$d; break; fi
    done
fi
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
    echo "postgres-fixture: no PostgreSQL server binaries (apt-get install postgresql)" >&2
    exit 1
fi

run_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_cluster() {
    if [ -f "$state/cluster" ]; then
        cluster=$(cat "$state/cluster")
        if [ -f "$cluster/data/postmaster.pid" ]; then
            run_as_owner "$pgbin/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$cluster"
    fi
    rm -f "$state/cluster" "$state/uri" "$state/password" "$state/port"
}

case "$cmd" in
stop)
    stop_cluster
    exit 0
    ;;
start) ;;
*)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac

mkdir -p "$state"
stop_cluster

if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
fi

# The cluster lives under the build tree when the postgres user can reach it, else under /tmp.
cluster="$state/cluster.d"
mkdir -p "$cluster"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$cluster"
    chmod 700 "$cluster"
    if ! runuser -u postgres -- test -w "$cluster"; then
        rm -rf "$cluster"
        cluster=$(mktemp -d "${TMPDIR:-/tmp}/healthsynth-pg.XXXXXX")
        chown postgres "$cluster"
    fi
fi
echo "$cluster" >"$state/cluster"

password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$password" >"$cluster/pwfile"
[ "$(id -u)" -eq 0 ] && chown postgres "$cluster/pwfile"
run_as_owner "$pgbin/initdb" -D "$cluster/data" -U healthsynth --pwfile="$cluster/pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$cluster/initdb.log" 2>&1 || {
    cat "$cluster/initdb.log" >&2
    exit 1
}
rm -f "$cluster/pwfile"

# A throw-away server: durability settings off for speed (atomicity of transactions is unaffected).
cat >>"$cluster/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$cluster'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 40
CONF

# Pick a free loopback port; retry if another process grabs it first.
started=0
for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000 ))
    if run_as_owner "$pgbin/pg_ctl" -D "$cluster/data" -o "-p $port" -l "$cluster/server.log" -w -t 60 start \
        >/dev/null 2>&1; then
        started=1
        break
    fi
done
if [ "$started" -ne 1 ]; then
    echo "postgres-fixture: the server did not start; log:" >&2
    cat "$cluster/server.log" >&2 || true
    exit 1
fi

PGPASSWORD=$password "$pgbin/psql" -X -q -h 127.0.0.1 -p "$port" -U healthsynth -d postgres \
    -c "CREATE DATABASE healthsynth" >/dev/null

printf '%s\n' "$port" >"$state/port"
umask 077
printf '%s\n' "$password" >"$state/password"
printf 'postgresql://healthsynth@127.0.0.1:%s/healthsynth?sslmode=disable\n' "$port" >"$state/uri"
echo "postgres-fixture: $(cat "$state/uri")"
