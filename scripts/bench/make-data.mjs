// Generates the benchmark's CSV pair, deterministically: scripts/bench/data/reference.csv and
// current.csv (1,000,000 rows × 20 columns by default; the current file has mild shifts in some
// columns). Seeded PRNG (mulberry32), no Math.random: the same --rows always gives the same bytes,
// and the first N rows of a larger file equal the N-row file.
//
// Usage: node scripts/bench/make-data.mjs [--rows N] [--force]
//   --rows N   rows per file (default 1000000); other sizes go to data/rows-N/
//   --force    regenerate even when the manifest says the files are already there
// The files' sizes and SHA-256 are kept in <dir>/manifest.json; a run whose files still match is a no-op.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Buffer } from 'node:buffer';

/** Bump when the generator's output changes, so stale data is regenerated. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_ROWS = 1_000_000;
const SEEDS = { 'reference.csv': 0x5eed0001, 'current.csv': 0x5eed0002 };
const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

/** Where the files for `rows` rows live: data/ for the default size, data/rows-N/ otherwise. */
export function dataDir(rows) {
  return rows === DEFAULT_ROWS ? join(BENCH_DIR, 'data') : join(BENCH_DIR, 'data', `rows-${rows}`);
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller (both halves used). */
function normalSource(rand) {
  let spare = NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = NaN;
      return z;
    }
    let u = rand();
    while (u <= 1e-300) u = rand();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * rand();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
}

