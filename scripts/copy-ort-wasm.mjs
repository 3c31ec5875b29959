// Copies onnxruntime-web's WebAssembly (the CPU build's .wasm and its .mjs loader) into public/vendor/ort/
// so the static export serves them from our own origin (lib/models/web-runtime.ts points onnxruntime-web
// at /vendor/ort/; no CDN). Run by `npm run build` and `npm run dev`.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const target = join(root, 'public', 'vendor', 'ort');
mkdirSync(target, { recursive: true });
for (const file of ['ort-wasm-simd-threaded.wasm', 'ort-wasm-simd-threaded.mjs']) {
  copyFileSync(require.resolve(`onnxruntime-web/${file}`), join(target, file));
}
