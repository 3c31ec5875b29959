/**
 * Business value as table rows, shared by the Business value cell, the "Business value" sections of
 * the classification and estimated-performance cells, and their report sections: the same rows,
 * labels and formats everywhere.
 */
import { businessValue, type OutcomeNumbers, type ValueSettings } from '../../compare/business-value';
import type { BusinessValueResult } from '../../compare/types';
import type { ValueGroup } from '../../compare/value-analysis';
import { formatCount, formatNumber } from '../../format';
import type { ValueCellResult } from '../kinds/value';

export type ValueColumnId = 'rows' | 'total' | 'perPrediction' | 'perPredictionNannyML' | 'roi' | 'tp' | 'fp' | 'tn' | 'fn';

/** Table columns: id, header, and what the header's title explains. */
export const VALUE_COLUMNS: readonly (readonly [ValueColumnId, string, string])[] = [
  ['rows', 'Rows', 'rows in the group'],
  ['total', 'Total value', 'TP·v_tp + FP·v_fp + TN·v_tn + FN·v_fn'],
  ['perPrediction', 'Per prediction', 'total ÷ n — what NannyML’s documentation calls per_prediction'],
  [
    'perPredictionNannyML',
    'Per prediction (NannyML code)',
    '(TN·v_tn + FN·v_fn)/(TN + FN) + (FP·v_fp + TP·v_tp)/(FP + TP) — what NannyML’s code computes since v0.10.0',
  ],
  ['roi', 'ROI', '(total − cost)/cost, cost = cost per prediction × n'],
  ['tp', 'TP', 'true positives (expected, when estimated)'],
  ['fp', 'FP', 'false positives'],
  ['tn', 'TN', 'true negatives'],
  ['fn', 'FN', 'false negatives'],
];

export interface ValueRow {
  /** Stable id for tests and the report: model/scope/group/source. */
  id: string;
  model: string;
  scope: 'overall' | 'window' | 'segment';
  group: string;
  source: 'realized' | 'estimated';
  cells: Record<ValueColumnId, string>;
  reason?: string;
}

/** Money-like values: whole numbers with separators from 1,000 up, else 4 significant digits. */
export function formatValue(x: number | null): string {
  if (x === null) return '—';
  if (Math.abs(x) >= 1000) return formatCount(Math.round(x));
  return formatNumber(x);
}

const formatRoi = (x: number | null) => (x === null ? '—' : `${formatNumber(x * 100)} %`);

/** One value result as a row's cells (estimated counts keep their decimals). */
export function valueCells(value: BusinessValueResult, rows: number): Record<ValueColumnId, string> {
  const c = value.confusion;
  const count = (x: number) => (value.estimated ? formatValue(x) : formatCount(x));
  return {
    rows: formatCount(rows),
    total: formatValue(value.total),
    perPrediction: formatValue(value.perPrediction),
    perPredictionNannyML: formatValue(value.perPredictionNannyML),
    roi: formatRoi(value.roi),
    tp: count(c.tp),
    fp: count(c.fp),
    tn: count(c.tn),
    fn: count(c.fn),
  };
}

/** A row of one value result. */
export function valueRow(model: string, scope: ValueRow['scope'], group: string, rows: number, value: BusinessValueResult): ValueRow {
  const source = value.estimated ? 'estimated' : 'realized';
  return {
    id: `${model}/${scope}/${group}/${source}`,
    model,
    scope,
    group,
    source,
    cells: valueCells(value, rows),
    ...(value.reason ? { reason: value.reason } : {}),
  };
}

function groupRows(model: string, scope: ValueRow['scope'], g: ValueGroup): ValueRow[] {
  return [g.realized, g.estimated].filter((v): v is BusinessValueResult => v !== null).map((v) => valueRow(model, scope, g.label, g.rows, v));
}

/** The Business value cell's rows: per model, overall first, then per window, then per segment. */
export function valueRows(result: ValueCellResult): ValueRow[] {
  return result.models.flatMap((m) => [
    ...groupRows(m.name, 'overall', m.overall),
    ...m.windows.flatMap((g) => groupRows(m.name, 'window', g)),
    ...m.segments.flatMap((g) => groupRows(m.name, 'segment', g)),
  ]);
}

/** Rows of confusion matrices a model cell already computed (classification: realized; estimated performance: expected), valued with the cell's settings. */
export function confusionValueRows(
  settings: ValueSettings,
  entries: readonly { model: string; scope: ValueRow['scope']; group: string; confusion: OutcomeNumbers; estimated: boolean }[],
): ValueRow[] {
  return entries.map((e) => {
    const { tn, fp, fn, tp } = e.confusion;
    const value = businessValue({ counts: { tn, fp, fn, tp } }, settings.matrix, { costPerPrediction: settings.costPerPrediction, estimated: e.estimated });
    return valueRow(e.model, e.scope, e.group, Math.round(tn + fp + fn + tp), value);
  });
}

/** The settings as one line: the matrix, per row or per unit, and the cost. */
export function valueSettingsNote(settings: { matrix: ValueSettings['matrix']; costPerPrediction?: number | null; unit?: string | null }): string {
  const { tp, fp, tn, fn } = settings.matrix;
  const per = settings.unit ? ' per unit (of the unit column)' : ' per row';
  const cost =
    settings.costPerPrediction === undefined || settings.costPerPrediction === null
      ? 'no serving cost (ROI not computed)'
      : `serving cost ${formatNumber(settings.costPerPrediction)} per prediction`;
  return `value of TP ${formatNumber(tp)}, FP ${formatNumber(fp)}, TN ${formatNumber(tn)}, FN ${formatNumber(fn)}${per} · ${cost}`;
}
