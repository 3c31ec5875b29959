/**
 * Autofill: what a workspace's cells computed, as the card's datasets and numbers, each with its
 * source (cell, datasets, time). Only cells with a current result count; a cell not run, failed,
 * out of date or whose data is gone becomes a note for the editor, never an error.
 *
 * Model quality is the cell's own values; their 95% intervals are a seeded bootstrap
 * (lib/metrics/bootstrap.ts) over the rows the cell used, so the datasets are opened through
 * `load` (the engine passes its IndexedDB reader; tests pass in-memory tables).
 */
import type { Dataset, DatasetMeta } from '../data/types';
import { toErrorInfo } from '../errors';
import type { BootstrapOptions } from '../metrics/bootstrap';
import type { CellRecord } from '../notebook/cell-record';
import { findSpec } from '../notebook/registry';
import { currentResultKey } from '../notebook/run-cell';
import { INPUT_SLOTS, type InputSlot } from '../notebook/types';
import { driftStatus, estimatedMetrics, fairnessMetrics, qualityMetrics } from './autofill-metrics';
import type { CardAutofill, CardDataset, CardDrift, CardMetric, CardSource, ModelCard } from './types';

/** Opens a stored dataset with its segment applied, as the cell computed on it. */
export type DatasetLoader = (input: { id: string; segment?: string }) => Promise<Dataset>;

export interface AutofillOptions {
  /** Resamples, seed and level of the intervals (default 1000, 42, 0.95). */
  bootstrap?: BootstrapOptions;
  /** ISO time of the autofill (default now). */
  filledAt?: string;
  /** Progress of each side's bootstrap in resamples (it restarts for the next side). */
  onProgress?: (done: number, total: number) => void;
}

const FILLED_KINDS = new Set(['classification', 'regression', 'fairness', 'drift', 'estimated']);

/** Why a cell gives nothing, in words; null when it has a current result. */
async function unusable(cell: CellRecord, datasets: readonly DatasetMeta[], title: string): Promise<string | null> {
  if (cell.status === 'error') return `${title}: failed (${cell.error?.message ?? 'no message'}) — fix it and run it again to fill its numbers`;
  if (cell.status === 'running') return `${title}: still running — autofill again when it is done`;
  if (cell.status !== 'ok' || cell.result === undefined) return `${title}: not run yet — run it to fill its numbers`;
  for (const slot of INPUT_SLOTS) {
    const ref = cell.inputs[slot];
    if (ref && !datasets.some((d) => d.id === ref.id)) return `${title}: its ${slot} dataset is no longer stored — choose another and run it again`;
  }
  if (cell.resultKey !== undefined && (await currentResultKey(cell, datasets)) !== cell.resultKey)
    return `${title}: its result is out of date (settings, data or column roles changed since it ran) — run it again`;
  return null;
}

function sourceOf(cell: CellRecord, title: string, datasets: readonly DatasetMeta[]): CardSource {
  const used = INPUT_SLOTS.flatMap((side) => {
    const ref = cell.inputs[side];
    const meta = ref && datasets.find((d) => d.id === ref.id);
    return meta ? [{ side, name: meta.name, sha256: ref.sha256 || meta.sha256 }] : [];
  });
  return { cellId: cell.id, cellTitle: title, kind: cell.kind, datasets: used, computedAt: cell.updatedAt };
}

