import { availableParallelism } from 'node:os';
import { regularFileSize } from '../data/read-file';
import { cellSpec, type CellConfigs } from '../notebook/registry';
import { checkConfig, computeCell } from './cell-compute';
import { cellReportHtml, defaultTitle, type CellOutput } from './cell-report';
import { jsonText, PAIR_OPTION_SPECS, parseCommandArgs, requirePair, writeOutput } from './command-io';
import { DRIFT_OPTION_SPECS, toDriftConfig, UsageError } from './drift-options';
import { checkFormat, prometheusText } from './prometheus-format';
import { isProfilePath } from './profile-path';
import { driftOnPool, WorkerPool } from './pool';
import type { ReadSettings } from './pool-protocol';
import { load, readSettings } from './read-options';
import { anySegment, segmentSettings, type SegmentSettings } from './segment-options';

/** What drift and report share: the two files, a title, and how drift is computed. */
const COMPARE_OPTION_SPECS = { ...PAIR_OPTION_SPECS, title: { type: 'string' }, ...DRIFT_OPTION_SPECS } as const;

// Below this much input a worker's start-up (≈0.5 s) costs more than it saves.
const POOL_MIN_BYTES = 8 * 1024 * 1024;

function parseThreads(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--threads: ${text} is not an integer from 1 to 64`);
  return n;
}

async function worthAPool(referencePath: string, currentPath: string, threads: number): Promise<boolean> {
  if (threads < 2) return false;
  // Workers re-open files by path: a pipe or stdin (no regular size) is read once, on this thread.
  const sizes = await Promise.all([referencePath, currentPath].map(regularFileSize));
  return sizes[0] !== undefined && sizes[1] !== undefined && sizes[0] + sizes[1] >= POOL_MIN_BYTES;
}

interface DriftFiles {
  referencePath: string;
  currentPath: string;
  read: ReadSettings;
  segments: SegmentSettings;
  threads: number;
}

/**
 * A drift-like kind (drift, column) on two files. Large files go over worker threads one column
 * per task, as the app's pool does (the kind's `capabilities.drift` says how); segments filter
 * after reading, so they take the one-thread path, which is the kind's compute itself.
 */
async function runDriftKind<K extends 'drift' | 'column'>(kind: K, config: CellConfigs[K], files: DriftFiles): Promise<CellOutput<K>> {
  const { referencePath, currentPath, read, segments, threads } = files;
  if (!anySegment(segments) && (await worthAPool(referencePath, currentPath, threads))) {
    checkConfig(kind, config);
    const pooled = cellSpec(kind).capabilities.drift!;
    const pool = new WorkerPool(threads - 1);
    try {
      const run = await driftOnPool(pool, referencePath, currentPath, pooled.config(config), read);
      return { kind, config, result: pooled.result(run.result), datasets: { reference: run.reference, current: run.current } };
    } finally {
      await pool.close();
    }
  }
  const [reference, current] = await Promise.all([load(referencePath, read, segments.reference), load(currentPath, read, segments.current)]);
  const result = await computeCell(kind, { reference, current }, config);
  return { kind, config, result, datasets: { reference: reference.meta, current: current.meta }, segments };
}

/** `driftbook drift`: the drift kind (or, with --column, the column-detail kind) as JSON or as its notebook report. */
export async function driftCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, {
    ...COMPARE_OPTION_SPECS,
    format: { type: 'string', default: 'json' },
    threads: { type: 'string' },
    column: { type: 'string' },
  });
  const [referencePath, currentPath] = requirePair(values, 'drift needs --reference FILE and --current FILE');
  const format = checkFormat(values.format, ['json', 'html', 'prometheus']);
  const drift = toDriftConfig(values);
  if (isProfilePath(referencePath) || isProfilePath(currentPath)) {
    if (!isProfilePath(referencePath))
      throw new UsageError('drift --current p.dbprofile needs --reference p.dbprofile too (a raw reference: profile it first)');
    if (values.column !== undefined) throw new UsageError('drift --reference p.dbprofile: --column needs the rows — pass the raw files');
    // Flags a profile run cannot honour are refused, never silently ignored (bins: the profile's edges decide).
    const given = values as Record<string, string | string[] | boolean | undefined>;
    const unsupported = ['bins', 'segment', 'reference-segment', 'current-segment'].filter((flag) => {
      const value = given[flag];
      return Array.isArray(value) ? value.length > 0 : value !== undefined;
    });
    if (unsupported.length)
      throw new UsageError(
        `drift --reference p.dbprofile: --${unsupported.join(', --')} cannot be applied to a profile (binned methods use the profile's edges) — profile the data with the edges you want, or pass the raw file`,
      );
    checkConfig('drift', drift);
    // Loaded here: the profile command brings DuckDB, which a raw-file run never needs.
    const { profileDrift } = await import('./profile-command');
    const { result, datasets } = await profileDrift(referencePath, currentPath, readSettings(values), drift);
    const text =
      format === 'html'
        ? await cellReportHtml({ kind: 'drift', config: drift, result, datasets }, values.title)
        : format === 'prometheus'
          ? prometheusText('drift', result)
          : jsonText(result);
    return writeOutput(text, values.out, out);
  }
  const files: DriftFiles = {
    referencePath,
    currentPath,
    read: readSettings(values),
    segments: segmentSettings(values),
    threads: values.threads === undefined ? availableParallelism() : parseThreads(values.threads),
  };
  // --column X is the column-detail cell: its defaults (every applicable method) under the flags.
  const output =
    values.column === undefined
      ? await runDriftKind('drift', drift, files)
      : await runDriftKind('column', { ...cellSpec('column').defaultConfig(), ...drift, column: values.column }, files);
  const text =
    format === 'html'
      ? await cellReportHtml(output, values.title)
      : format === 'prometheus'
        ? prometheusText(output.kind, output.result)
        : jsonText(output.result);
  await writeOutput(text, values.out, out);
}

/** `driftbook report`: the default preset's cells (lib/notebook computePreset) as the app's notebook report. */
export async function reportCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, COMPARE_OPTION_SPECS);
  const [referencePath, currentPath] = requirePair(values, 'report needs --reference FILE and --current FILE (and --out report.html)');
  const config = toDriftConfig(values);
  checkConfig('drift', config);
  const read = readSettings(values);
  const segments = segmentSettings(values);
  const [reference, current] = await Promise.all([load(referencePath, read, segments.reference), load(currentPath, read, segments.current)]);
  const [{ parseHTML }, { toWorkspaceReport }, { presetReportInput }, { computePreset }] = await Promise.all([
    import('linkedom'),
    import('../report/workspace-report'),
    import('../report/preset'),
    import('../notebook/presets'),
  ]);
  const input = presetReportInput({
    title: values.title ?? defaultTitle({ reference: reference.meta, current: current.meta }),
    reference: reference.meta,
    current: current.meta,
    cells: await computePreset(reference, current, { drift: config }),
    exportedAt: new Date().toISOString(),
  });
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  await writeOutput(await toWorkspaceReport(input, { document }), values.out, out);
}
