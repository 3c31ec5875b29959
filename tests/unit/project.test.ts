import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../lib/version';
import { importGraph, valueCycles, type ImportEdge } from '../support/import-graph';
import { ROOT } from '../support';

describe('project', () => {
  it('reports the version package.json declares', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('ships demo files that the committed split script reproduces byte for byte', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/make-demo-data.mjs'), '--check'], { encoding: 'utf8' });
    expect(out).toContain('public/demo/seattle-weather-2012-2013.csv: 731 rows');
    expect(out).toContain('public/demo/seattle-weather-2015.csv: 365 rows');
  });
});

/**
 * The layers of lib/: what each folder (or root file, by its name) may import. A layer may
 * always import itself. `uses` are imports of values; `types` are layers it may import with
 * `import type` only (erased at build time, so no run-time dependency and no bundle cost).
 *
 *   stats ← prom ← data ← profile ← drift · metrics · fairness · quality · explore · validation ← stream ← compare · explain · multivariate ← store ← notebook ← alerts ← report ← cards ← engine · cli
 *   models (ONNX description, input mapping, scoring through an injected runtime) sits on data, below explain.
 *   charts: values from stats/data only, result types from the analyses; never report.
 *   tracking (MLflow's model, importers, audit chain) sits beside the analyses, below store.
 *   stream (windows, sequential detectors) composes the analyses per window; cards (model cards)
 *   read notebook results and render with report's escaping and charts.
 *
 * Analyses (drift, metrics, fairness, quality, explore — the custom chart's aggregation, validation — GX suites) are peers and do not import each other. A new
 * lib folder must be added here, in its place, before its first file lands.
 */
// Root modules every layer may use: typed errors, the version, number/duration formatting.
const BASE = ['errors', 'version', 'format'];
const ANALYSES = ['drift', 'metrics', 'fairness', 'quality', 'explore', 'validation'];
// Layers over models and several analyses at once (issues 17 and 18); models is below them all.
const MODELLING = ['models', 'compare', 'explain', 'multivariate'];
// What the hosts (the worker's engine, the CLI) may use: every layer below them.
const HOST_USES = [
  ...BASE,
  'stats',
  'prom',
  'data',
  'profile',
  ...ANALYSES,
  'stream',
  ...MODELLING,
  'tracking',
  'store',
  'notebook',
  'alerts',
  'charts',
  'report',
  'cards',
];
const LAYERS: Record<string, { uses: string[]; types?: string[] }> = {
  errors: { uses: [] },
  version: { uses: [] },
  format: { uses: [] },
  stats: { uses: BASE },
  // Prometheus' data model (query_range JSON, Grafana CSV, histogram_quantile, rate): pure functions the readers use.
  prom: { uses: [...BASE, 'stats'] },
  data: { uses: [...BASE, 'stats', 'prom'] },
  profile: { uses: [...BASE, 'stats', 'data'] },
  drift: { uses: [...BASE, 'stats', 'data', 'profile'] },
  metrics: { uses: [...BASE, 'stats', 'data', 'profile'] },
  fairness: { uses: [...BASE, 'stats', 'data', 'profile'] },
  quality: { uses: [...BASE, 'stats', 'data', 'profile'] },
  explore: { uses: [...BASE, 'stats', 'data', 'profile'] },
  // Great Expectations' suites and results (GX Core 1.x semantics) over one dataset.
  validation: { uses: [...BASE, 'stats', 'data', 'profile'] },
  // IndexedDB: datasets, profiles and cells as the notebook defines them (types only from above).
  // Windows over time and sequential drift detectors: each window runs the analyses below.
  stream: { uses: [...BASE, 'stats', 'data', 'profile', ...ANALYSES] },
  // Models (ONNX): their description, input mapping and batched scoring through a runtime the host passes in
  // (onnxruntime-web in the worker, onnxruntime-node in the CLI).
  models: { uses: [...BASE, 'stats', 'data'] },
  // Comparing models and variants (champion/challenger, A/B tests, business value) over the analyses' metrics.
  compare: { uses: [...BASE, 'stats', 'data', 'profile', ...ANALYSES, 'stream'] },
  // Explanations of a model (SHAP, permutation importance, local surrogates, attribution drift).
  explain: { uses: [...BASE, 'stats', 'data', 'profile', ...ANALYSES, 'stream', 'models'] },
  // Drift no per-column test sees: PCA reconstruction error, a domain classifier.
  multivariate: { uses: [...BASE, 'stats', 'data', 'profile', ...ANALYSES, 'stream'] },
  // Tracking (MLflow's data model, importers, the audit trail's hash chain): pure functions over plain records.
  tracking: { uses: [...BASE, 'stats', 'data'] },
  store: { uses: [...BASE, 'stats', 'data', 'profile', 'tracking'], types: [...ANALYSES, 'stream', 'notebook', 'cards', 'alerts', 'models'] },
  notebook: { uses: [...BASE, 'stats', 'prom', 'data', 'profile', ...ANALYSES, 'stream', ...MODELLING, 'tracking', 'store'] },
  // Alert rules, the metric catalogue (shared with the Prometheus exposition and rules files), their evaluation, dashboards:
  // pure functions over notebook results.
  alerts: { uses: [...BASE, 'stats', 'prom', 'data', 'profile', ...ANALYSES, 'stream', ...MODELLING, 'tracking', 'notebook'] },
  charts: { uses: [...BASE, 'stats', 'data'], types: ['profile', ...ANALYSES, 'stream', ...MODELLING, 'tracking', 'notebook', 'cards', 'alerts', 'prom'] },
  // Reports are pure functions of results: they never read the database.
  report: { uses: [...BASE, 'stats', 'prom', 'data', 'profile', ...ANALYSES, 'stream', ...MODELLING, 'tracking', 'notebook', 'alerts', 'charts'] },
  // Model cards: autofilled from notebook results, exported with the report's escaping and charts.
  cards: { uses: [...BASE, 'stats', 'data', 'profile', ...ANALYSES, 'stream', ...MODELLING, 'tracking', 'notebook', 'alerts', 'charts', 'report'] },
  // Hosts: the worker's engine and the CLI compose everything below them (the CLI also runs the engine).
  engine: { uses: HOST_USES },
  cli: { uses: [...HOST_USES, 'engine'] },
};

