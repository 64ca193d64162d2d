#!/bin/sh
':' /*- The lines up to the end of this comment are a shell script, the rest is JavaScript.
# As a shell script (how an npm bin starts), it hands the command to the resident goesc
# when one listens (src/cli/daemon.ts; GOESC_NO_DAEMON=1 turns it off), else answers a
# re-run whose recorded output still holds without node (src/pipeline/fast-record.ts;
# GOESC_NO_FAST_RERUN=1 turns it off), else chooses how node runs goesc:
#  - from the V8 start-up snapshot (dist/bundle/goesc.blob, scripts/build-snapshot.mjs),
#    with the node that built it (same path and size), while the blob is newer than that
#    node and than dist/; this run starts the resident goesc for the next ones;
#  - else this file as JavaScript, as `node bin/goesc.js` does.
# Either way without NODE_EXTRA_CA_CERTS, set aside in GOESC_NODE_EXTRA_CA_CERTS and put
# back for the programs goesc starts: node parses that file at every start (70 ms of a
# 110 ms run, bench:startup) and goesc makes no TLS connection.
self=$0
if [ -L "$self" ]; then self=$(readlink -f "$self"); fi
dir=${self%/*}
if [ "$dir" = "$self" ]; then dir=.; fi
# The result cache's folder (src/pipeline/cache.ts cacheDir), where re-run records and the
# resident goesc's socket are.
cache=${GOESC_CACHE-}
if [ -z "$cache" ]; then
  if [ -n "${XDG_CACHE_HOME-}" ]; then cache=$XDG_CACHE_HOME/goesc
  elif [ -n "${HOME-}" ]; then cache=$HOME/.cache/goesc; fi
fi
# The commands that always run in a process of their own (long-lived, or running go): no
# re-run record, no resident goesc.
case ${1-} in lsp | cache | check | fixtures) alone=yes ;; *) alone= ;; esac
# The re-run record's key: the build, the physical directory, the arguments as typed, the
# GO* and HOME environment (NUL-separated, hashed); its first line the BLAKE2b-512 of the rest.
# awk prints the recorded output when stat and find show what it recorded (exit 0), else
# nothing (exit 3: start node); a signal (a closed pipe) ends goesc with its status.
fast_rerun() {
  [ -z "$alone" ] && [ -n "$cache" ] && [ -d "$cache" ] && read -r build <"$dir/../dist/build-id.json" && cwd=$(pwd -P) || return 1
  key=$({ printf '%s\0' goesc-fast-2 "$build" "$cwd" "$#" "$@"; env -0 | LC_ALL=C grep -z -E '^(GO[^=]*|HOME)=' | LC_ALL=C sort -z; } | sha256sum) || return 1
  key=${key%% *}
  record=$cache/${key%"${key#??}"}/$key.fast
  [ -f "$record" ] && read -r magic sum <"$record" && [ "$magic" = goesc-fast-2 ] || return 1
  rest=$(tail -n +2 -- "$record" | b2sum) && [ "$sum" = "${rest%% *}" ] || return 1
  LC_ALL=C awk -f "$dir/fast-record.awk" "$record"
  status=$?
  if [ "$status" -eq 0 ] || [ "$status" -gt 128 ]; then exit "$status"; fi
  return 1
}
blob=$dir/../dist/bundle/goesc.blob
# The start-up snapshot is current: made by the node that runs it, after dist/ was built.
# Its .node file holds that node's path and size (a node replaced in place, whose blob check
# would fail, is seen by its size or its time), the V8 flags it was built with, which the
# snapshot needs again (scripts/build-snapshot.mjs says why they are there), and the key
# of the resident goesc (src/cli/daemon.ts) that runs from it.
snapshot=
if [ -z "${GOESC_NO_SNAPSHOT-}" ] && [ -f "$blob" ] && [ -f "$blob.node" ] && { read -r node && read -r size && read -r flags && read -r daemon; } <"$blob.node" &&
  [ -x "$node" ] && [ ! "$node" -nt "$blob" ] && [ ! "$dir/../dist/cli/main.js" -nt "$blob" ]; then
  snapshot=yes
fi
# The resident goesc's socket ($sock), in the result cache's folder (the user's own), named
# by its key; not with GOESC_NO_DAEMON set, nor where that path would be too long for a
# socket (107 bytes).
sock=
if [ -n "$snapshot" ] && [ -z "$alone" ] && [ -z "${GOESC_NO_DAEMON-}" ] && [ -n "$cache" ] && [ -n "$daemon" ]; then
  sock=$cache/daemon/$daemon.sock
  if [ "${#sock}" -gt 100 ]; then sock=; fi
fi
# After the re-run check, whose key has the GO* environment as the user gave it.
set_certs_aside() {
  if [ -n "${NODE_EXTRA_CA_CERTS+set}" ]; then
    export GOESC_NODE_EXTRA_CA_CERTS="$NODE_EXTRA_CA_CERTS"
    unset NODE_EXTRA_CA_CERTS
  fi
}
# When it listens, a small client hands it the command (bin/daemon-client.cjs), re-runs
# included: it answers those from the same records, and this way a command it must analyse
# costs no re-run check here. GOESC_NO_DAEMON_CLIENT is the client's own fallback (the
# socket's daemon is gone): a run that starts a new one.
# The socket and its folder must be the user's own: the client sends it the environment.
if [ -n "$sock" ] && [ -z "${GOESC_NO_DAEMON_CLIENT-}" ] && [ -S "$sock" ] && [ -O "$sock" ] && [ -O "${sock%/*}" ]; then
  set_certs_aside
  exec "$node" "$dir/daemon-client.cjs" "$sock" "$@"
fi
unset GOESC_NO_DAEMON_CLIENT
if [ -z "${GOESC_NO_FAST_RERUN-}" ]; then fast_rerun "$@"; fi
set_certs_aside
if [ -n "$snapshot" ] && [ "$(wc -c <"$node")" -eq "$size" ] 2>/dev/null; then
  # Otherwise the snapshot run starts the resident goesc for the commands that follow.
  if [ -n "$sock" ]; then export GOESC_DAEMON_SOCKET="$sock"; fi
  # $flags unquoted: one word per flag (build-snapshot.mjs writes them space-separated).
  # shellcheck disable=SC2086
  exec "$node" $flags --snapshot-blob "$blob" -- "$@"
fi
exec node "$self" "$@"
*/
// As JavaScript: the entry point. `npm run build` (run by `npm ci` through `prepare`) compiles the CLI to dist/
// and bundles it into dist/bundle/goesc.cjs with a V8 code cache (scripts/build-bundle.mjs),
// which starts about twice as fast as loading dist/'s modules one by one; without the
// bundle, with a bundle older than dist/cli/main.js (a tsc-only rebuild), or with
// GOESC_NO_BUNDLE=1 (to compare), the modules are loaded directly.
//
// This file is CommonJS (bin/package.json): with the bundle, node then never starts its ES
// module loader, which a profile of a fresh `goesc -m -l small.go` put at a tenth of it.
'use strict';
const { join } = require('node:path');
const { loadBundle, restoreEnvironment, runMain } = require('./bundle-loader.cjs');

restoreEnvironment();

const bundled = process.env.GOESC_NO_BUNDLE
  ? null
  : loadBundle(join(__dirname, '../dist/bundle/goesc.cjs'), join(__dirname, '../dist/cli/main.js'));

runMain(bundled ?? import('../dist/cli/main.js'), process.argv.slice(2));
