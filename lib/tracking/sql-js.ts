import type { SqlJsStatic } from 'sql.js';

export type { Database, SqlJsStatic, SqlValue } from 'sql.js';

/**
 * Where the browser fetches SQLite's WebAssembly: our own static file, copied from
 * node_modules/sql.js/dist by scripts/copy-sql-wasm.mjs before `next build`/`next dev` (never a CDN:
 * the page's CSP allows only its own origin, and the data never leaves the browser).
 */
export const SQL_WASM_PATH = '/vendor/sql-wasm.wasm';

export interface LoadSqlJsOptions {
  /** The wasm's URL in a browser or worker (default SQL_WASM_PATH on the page's origin). */
  wasmUrl?: string;
  /** The wasm's bytes, when the caller already has them (no fetch, no file read). */
  wasmBinary?: Uint8Array;
}

let shared: Promise<SqlJsStatic> | undefined;

function inBrowser(): boolean {
  return typeof process === 'undefined' || !process.versions?.node;
}

/**
 * SQLite compiled to WebAssembly (sql.js), loaded once per thread. In Node, sql.js's own build reads
 * its wasm next to itself in node_modules; in a browser (the "browser" export of sql.js), the wasm is
 * fetched from `wasmUrl`. Instantiating wasm is why the page's CSP carries 'wasm-unsafe-eval'.
 */
export function loadSqlJs(options: LoadSqlJsOptions = {}): Promise<SqlJsStatic> {
  if (!options.wasmUrl && !options.wasmBinary && shared) return shared;
  const loading = import('sql.js').then(({ default: initSqlJs }) => {
    if (options.wasmBinary) return initSqlJs({ wasmBinary: options.wasmBinary });
    if (!inBrowser()) return initSqlJs();
    const url = options.wasmUrl ?? SQL_WASM_PATH;
    return initSqlJs({ locateFile: () => url });
  });
  if (!options.wasmUrl && !options.wasmBinary) {
    shared = loading;
    loading.catch(() => (shared = undefined));
  }
  return loading;
}
