// The client of the resident goesc (src/cli/daemon.ts), started by bin/goesc.js's shell part
// as `node daemon-client.cjs SOCKET ARGS...` when this build's daemon socket exists: sends
// the command (arguments, working directory, environment, whether stdout and stderr are
// terminals), prints the frames of output it gets back in order, and exits with the
// command's status. Plain node, nothing loaded: its start-up is the whole cost of a run.
// When the daemon cannot answer (gone, or the folder it would run in is), the command runs
// here as it would have without a daemon: bin/goesc.js again, told not to use this client.
'use strict';
const { connect } = require('node:net');

const [socket, ...argv] = process.argv.slice(2);
const env = { ...process.env };
// bin/goesc.js set the user's NODE_EXTRA_CA_CERTS aside for node's start: the command gets it.
if (env.GOESC_NODE_EXTRA_CA_CERTS !== undefined) {
  env.NODE_EXTRA_CA_CERTS = env.GOESC_NODE_EXTRA_CA_CERTS;
  delete env.GOESC_NODE_EXTRA_CA_CERTS;
}
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => process.exit(1));

let status = null;
let answered = false;
let fresh = false;
let text = '';
const conn = connect(socket);
conn.setEncoding('utf8');
conn.on('connect', () => {
  const columns = process.stdout.columns ?? process.stderr.columns;
  conn.write(JSON.stringify({ argv, cwd: process.cwd(), env, stdoutTTY: !!process.stdout.isTTY, stderrTTY: !!process.stderr.isTTY, columns }) + '\n');
});
conn.on('data', (chunk) => {
  text += chunk;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n')) {
    let frame;
    try {
      frame = JSON.parse(text.slice(0, end));
    } catch {
      answered = true; // not a goesc daemon's frame: say so at close, never a stack
      conn.destroy();
      return;
    }
    text = text.slice(end + 1);
    answered = true;
    if (frame.o !== undefined) process.stdout.write(frame.o);
    else if (frame.e !== undefined) process.stderr.write(frame.e);
    else if (frame.ob !== undefined) process.stdout.write(Buffer.from(frame.ob, 'base64'));
    else if (frame.eb !== undefined) process.stderr.write(Buffer.from(frame.eb, 'base64'));
    else if (frame.x !== undefined) status = frame.x;
    else if (frame.fresh) fresh = true;
  }
});
conn.on('error', () => {});
conn.on('close', () => {
  if (status !== null) process.exitCode = status;
  else if (!answered || fresh) {
    // Loaded only here: child_process costs a few milliseconds of every start.
    const run = require('node:child_process').spawnSync(`${__dirname}/goesc.js`, argv, { stdio: 'inherit', env: { ...process.env, GOESC_NO_DAEMON_CLIENT: '1' } });
    process.exitCode = run.status ?? 1;
  } else {
    process.stderr.write('goesc: the resident goesc stopped during the command; run it again (GOESC_NO_DAEMON=1 runs without it)\n');
    process.exitCode = 1;
  }
});
