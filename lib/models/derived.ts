/**
 * A model's outputs as columns of a new dataset beside the rows they score (full-precision Float64,
 * labels as text), described with the source dataset and the model (SHA-256, opset, producer) so every
 * manifest can say where the scores came from.
 */
import { tableToIPC, type Table } from 'apache-arrow';
import { appendColumns, type NewColumn } from '../data/append-columns';
import { sha256Hex } from '../data/sha256';
import type { ColumnRole, Dataset, DatasetMeta, DerivedFrom } from '../data/types';
import type { ZipMapNode } from './describe';
import type { ScoreResult } from './score';
import type { InputMapping, ModelMeta } from './types';

/** A new column and the output (class column) it holds. */
export interface ScoredColumn extends NewColumn {
  source: string;
  role?: ColumnRole;
}

function freeName(wanted: string, taken: Set<string>): string {
  let name = taken.has(wanted) ? `scored_${wanted}` : wanted;
  for (let k = 2; taken.has(name); k++) name = `scored_${wanted}_${k}`;
  taken.add(name);
  return name;
}

/**
 * One column per output and class: `output` for a one-value output, `output_<class>` for a
 * [N,K] one (the ZipMap's class labels, else 0…K−1); a name the dataset already has gets a
 * `scored_` prefix. Roles: text or integer outputs are predictions; a binary classifier's
 * positive-class probability and every class of a multiclass one are scores; a lone float output is a
 * score when named like a probability or score, else (a regressor) a prediction.
 */
export function scoredColumns(result: ScoreResult, existing: readonly string[], zipMaps: readonly ZipMapNode[] = []): ScoredColumn[] {
  const taken = new Set(existing);
  const out: ScoredColumn[] = [];
  for (const output of result.outputs) {
    const isLabel = !(output.values instanceof Float64Array) || output.type.startsWith('int') || output.type === 'bool';
    const labels = zipMaps.find((z) => z.input === output.name)?.classLabels;
    for (let k = 0; k < output.width; k++) {
      const values =
        output.values instanceof Float64Array
          ? Float64Array.from({ length: result.rows }, (_, i) => (output.values as Float64Array)[i * output.width + k]!)
          : Array.from({ length: result.rows }, (_, i) => (output.values as (string | null)[])[i * output.width + k] ?? null);
      const suffix = output.width === 1 ? '' : `_${labels?.[k] ?? k}`;
      let role: ColumnRole | undefined;
      if (isLabel) role = 'prediction';
      else if (output.width === 2) role = k === 1 ? 'score' : undefined;
      else if (output.width > 2) role = 'score';
      else role = /prob|score/i.test(output.name) ? 'score' : 'prediction';
      out.push({
        name: freeName(`${output.name}${suffix}`, taken),
        type: isLabel ? 'categorical' : 'numeric',
        values,
        source: output.width === 1 ? output.name : `${output.name}[${k}]`,
        role,
      });
    }
  }
  return out;
}

/** `float_input ← x1, x2, x3` or `age ← age; color ← colour`. */
export function describeMapping(mapping: InputMapping): string {
  if (mapping.kind === 'matrix') return `${mapping.input} ← ${mapping.columns.join(', ')}`;
  return Object.entries(mapping.columns)
    .map(([input, column]) => `${input} ← ${column}`)
    .join('; ');
}

export interface DerivedDataset {
  meta: DatasetMeta;
  table: Table;
  /** The table as Arrow IPC (file format): what is stored, and what `meta.sha256` hashes. */
  ipc: Uint8Array;
}

/**
 * The scored dataset: the source's rows and columns plus the scored columns. Its sha256 is the SHA-256
 * of its Arrow IPC bytes (there is no original file); `derivedFrom` names the source and the model.
 */
export async function derivedDataset(
  source: Dataset,
  model: ModelMeta,
  mapping: InputMapping,
  result: ScoreResult,
  options: { id: string; zipMaps?: readonly ZipMapNode[]; now?: Date },
): Promise<DerivedDataset> {
  const columns = scoredColumns(
    result,
    source.table.schema.fields.map((f) => f.name),
    options.zipMaps,
  );
  const table = appendColumns(source.table, columns);
  const ipc = tableToIPC(table, 'file');
  const roles: Record<string, ColumnRole> = { ...(source.meta.roles ?? {}) };
  for (const column of columns) if (column.role) roles[column.name] = column.role;
  const derivedFrom: DerivedFrom = {
    dataset: { id: source.meta.id, name: source.meta.name, sha256: source.meta.sha256 },
    model: { id: model.id, name: model.name, sha256: model.sha256, opset: model.opset, producer: model.producer },
    inputs: describeMapping(mapping),
    columns: Object.fromEntries(columns.map((c) => [c.name, c.source])),
    invalidRows: result.invalidRows,
  };
  const warnings =
    result.invalidRows > 0 && result.firstInvalid
      ? [
          `${result.invalidRows} row(s) could not be scored (their new columns are missing); first: row ${result.firstInvalid.row + 1}, column "${result.firstInvalid.column}" → input "${result.firstInvalid.input}": ${result.firstInvalid.reason}`,
        ]
      : [];
  const meta: DatasetMeta = {
    id: options.id,
    name: `${source.meta.name} · ${model.name}`,
    format: 'arrow',
    sha256: await sha256Hex(ipc),
    bytes: ipc.byteLength,
    rows: table.numRows,
    schema: [...source.meta.schema, ...columns.map(({ name, type }) => ({ name, type }))],
    warnings,
    roles,
    createdAt: (options.now ?? new Date()).toISOString(),
    derivedFrom,
  };
  return { meta, table, ipc };
}