/** Node built-ins (`node:fs`, `fs`, `worker_threads`…) only here: the rest of lib also runs in browsers. */
const NODE_LAYERS = ['cli'];
/** Node-only readers outside lib/cli (the CLI reads files with lib/data); only lib/cli may import them. */
const NODE_FILES = ['lib/data/read-file.ts'];
/**
 * Files allowed one computed import(): the CLI launcher loads the esbuild bundle of lib/cli/main.ts
 * (built by lib/cli/bundle.mjs under node_modules/.cache), whose path names its build.
 */
const COMPUTED_IMPORT_FILES = ['lib/cli/driftbook.mjs'];

/**
 * Edges known to break the table, left by the restructuring under way (issue 10). The test fails
 * when a new violation appears and when a listed one is gone, so this list only shrinks.
 */
const KNOWN_VIOLATIONS: string[] = [];

/** The layer of a lib file: its folder under lib/, or its name for a root file (lib/errors.ts → errors). */
function layerOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1]! : parts[1]!.replace(/\.[^.]+$/, '');
}

/** Every edge of lib's import graph that breaks the layer table, as `lib/x/a.ts → target (why)`. */
function layerViolations(edges: readonly ImportEdge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const from = layerOf(e.from);
    const rule = LAYERS[from];
    const edge = `${e.from} → ${e.to ?? e.specifier}`;
    if (!rule) {
      out.push(`${edge} (lib/${from} is not in the layer table of tests/unit/project.test.ts: add it)`);
    } else if (e.specifier === '<computed>' && COMPUTED_IMPORT_FILES.includes(e.from)) {
      continue;
    } else if (e.specifier === '<computed>') {
      out.push(`${edge} (a computed import() cannot be checked: import a literal path)`);
    } else if (e.to === null) {
      const bare = e.specifier.replace(/^node:/, '');
      if (isBuiltin(e.specifier) && !NODE_LAYERS.includes(from) && !NODE_FILES.includes(e.from)) {
        out.push(`${edge} (Node built-in ${bare}: only lib/cli and ${NODE_FILES.join(', ')} may use Node)`);
      }
    } else if (!e.to.startsWith('lib/')) {
      out.push(`${edge} (lib may not import outside lib/: components, app and workers sit above it)`);
    } else {
      const to = layerOf(e.to);
      if (NODE_FILES.includes(e.to) && !NODE_LAYERS.includes(from)) out.push(`${edge} (${e.to} is Node-only: only lib/cli may import it)`);
      else if (to === from || rule.uses.includes(to)) continue;
      else if (e.typeOnly && rule.types?.includes(to)) continue;
      else if (rule.types?.includes(to)) out.push(`${edge} (${from} may import only types from ${to}: use import type)`);
      else out.push(`${edge} (${from} may not import ${to})`);
    }
  }
  return out;
}

