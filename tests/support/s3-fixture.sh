#!/bin/sh
# SPDX-License-Identifier: MIT
# A throw-away S3-compatible server (s3rver, pinned in tests/support/s3/package.json) for the
# test suite (ctest fixture "s3").
#
#   s3-fixture.sh start STATE_DIR   install s3rver (npm ci) under STATE_DIR/tools once, start it on
#                                   a free loopback port with a temp data dir; writes
#                                   STATE_DIR/endpoint (http://127.0.0.1:PORT) and STATE_DIR/bucket
#   s3-fixture.sh stop STATE_DIR    stop it and delete its data
#
# s3rver's fixed test credentials are S3RVER / S3RVER; it checks SigV4 signatures.
set -eu

cmd=${1:-}
state=${2:-}
if [ -z "$cmd" ] || [ -z "$state" ]; then
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
fi
mkdir -p "$state"
state=$(cd "$state" && pwd) # absolute: the server runs from another directory
here=$(cd "$(dirname "$0")" && pwd)
bucket=healthsynth-test

stop_server() {
    if [ -f "$state/pid" ]; then
        pid=$(cat "$state/pid")
        kill "$pid" 2>/dev/null || true
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf "$state/data"
    rm -f "$state/pid" "$state/endpoint" "$state/bucket"
}

case "$cmd" in
stop)
    stop_server
    exit 0
    ;;
start) ;;
*)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "s3-fixture: node and npm are needed (apt-get install nodejs npm)" >&2
    exit 1
fi

mkdir -p "$state/tools"
stop_server

# Install once; reinstall when the pinned lock file changes.
tools="$state/tools"
if ! cmp -s "$here/s3/package-lock.json" "$tools/package-lock.json" || [ ! -d "$tools/node_modules/s3rver" ]; then
    cp "$here/s3/package.json" "$here/s3/package-lock.json" "$tools/"
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error) >"$state/npm.log" 2>&1 || {
        cat "$state/npm.log" >&2
        rm -f "$tools/package-lock.json"
        exit 1
    }
fi
cp "$here/s3/server.js" "$tools/server.js"

mkdir -p "$state/data"
NODE_PATH="$tools/node_modules" nohup node "$tools/server.js" "$state/data" "$state/endpoint" "$bucket" \
    >"$state/server.log" 2>&1 &
echo $! >"$state/pid"

for _ in $(seq 1 100); do
    [ -s "$state/endpoint" ] && break
    if ! kill -0 "$(cat "$state/pid")" 2>/dev/null; then
        cat "$state/server.log" >&2
        exit 1
    fi
    sleep 0.1
done
if [ ! -s "$state/endpoint" ]; then
    echo "s3-fixture: s3rver did not start in 10 s" >&2
    cat "$state/server.log" >&2
    stop_server
    exit 1
fi
echo "$bucket" >"$state/bucket"
echo "s3-fixture: $(cat "$state/endpoint") bucket $bucket"
