// Records gc's first error for every input in test/syntax/testdata/bad/*.go into
// test/syntax/testdata/bad.expected.json (generated, do not edit; regenerate with
// `node scripts/goparser-check/syntax-errors.mjs`). The file names in the messages are
// relative to test/syntax/testdata, as the test names them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../test/syntax/testdata/', import.meta.url));
const goVersion = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
// Never -o /dev/null: the compiler replaces its output file, and /dev/null with it.
const objFile = join(mkdtempSync(join(tmpdir(), 'goesc-syntax-')), 'x.o');
const cases = {};
for (const name of readdirSync(`${dir}bad`).filter((n) => n.endsWith('.go')).sort()) {
  const file = `bad/${name}`;
  const r = spawnSync('go', ['tool', 'compile', '-p=p', '-o', objFile, file], { cwd: dir, encoding: 'utf8' });
  cases[file] = (r.stdout + r.stderr).split('\n')[0];
}
const out = {
  generatedBy: 'node scripts/goparser-check/syntax-errors.mjs',
  command: 'go tool compile -p=p -o TMP/x.o FILE (first line of output)',
  go: goVersion,
  cases,
};
writeFileSync(`${dir}bad.expected.json`, JSON.stringify(out, null, 2) + '\n');
console.log(`wrote ${Object.keys(cases).length} cases (${goVersion})`);
