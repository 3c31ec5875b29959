import { NeumaierSum } from '../stats/neumaier-sum';
import { toCsv } from './csv-cell';
import type { PreparedData } from './prepare';
import type { ReweighingResult, ReweighingRow } from './types';

const FORMULA = 'weight(g, y) = P(g)·P(y) / P(g, y) = (n_g · n_y) / (N · n_{g,y}) — Kamiran & Calders (2012), as AIF360 Reweighing';

/**
 * Kamiran–Calders reweighing: the weight that makes the label statistically independent of the
 * group in the training data. With sample weights, n are sums of weights (as AIF360 does with
 * instance weights). One row per group × true label; weight null for a combination without rows.
 */
export function computeReweighing(data: PreparedData): ReweighingResult {
  const groupCount = data.groups.length;
  const cell = Array.from({ length: groupCount * 2 }, () => new NeumaierSum());
  const rowsIn = new Int32Array(groupCount * 2);
  const labelSum = [new NeumaierSum(), new NeumaierSum()];
  const total = new NeumaierSum();
  for (let i = 0; i < data.yTrue.length; i++) {
    const y = data.yTrue[i]!;
    const k = data.groupOf[i]! * 2 + y;
    cell[k]!.add(data.weight[i]!);
    rowsIn[k]!++;
    labelSum[y]!.add(data.weight[i]!);
    total.add(data.weight[i]!);
  }
  const labelsPresent = [0, 1].filter((y) => (y === 1 ? data.yTrue.includes(1) : data.yTrue.includes(0)));
  // Rows in label order: the sorted labels, so "0" before "1" and "no" before "yes".
  const labelOf = (y: number): string => (y === 1 ? data.posLabel : data.negLabel!);
  labelsPresent.sort((a, b) => data.labels.indexOf(labelOf(a)) - data.labels.indexOf(labelOf(b)));
  const n = total.value;
  const rows: ReweighingRow[] = [];
  data.groups.forEach((g, gi) => {
    const nGroup = cell[gi * 2]!.value + cell[gi * 2 + 1]!.value;
    for (const y of labelsPresent) {
      const nCell = cell[gi * 2 + y]!.value;
      const weight = nCell === 0 ? null : (nGroup * labelSum[y]!.value) / (n * nCell);
      rows.push({ group: g.group, values: g.values, label: labelOf(y), count: rowsIn[gi * 2 + y]!, weight });
    }
  });
  return { formula: FORMULA, sensitive: data.sensitive, rows };
}

export interface ReweighingCsvOptions {
  labelColumn?: string;
  weightColumn?: string;
}

/**
 * CSV to join onto training data by the sensitive columns and the label: one record per
 * observed (group, label), weights at full precision (shortest round-trip decimal).
 */
export function toReweighingCsv(result: ReweighingResult, { labelColumn = 'label', weightColumn = 'weight' }: ReweighingCsvOptions = {}): string {
  const records = result.rows.filter((r) => r.weight !== null).map((r) => [...r.values, r.label, String(r.weight)]);
  return toCsv([...result.sensitive, labelColumn, weightColumn], records);
}
