// Build step (run by `npm run build` last): a hash of the compiled program and its models
// (every file under dist/ but this one's output, and every file under models/: std's
// stubs, inline facts and re-exported bodies decide answers as much as the code does),
// written to dist/build-id.json. The result cache keys every entry with it, so answers
// computed by one build, or with other models, are never read by another.
// Generated: do not edit the output.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const out = join(dist, 'build-id.json');
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (p !== out && !p.endsWith('.map')) files.push(p);
  }
};
walk(dist);
walk(join(root, 'models'));
const h = createHash('sha256');
for (const f of files.sort()) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
writeFileSync(out, JSON.stringify({ version, id: h.digest('hex').slice(0, 32) }) + '\n');