/** A sampler of indices 0..weights.length-1 with the given (unnormalised) weights. */
function discrete(weights) {
  const total = weights.reduce((s, w) => s + w, 0);
  const cdf = new Float64Array(weights.length);
  let acc = 0;
  weights.forEach((w, i) => {
    acc += w / total;
    cdf[i] = acc;
  });
  cdf[weights.length - 1] = 1;
  return (u) => {
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < cdf[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

const zipf = (n, s) => Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);

/**
 * The 20 columns. `make(shifted)` returns a cell generator (rand, normal) → string; `shifted` is true
 * for current.csv. `missing` is the share of empty cells. 12 floats, 4 small integers, 4 categories.
 */
const COLUMNS = [
  { name: 'f01_normal', missing: 0, make: (s) => (r, n) => (n() + (s ? 0.05 : 0)).toFixed(5) },
  { name: 'f02_income', missing: 0.01, make: () => (r, n) => (52000 + 9000 * n()).toFixed(1) },
  { name: 'f03_lognormal', missing: 0, make: () => (r, n) => Math.exp(3 + 0.8 * n()).toFixed(3) },
  { name: 'f04_uniform', missing: 0, make: () => (r) => r().toFixed(5) },
  { name: 'f05_price', missing: 0, make: (s) => (r, n) => (Math.exp(4 + n()) * (s ? 1.1 : 1)).toFixed(2) },
  { name: 'f06_small', missing: 0, make: () => (r, n) => (0.0025 + 0.0005 * n()).toFixed(7) },
  { name: 'f07_big', missing: 0.01, make: () => (r, n) => (500000 + 100000 * n()).toFixed(0) },
  { name: 'f08_uniform_wide', missing: 0, make: () => (r) => (-500 + 1000 * r()).toFixed(2) },
  { name: 'f09_exponential', missing: 0, make: (s) => (r) => (-(s ? 3.3 : 3) * Math.log(1 - r())).toFixed(4) },
  { name: 'f10_normal_neg', missing: 0, make: () => (r, n) => (-50 + 10 * n()).toFixed(3) },
  { name: 'f11_ratio', missing: 0.01, make: () => (r) => (r() * r()).toFixed(5) },
  { name: 'f12_temperature', missing: 0, make: (s) => (r, n) => (20 + (s ? 5.3 : 5) * n()).toFixed(2) },
  {
    name: 'i01_k3',
    missing: 0,
    make: () => {
      const d = discrete([5, 3, 2, 1]);
      return (r) => String(d(r()));
    },
  },
  {
    name: 'i02_k9',
    missing: 0,
    make: (s) => {
      const d = discrete(s ? zipf(10, 0.9) : zipf(10, 1));
      return (r) => String(d(r()));
    },
  },
  { name: 'i03_binary', missing: 0.01, make: () => (r) => (r() < 0.3 ? '1' : '0') },
  {
    name: 'i04_k6',
    missing: 0,
    make: () => {
      const d = discrete([1, 2, 3, 4, 3, 2, 1]);
      return (r) => String(d(r()));
    },
  },
  {
    name: 'c01_region',
    missing: 0,
    make: () => {
      const values = ['region_EU', 'region_NA', 'region_APAC', 'region_LATAM', 'region_MEA', 'region_OTHER'];
      const d = discrete([30, 35, 20, 8, 5, 2]);
      return (r) => values[d(r())];
    },
  },
  {
    name: 'c02_category',
    missing: 0.01,
    make: (s) => {
      const w = zipf(50, 0.8);
      if (s) w[7] *= 1.5; // one category gains share in current
      const d = discrete(w);
      return (r) => `cat_${d(r())}`;
    },
  },
  {
    name: 'c03_device',
    missing: 0,
    make: () => {
      const values = ['device_mobile', 'device_desktop', 'device_tablet', 'device_tv', 'device_unknown'];
      const d = discrete([55, 35, 7, 2, 1]);
      return (r) => values[d(r())];
    },
  },
  {
    name: 'c04_segment',
    missing: 0,
    make: (s) => {
      const d = discrete(s ? zipf(20, 0.55) : zipf(20, 0.5));
      return (r) => `seg_${String(d(r())).padStart(2, '0')}`;
    },
  },
];

const CHUNK_ROWS = 16384;

/** Writes one file; returns { bytes, sha256, seconds }. Writes to a temp name, renamed when complete. */
function writeFile(path, rows, seed, shifted) {
  const start = performance.now();
  const rand = mulberry32(seed);
  const normal = normalSource(rand);
  const cells = COLUMNS.map((c) => c.make(shifted));
  const missing = COLUMNS.map((c) => c.missing);
  const hash = createHash('sha256');
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  let bytes = 0;
  const emit = (text) => {
    const buf = Buffer.from(text, 'latin1'); // all generated text is ASCII
    hash.update(buf);
    bytes += buf.length;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off);
  };
  try {
    emit(`${COLUMNS.map((c) => c.name).join(',')}\n`);
    for (let r0 = 0; r0 < rows; r0 += CHUNK_ROWS) {
      const end = Math.min(rows, r0 + CHUNK_ROWS);
      let chunk = '';
      for (let r = r0; r < end; r++) {
        let line = '';
        for (let c = 0; c < cells.length; c++) {
          // Every cell draws its value first, so the stream stays aligned whatever is blanked.
          const value = cells[c](rand, normal);
          const blank = missing[c] > 0 && rand() < missing[c];
          line += c === 0 ? (blank ? '' : value) : blank ? ',' : `,${value}`;
        }
        chunk += `${line}\n`;
      }
      emit(chunk);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return { bytes, sha256: hash.digest('hex'), seconds: (performance.now() - start) / 1000 };
}

function sha256File(path) {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 22);
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** True when dir's manifest matches this generator and rows, and every file has its recorded size and hash. */
function upToDate(dir, rows) {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return false;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return false;
  }
  if (manifest.generatorVersion !== GENERATOR_VERSION || manifest.rows !== rows) return false;
  return Object.keys(SEEDS).every((name) => {
    const entry = manifest.files?.[name];
    const path = join(dir, name);
    return entry && existsSync(path) && statSync(path).size === entry.bytes && sha256File(path) === entry.sha256;
  });
}

/** Makes sure the pair for `rows` exists; returns { dir, reference, current, manifest, generated }. */
export function ensureData(rows = DEFAULT_ROWS, { force = false, log = console.log } = {}) {
  const dir = dataDir(rows);
  mkdirSync(dir, { recursive: true });
  const paths = { dir, reference: join(dir, 'reference.csv'), current: join(dir, 'current.csv') };
  if (!force && upToDate(dir, rows)) {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    log(`bench data: up to date in ${dir} (${rows} rows; manifest sizes and sha256 match)`);
    return { ...paths, manifest, generated: false };
  }
  const files = {};
  for (const [name, seed] of Object.entries(SEEDS)) {
    const result = writeFile(join(dir, name), rows, seed, name === 'current.csv');
    files[name] = { bytes: result.bytes, sha256: result.sha256, seconds: Number(result.seconds.toFixed(2)) };
    log(
      `bench data: wrote ${name}: ${rows} rows, ${(result.bytes / 1e6).toFixed(1)} MB in ${result.seconds.toFixed(1)} s, sha256 ${result.sha256.slice(0, 16)}…`,
    );
  }
  const manifest = { generatorVersion: GENERATOR_VERSION, rows, columns: COLUMNS.map((c) => c.name), files };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...paths, manifest, generated: true };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: { rows: { type: 'string' }, force: { type: 'boolean', default: false } },
    strict: true,
  });
  const rows = values.rows === undefined ? DEFAULT_ROWS : Number(values.rows);
  if (!Number.isInteger(rows) || rows < 1) {
    console.error(`make-data: --rows must be a positive integer, got ${values.rows}`);
    process.exit(2);
  }
  ensureData(rows, { force: values.force });
}
