// Copies SQLite's WebAssembly (sql.js) into public/vendor/ so the static export serves it from our own
// origin (lib/tracking/sql-js.ts fetches /vendor/sql-wasm.wasm). Run by `npm run build` and `npm run dev`.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
mkdirSync(join(root, 'public', 'vendor'), { recursive: true });
copyFileSync(source, join(root, 'public', 'vendor', 'sql-wasm.wasm'));
