// A tiny static server for dist/web (node:http), for the playground's browser test and
// bench:web: a worker and fetch() need http:// (file:// blocks them). It records every
// request and the bytes it sent, so a caller can say what a page load fetched.
// `node scripts/serve-web.mjs [PORT]` serves dist/web until stopped.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves `dir` on 127.0.0.1 (a free port unless given); resolves once listening. */
export function serveStatic(dir, port = 0) {
  const root = resolve(dir);
  const log = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-cache' });
      res.end(body);
      log.push({ path, bytes: body.length });
    } catch {
      res.writeHead(404).end();
      log.push({ path, bytes: 0, status: 404 });
    }
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      ok({
        url: `http://127.0.0.1:${address.port}/`,
        log,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = await serveStatic(fileURLToPath(new URL('../dist/web', import.meta.url)), Number(process.argv[2] ?? 8080));
  console.log(`serving dist/web at ${s.url}`);
}