/** The card's numbers from a workspace's cells (in notebook order) and its dataset descriptions. */
export async function autofillCard(
  cells: readonly CellRecord[],
  datasets: readonly DatasetMeta[],
  load: DatasetLoader,
  options: AutofillOptions = {},
): Promise<CardAutofill> {
  const notes: string[] = [];
  const metrics: CardMetric[] = [];
  const estimated: CardMetric[] = [];
  const data = new Map<string, CardDataset>();
  let drift: CardDrift | undefined;
  const opened = new Map<string, Promise<Dataset>>();
  const open = (input: { id: string; segment?: string }) => {
    const key = `${input.id}\u0000${input.segment ?? ''}`;
    if (!opened.has(key)) opened.set(key, load(input));
    return opened.get(key)!;
  };

  for (const cell of [...cells].sort((a, b) => a.order - b.order)) {
    if (!FILLED_KINDS.has(cell.kind)) continue;
    const title = cell.title || (findSpec(cell.kind)?.label ?? cell.kind);
    const why = await unusable(cell, datasets, title);
    if (why) {
      notes.push(why);
      continue;
    }
    const source = sourceOf(cell, title, datasets);
    for (const side of INPUT_SLOTS) {
      const ref = cell.inputs[side];
      const meta = ref && datasets.find((d) => d.id === ref.id);
      if (!meta || data.has(meta.id)) continue;
      const sensitive = meta.schema.map((c) => c.name).filter((name) => meta.roles?.[name] === 'sensitive');
      data.set(meta.id, { name: meta.name, link: '', description: '', side, rows: meta.rows, sha256: meta.sha256, sensitive, source });
    }
    switch (cell.kind) {
      case 'classification':
      case 'regression': {
        const rows: Partial<Record<InputSlot, Dataset>> = {};
        for (const side of INPUT_SLOTS) {
          const ref = cell.inputs[side];
          if (!ref || !cell.result![side]) continue;
          try {
            rows[side] = await open({ id: ref.id, ...(ref.segment ? { segment: ref.segment } : {}) });
          } catch (error) {
            notes.push(`${title}: the ${side} data could not be read (${toErrorInfo(error).message})`);
          }
        }
        const threshold = cell.kind === 'classification' ? cell.config.threshold : undefined;
        metrics.push(
          ...qualityMetrics({
            result: cell.result!,
            datasets: rows,
            ...(threshold === undefined ? {} : { threshold }),
            source,
            bootstrap: options.onProgress ? { ...options.bootstrap, onProgress: options.onProgress } : (options.bootstrap ?? {}),
            notes,
          }),
        );
        break;
      }
      case 'fairness': {
        metrics.push(...fairnessMetrics(cell.result!, source));
        for (const side of INPUT_SLOTS) {
          const entry = cell.inputs[side] && data.get(cell.inputs[side].id);
          if (entry) entry.sensitive = [...new Set([...entry.sensitive, ...cell.result!.columns.sensitive])];
        }
        break;
      }
      case 'drift':
        if (drift) notes.push(`${title}: another drift cell came first — the card shows that one's drift status`);
        else drift = driftStatus(cell.result!, source);
        break;
      case 'estimated':
        estimated.push(...estimatedMetrics(cell.result!, source));
        break;
    }
  }
  if (!metrics.some((m) => m.source?.kind === 'classification' || m.source?.kind === 'regression'))
    notes.push('No classification or regression cell with a current result: add and run one to fill model quality');
  return {
    data: [...data.values()],
    metrics,
    ...(drift ? { drift } : {}),
    estimated,
    validation: [],
    filledAt: options.filledAt ?? new Date().toISOString(),
    notes,
  };
}

/**
 * The card with its autofilled entries (those with a `source`) replaced by `fill`'s; everything a
 * person typed or added by hand (entries without a source) is kept, in its order, before them.
 */
export function applyAutofill(card: ModelCard, fill: CardAutofill): ModelCard {
  const human = <T extends { source?: CardSource }>(items: readonly T[]) => items.filter((item) => item.source === undefined);
  const { drift: _old, ...quantitative } = card.quantitative;
  return {
    ...card,
    modelParameters: { ...card.modelParameters, data: [...human(card.modelParameters.data), ...keepTypedDatasetText(card.modelParameters.data, fill.data)] },
    quantitative: {
      ...quantitative,
      metrics: [...human(card.quantitative.metrics), ...fill.metrics],
      estimated: [...human(card.quantitative.estimated), ...fill.estimated],
      // Validation outcomes and drift always come from the notebook: the fill's replace them.
      validation: [...fill.validation],
      ...(fill.drift ? { drift: fill.drift } : {}),
    },
  };
}

const datasetKey = (d: CardDataset) => `${d.side ?? ''}\u0000${d.name}`;

/**
 * The fill's datasets with the link and description a person typed into the card's autofilled entry
 * for the same side and name kept (autofill leaves both empty): a re-autofill renews the notebook's
 * facts (rows, SHA-256, sensitive columns, source) without dropping what was written about the data.
 */
function keepTypedDatasetText(previous: readonly CardDataset[], filled: readonly CardDataset[]): CardDataset[] {
  const typed = new Map(previous.filter((d) => d.source).map((d) => [datasetKey(d), d]));
  return filled.map((d) => {
    const old = typed.get(datasetKey(d));
    return old ? { ...d, link: old.link || d.link, description: old.description || d.description } : d;
  });
}