describe('lib architecture', () => {
  const edges = importGraph(ROOT, 'lib');

  it('parses the imports of every lib file, static and dynamic', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.dynamic)).toBe(true);
    expect(edges.some((e) => e.typeOnly)).toBe(true);
  });

  it('imports only down the layer table (no new violation, no stale known one)', () => {
    const found = layerViolations(edges);
    const fresh = found.filter((v) => !KNOWN_VIOLATIONS.includes(v));
    const stale = KNOWN_VIOLATIONS.filter((v) => !found.includes(v));
    expect(fresh, 'imports that break the layer table').toEqual([]);
    expect(stale, 'fixed violations still listed in KNOWN_VIOLATIONS: remove them').toEqual([]);
  });

  it('has no import cycle between lib files', () => {
    expect(valueCycles(edges)).toEqual([]);
  });

  it('refuses the edges it is meant to refuse', () => {
    const edge = (from: string, to: string | null, specifier = to ?? '', typeOnly = false): ImportEdge => ({ from, to, specifier, typeOnly, dynamic: false });
    expect(
      layerViolations([
        edge('lib/charts/a.ts', 'lib/report/format.ts'),
        edge('lib/charts/a.ts', 'lib/drift/types.ts'),
        edge('lib/charts/a.ts', 'lib/drift/types.ts', 'x', true),
        edge('lib/report/a.ts', 'lib/store/db.ts'),
        edge('lib/data/a.ts', 'lib/drift/types.ts', 'x', true),
        edge('lib/stats/a.ts', null, 'node:fs'),
        edge('lib/stats/a.ts', null, 'worker_threads'),
        edge('lib/cli/a.ts', null, 'node:fs'),
        edge('lib/drift/a.ts', 'components/x.tsx'),
        edge('lib/report/a.ts', 'lib/data/read-file.ts'),
        edge('lib/future/a.ts', 'lib/stats/ks.ts'),
      ]),
    ).toEqual([
      'lib/charts/a.ts → lib/report/format.ts (charts may not import report)',
      'lib/charts/a.ts → lib/drift/types.ts (charts may import only types from drift: use import type)',
      'lib/report/a.ts → lib/store/db.ts (report may not import store)',
      'lib/data/a.ts → lib/drift/types.ts (data may not import drift)',
      'lib/stats/a.ts → node:fs (Node built-in fs: only lib/cli and lib/data/read-file.ts may use Node)',
      'lib/stats/a.ts → worker_threads (Node built-in worker_threads: only lib/cli and lib/data/read-file.ts may use Node)',
      'lib/drift/a.ts → components/x.tsx (lib may not import outside lib/: components, app and workers sit above it)',
      'lib/report/a.ts → lib/data/read-file.ts (lib/data/read-file.ts is Node-only: only lib/cli may import it)',
      'lib/future/a.ts → lib/stats/ks.ts (lib/future is not in the layer table of tests/unit/project.test.ts: add it)',
    ]);
    expect(valueCycles([edge('lib/a.ts', 'lib/b.ts'), edge('lib/b.ts', 'lib/a.ts'), edge('lib/b.ts', 'lib/c.ts')])).toEqual([['lib/a.ts', 'lib/b.ts']]);
    expect(valueCycles([edge('lib/a.ts', 'lib/b.ts'), edge('lib/b.ts', 'lib/a.ts', 'x', true)])).toEqual([]);
  });
});
