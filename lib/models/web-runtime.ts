/**
 * onnxruntime-web (its WebAssembly CPU build), loaded once per thread. In a browser or worker its
 * `.wasm` is fetched from our own origin — `/vendor/ort/`, copied from node_modules by
 * scripts/copy-ort-wasm.mjs before `next build`/`next dev` — never from a CDN (the page's CSP allows
 * only its own origin; compiling it is what 'wasm-unsafe-eval' in script-src allows). In Node (unit
 * tests, the engine without a browser) the package reads its wasm beside itself in node_modules.
 */
import type { OnnxRuntime } from './runtime';

/** Where the static export serves the runtime's files. */
export const ORT_WASM_DIR = '/vendor/ort/';
/** The one wasm binary the CPU build needs (its JavaScript loader is bundled into onnxruntime-web/wasm). */
export const ORT_WASM_FILE = 'ort-wasm-simd-threaded.wasm';

let shared: Promise<OnnxRuntime> | undefined;

function inBrowser(): boolean {
  return typeof process === 'undefined' || !process.versions?.node;
}

export function loadWebRuntime(): Promise<OnnxRuntime> {
  shared ??= import('onnxruntime-web/wasm').then((ort) => {
    if (inBrowser()) ort.env.wasm.wasmPaths = { wasm: new URL(ORT_WASM_DIR + ORT_WASM_FILE, globalThis.location.origin).href };
    // Threads need cross-origin isolation (SharedArrayBuffer), which a static host does not give: one thread, no proxy worker.
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    return ort;
  });
  shared.catch(() => (shared = undefined));
  return shared;
}
