// Build step (run by `npm run build` last): a V8 start-up snapshot of the bundle,
// dist/bundle/goesc.blob, made by `node --build-snapshot bin/snapshot-entry.cjs` with the
// node that runs the build. Measured on a small file (npm run bench:startup), a fresh process
// spent most of its own time compiling and initialising the bundle; starting from the
// snapshot's heap skips both. bin/goesc.js uses the blob only with the node that made it
// (whose path and size are written beside it, goesc.blob.node) and only while it is newer than that
// node and than dist/; otherwise it loads the bundle as before.
//
// A process started from the snapshot has its code's bytecode but no feedback and no compiled
// code, so a small file's analysis runs every function cold. V8's --always-sparkplug compiles
// each function to baseline code on its first call (cheap, no feedback needed): a fresh
// analysing run of testdata/startup/small.go 310.8 -> 239.5 ms at load 4.9, 130 -> 110 ms at
// load 0.7 (paired medians). V8 refuses a snapshot made under other flags, so the flags are
// written as goesc.blob.node's third line and bin/goesc.js starts node with them. The snapshot is an
// accelerator: when it cannot be built (a node without --build-snapshot), the build says so
// and goes on. The blob belongs to the node that made it, so it stays out of the npm package
// (package.json `files`): a packed goesc starts from the bundle until built where it runs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { delimiter } from 'node:path';
import { warmUpFiles } from './lib/warmup.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const blob = `${root}dist/bundle/goesc.blob`;
const tmp = `${blob}.${process.pid}.tmp`;
rmSync(blob, { force: true });
rmSync(`${blob}.node`, { force: true });
const snapshotFlags = ['--always-sparkplug'];
const env = { ...process.env, GOESC_SNAPSHOT_BUNDLE: `${root}dist/bundle/goesc.cjs`, GOESC_SNAPSHOT_SEED: warmUpFiles.join(delimiter) };
delete env.NODE_EXTRA_CA_CERTS;
delete env.NODE_OPTIONS;
const r = spawnSync(process.execPath, [...snapshotFlags, '--snapshot-blob', tmp, '--build-snapshot', `${root}bin/snapshot-entry.cjs`], { env, encoding: 'utf8' });
if (r.status !== 0) {
  rmSync(tmp, { force: true });
  const why = (r.error?.message ?? r.stderr ?? '').split('\n').find((l) => /^\w*Error\b/.test(l)) ?? `exit ${r.status}`;
  process.stderr.write(`build-snapshot: no start-up snapshot (${why.trim()}); goesc starts from the bundle\n`);
} else {
  renameSync(tmp, blob);
  // The fourth line names the resident goesc of this build, folder and node (src/cli/daemon.ts):
  // bin/goesc.js finds its socket without computing anything.
  const size = statSync(process.execPath).size;
  const build = readFileSync(`${root}dist/build-id.json`, 'utf8');
  const daemon = createHash('sha256').update([build, realpathSync(root), process.execPath, size, snapshotFlags.join(' ')].join('\0')).digest('hex').slice(0, 16);
  writeFileSync(`${blob}.node`, `${process.execPath}\n${size}\n${snapshotFlags.join(' ')}\n${daemon}\n`);
}
