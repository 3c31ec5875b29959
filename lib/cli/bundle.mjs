// The CLI's start-up bundle: lib/cli/main.ts and the pool worker bundled by esbuild into
// node_modules/.cache/driftbook-cli/<build>/, used while every source it was built from is unchanged.
// Loading ~400 TypeScript modules through tsx took ~1.5 s per process (and again per worker thread);
// the bundle loads in ~0.2 s. Plain JavaScript: it runs before any TypeScript loader.
//
// Freshness: the pointer file records each input's size and mtime (taken before the build read it);
// any difference, a missing input or a changed build recipe rebuilds (~0.5 s) — or, when esbuild is
// unavailable, the cache is not writable or another process is building, the caller falls back to tsx.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// A lock older than this was left by a builder that died: take it over.
const STALE_LOCK_MS = 60_000;
// Build directories kept besides the current one (a process started before a rebuild may still load its chunks).
const KEEP_OLD_BUILDS = 2;
/** Files that change the bundle without being bundled: the recipe (this file) and the TypeScript settings. */
const RECIPE = ['lib/cli/bundle.mjs', 'tsconfig.json', 'package.json'];
const ENTRIES = { main: 'lib/cli/main.ts', 'pool-worker': 'lib/cli/pool-worker.ts' };
/**
 * npm packages bundled in rather than loaded from node_modules: Arrow is ~200 ES modules that each
 * thread resolved and compiled at start-up (~0.2 s; one chunk loads in a fraction of that), and arquero
 * (with flechette) comes along so that one Arrow copy serves both. Every other package stays external
 * (native addons, wasm files found beside their module, the big lazily used ones).
 */
const BUNDLED_PACKAGES = new Set(['apache-arrow', 'flatbuffers', 'tslib', 'json-with-bigint', 'arquero', '@uwdata/flechette']);

/** The package a bare import names ('@scope/name' or 'name'). */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** esbuild plugin: bare imports stay external unless their package is in BUNDLED_PACKAGES. */
const externals = {
  name: 'driftbook-externals',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED_PACKAGES.has(packageOf(args.path)) && !args.path.startsWith('node:') ? undefined : { external: true },
    );
  },
};

/** Where a checkout's bundles live (tests pass another root). */
function cacheOf(root) {
  const cache = join(root, 'node_modules', '.cache', 'driftbook-cli');
  return { cache, pointer: join(cache, 'current.json'), lock: join(cache, 'build.lock') };
}

/** [size, mtimeMs] of a file under root, or undefined when it is gone. */
function stamp(root, file) {
  try {
    const info = statSync(join(root, file));
    return [info.size, info.mtimeMs];
  } catch {
    return undefined;
  }
}

function readPointer(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The bundled main module's URL when the bundle matches the sources, else undefined. */
export function freshBundle(root = REPO) {
  const { cache, pointer: pointerPath } = cacheOf(root);
  const pointer = readPointer(pointerPath);
  if (!Array.isArray(pointer?.inputs) || typeof pointer.dir !== 'string') return undefined;
  for (const [file, size, mtime] of pointer.inputs) {
    const now = stamp(root, file);
    if (!now || now[0] !== size || now[1] !== mtime) return undefined;
  }
  const main = join(cache, pointer.dir, 'main.mjs');
  return stamp(root, relative(root, main)) ? pathToFileURL(main).href : undefined;
}

/** Stamps of every file under lib/, taken before the build reads them (an edit during the build then shows as stale). */
function stampTree(root, dir, out = new Map()) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) stampTree(root, path, out);
    else if (entry.isFile()) out.set(path, stamp(root, path));
  }
  return out;
}

/** Takes the build lock, or returns false when another live process holds it. */
function lock(path) {
  try {
    closeSync(openSync(path, 'wx'));
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age < STALE_LOCK_MS) return false;
    rmSync(path, { force: true });
    return lock(path);
  }
}

function dropOldBuilds(cache, current) {
  const builds = readdirSync(cache, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== current)
    .map((e) => ({ name: e.name, mtime: statSync(join(cache, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of builds.slice(KEEP_OLD_BUILDS)) rmSync(join(cache, old.name), { recursive: true, force: true });
}

/**
 * Bundles the CLI (esbuild: ESM, code splitting so each command's modules load on first use, npm
 * packages but BUNDLED_PACKAGES left to node_modules) into a new build directory, then points current.json at it.
 * Returns the main module's URL, or undefined when another process is building right now.
 */
export async function buildBundle(root = REPO) {
  const { cache, pointer: pointerPath, lock: lockPath } = cacheOf(root);
  mkdirSync(cache, { recursive: true });
  if (!lock(lockPath)) return undefined;
  try {
    const before = stampTree(root, 'lib');
    for (const file of RECIPE) before.set(file, stamp(root, file));
    const { build, version } = await import('esbuild');
    const dir = `build-${Date.now().toString(36)}-${process.pid}`;
    const { metafile } = await build({
      absWorkingDir: root,
      entryPoints: ENTRIES,
      outdir: join(cache, dir),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      plugins: [externals],
      // Chunks beside the entries: lib/cli/pool.ts finds its worker as new URL('./pool-worker.mjs', import.meta.url).
      chunkNames: '[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      // Class and function names as in the sources (error classes, messages).
      keepNames: true,
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = [...new Set([...Object.keys(metafile.inputs), ...RECIPE])].sort().map((file) => {
      const at = before.get(file) ?? stamp(root, file);
      if (!at) throw new Error(`bundle input vanished: ${file}`);
      return [file, ...at];
    });
    const pointer = { dir, esbuild: version, builtAt: new Date().toISOString(), inputs };
    const temp = `${pointerPath}.${process.pid}`;
    writeFileSync(temp, `${JSON.stringify(pointer)}\n`);
    renameSync(temp, pointerPath);
    dropOldBuilds(cache, dir);
    return pathToFileURL(join(cache, dir, 'main.mjs')).href;
  } finally {
    rmSync(lockPath, { force: true });
  }
}

/**
 * The bundled main module to run: the fresh bundle, else a new one; undefined (run the sources with
 * tsx) when DRIFTBOOK_NO_BUNDLE is set or a bundle cannot be had now.
 */
export async function bundledMain(root = REPO) {
  if (process.env.DRIFTBOOK_NO_BUNDLE) return undefined;
  const fresh = freshBundle(root);
  if (fresh) return fresh;
  try {
    return await buildBundle(root);
  } catch (error) {
    if (process.env.DRIFTBOOK_DEBUG) process.stderr.write(`driftbook: no bundle (${error.message}); running the sources with tsx\n`);
    return undefined;
  }
}

// `npm run build:cli` (node lib/cli/bundle.mjs): build now, e.g. before timing the CLI.
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const url = await buildBundle();
  if (!url) {
    process.stderr.write('driftbook: another process is building the bundle; try again in a moment\n');
    process.exitCode = 1;
  } else process.stdout.write(`driftbook CLI bundle: ${fileURLToPath(url)}\n`);
}
