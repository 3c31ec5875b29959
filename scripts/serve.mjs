// Serves the static export in out/ on 127.0.0.1:$PORT (default 3000). `next start` refuses
// `output: 'export'`, and `npx serve` would download a package on first use.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'out');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.ts': 'text/javascript; charset=utf-8',
};

if (!existsSync(join(root, 'index.html'))) {
  console.error(`serve: ${root}/index.html not found — run npm run build first`);
  process.exit(1);
}

function resolvePath(url) {
  const path = decodeURIComponent(new URL(url, 'http://x').pathname);
  const file = normalize(join(root, path));
  if (!file.startsWith(root)) return undefined;
  for (const candidate of [file, join(file, 'index.html'), `${file}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

createServer((req, res) => {
  let file;
  try {
    file = resolvePath(req.url ?? '/');
  } catch {
    file = undefined;
  }
  const status = file ? 200 : 404;
  file ??= join(root, '404.html');
  res.writeHead(status, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  createReadStream(file).pipe(res);
}).listen(port, host, () => {
  console.log(`Driftbook is running at http://${host}:${port}`);
});
