/**
 * The Hugging Face `model-index` of a card, both ways.
 *
 * huggingface_hub (repocard_data.py) flattens model-index into EvalResults and, when it writes a
 * card back (eval_results_to_model_index), groups them by (task.type, dataset.type, dataset.config,
 * dataset.split, dataset.revision), keeping the first result's dataset name, task name, dataset args
 * and source. So every distinct set of numbers gets its own key: the side is `split`
 * (reference/current), and `config` says what the numbers are — absent for a side's overall
 * metrics, `city=Zürich` for a group, `estimated`, `drift`, `validation; suite=…` (pairs quoted as
 * in MCT slices, so two different groups can never share a config); an estimated metric is typed
 * with the Hub id (roc_auc) there and comes back as estimated_roc_auc. dataset.type is the side's
 * dataset name and dataset.revision its SHA-256. Values are numbers at full precision; intervals
 * (with level, method, resamples, seed) sit in the metric's `args`; flags are 1/0.
 */
import { formatPairs, parsePairs } from './mct-slice';
import { importSource } from './mct-text';
import type { CardDrift, CardInterval, CardMetric, CardSide, CardValidation, ModelCard } from './types';

type Json = Record<string, unknown>;

const REGRESSION = new Set(['mae', 'mse', 'rmse', 'r2', 'mape']);

export function taskTypeOf(card: ModelCard): string {
  if (card.huggingFace.taskType) return card.huggingFace.taskType;
  return card.quantitative.metrics.some((m) => REGRESSION.has(m.type)) ? 'tabular-regression' : 'tabular-classification';
}

function intervalArgs(interval: CardInterval): Json {
  const { lower, upper, level, method, resamples, seed } = interval;
  return { confidence_interval: { lower_bound: lower, upper_bound: upper, level, method, resamples, seed } };
}

/**
 * A card metric as a Hub metric (ids of huggingface/evaluate): r2 is `r_squared`, RMSE is `mse`
 * with `squared: false` (how evaluate computes it); the rest keep their id.
 */
function hubMetric(m: CardMetric, type: string): Json {
  let args: Json | undefined = m.interval && intervalArgs(m.interval);
  let id = type;
  if (type === 'r2') id = 'r_squared';
  else if (type === 'rmse') {
    id = 'mse';
    args = { ...args, squared: false };
  }
  return metricJson(id, m.value, m.name, args);
}

/** The card's id for a Hub metric (inverse of hubMetric). */
function cardMetricType(type: string, args: Json): string {
  if (type === 'r_squared') return 'r2';
  if (type === 'mse' && args.squared === false) return 'rmse';
  return type;
}

function metricJson(type: string, value: number, name?: string, args?: Json): Json {
  const out: Json = { type, value };
  if (name) out.name = name;
  if (args) out.args = args;
  return out;
}

function configOf(kind: string, pairs: [string, string][]): string | undefined {
  const p = pairs.length ? formatPairs(pairs) : '';
  if (!kind) return p || undefined;
  return p ? `${kind}; ${p}` : kind;
}

export function toModelIndex(card: ModelCard): Json[] {
  const taskType = taskTypeOf(card);
  const results = new Map<string, Json>();
  const result = (side: CardSide, config: string | undefined): Json[] => {
    const key = JSON.stringify([side, config ?? null]);
    let r = results.get(key);
    if (!r) {
      const ds = card.modelParameters.data.find((d) => d.side === side);
      const dataset: Json = { name: ds ? `${ds.name} (${side})` : side, type: ds?.name || side, split: side };
      if (config !== undefined) dataset.config = config;
      if (ds?.sha256) dataset.revision = ds.sha256;
      r = { task: { type: taskType }, dataset, metrics: [] };
      results.set(key, r);
    }
    return r.metrics as Json[];
  };
  const q = card.quantitative;
  const pairs = (m: CardMetric): [string, string][] => (m.group ? [[m.group.column, m.group.value]] : []);
  for (const m of q.metrics) result(m.side, configOf('', pairs(m))).push(hubMetric(m, m.type));
  for (const m of q.estimated) result(m.side, configOf('estimated', pairs(m))).push(hubMetric(m, m.type.replace(/^estimated_/, '')));
  if (q.drift) {
    const d = q.drift;
    const list = result('current', 'drift');
    list.push(metricJson('dataset_drift_share', d.share, 'Share of drifted columns'));
    list.push(metricJson('drifted_columns', d.driftedColumns, 'Drifted columns'));
    list.push(metricJson('tested_columns', d.testedColumns, 'Tested columns'));
    list.push(metricJson('dataset_drift', d.datasetDrift ? 1 : 0, 'Dataset drift (1 = drifted)'));
    list.push(metricJson('dataset_drift_threshold', d.threshold, 'Drift share threshold'));
    for (const c of d.columns)
      list.push(metricJson('drift_score', c.score, `${c.column} (${c.method})`, { column: c.column, method: c.method, drifted: c.drifted }));
  }
  for (const v of q.validation) {
    const list = result('current', configOf('validation', [['suite', v.suite]]));
    list.push(metricJson('validation_expectations_evaluated', v.evaluated, 'Expectations evaluated'));
    list.push(metricJson('validation_expectations_successful', v.successful, 'Expectations successful'));
    list.push(metricJson('validation_success', v.success ? 1 : 0, 'Suite passed (1 = yes)'));
  }
  if (results.size === 0) return [];
  return [{ name: card.modelDetails.name || 'model', results: [...results.values()] }];
}

export interface ModelIndexNumbers {
  taskType: string;
  metrics: CardMetric[];
  estimated: CardMetric[];
  drift?: CardDrift;
  validation: CardValidation[];
  /** Results that are not Driftbook's, as lines for the notes. */
  foreign: string[];
  warnings: string[];
}

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function readInterval(args: Json): CardInterval | undefined {
  const ci = obj(args.confidence_interval);
  const { lower_bound: lower, upper_bound: upper, level, method, resamples, seed } = ci;
  if (typeof lower !== 'number' || typeof upper !== 'number') return undefined;
  return {
    lower,
    upper,
    level: typeof level === 'number' ? level : 0.95,
    method: method === 'percentile-bootstrap' ? method : 'percentile-bootstrap',
    resamples: typeof resamples === 'number' ? resamples : 0,
    seed: typeof seed === 'number' ? seed : 0,
  };
}

/** Read a model-index (already parsed YAML). Problems are warnings: the numbers that can be read are kept. */
export function fromModelIndex(modelIndex: unknown): ModelIndexNumbers {
  const out: ModelIndexNumbers = { taskType: '', metrics: [], estimated: [], validation: [], foreign: [], warnings: [] };
  if (modelIndex === undefined) return out;
  if (!Array.isArray(modelIndex)) {
    out.warnings.push('model-index: not a list — its results were not read');
    return out;
  }
  const source = importSource('Hugging Face README');
  const drift: Partial<CardDrift> & { columns: CardDrift['columns'] } = { columns: [] };
  const validation = new Map<string, Partial<CardValidation>>();
  modelIndex.forEach((element, e) => {
    const el = obj(element);
    if (typeof el.name !== 'string' || !Array.isArray(el.results))
      out.warnings.push(`model-index[${e}]: needs "name" and "results" (a list) — huggingface_hub refuses it`);
    list(el.results).forEach((resultValue, r) => {
      const result = obj(resultValue);
      const task = obj(result.task);
      const dataset = obj(result.dataset);
      const where = `model-index[${e}].results[${r}]`;
      if (typeof task.type !== 'string' || typeof dataset.type !== 'string' || typeof dataset.name !== 'string' || !Array.isArray(result.metrics)) {
        out.warnings.push(`${where}: needs task.type, dataset.type, dataset.name and metrics — not read`);
        return;
      }
      if (!out.taskType) out.taskType = task.type;
      const split = dataset.split;
      const side: CardSide | null = split === 'reference' || split === 'current' ? split : null;
      const config = typeof dataset.config === 'string' ? dataset.config : undefined;
      const kindMatch = config === undefined ? null : /^(estimated|drift|validation)(?:; (.*))?$/s.exec(config);
      const kind = kindMatch?.[1] ?? '';
      const pairsText = kindMatch ? kindMatch[2] : config;
      const pairs = pairsText === undefined ? [] : parsePairs(pairsText);
      list(result.metrics).forEach((metricValue, k) => {
        const metric = obj(metricValue);
        const type = typeof metric.type === 'string' ? metric.type : '';
        const value = metric.value;
        const name = typeof metric.name === 'string' ? metric.name : undefined;
        const args = obj(metric.args);
        const foreign = (): void => {
          out.foreign.push(
            `${name ?? type}: ${String(value)} (${String(dataset.name)}${split ? `, split ${String(split)}` : ''}${config ? `, config ${config}` : ''})`,
          );
          out.warnings.push(
            `${where}.metrics[${k}]: not one of Driftbook's results (split "${String(split ?? '')}", config "${config ?? ''}") — kept as a line of the results notes`,
          );
        };
        if (!side || pairs === null || typeof value !== 'number' || !type) return foreign();
        if (kind === 'drift' && side === 'current' && pairs.length === 0) {
          if (type === 'dataset_drift_share') drift.share = value;
          else if (type === 'drifted_columns') drift.driftedColumns = value;
          else if (type === 'tested_columns') drift.testedColumns = value;
          else if (type === 'dataset_drift') drift.datasetDrift = value === 1;
          else if (type === 'dataset_drift_threshold') drift.threshold = value;
          else if (type === 'drift_score' && typeof args.column === 'string' && typeof args.method === 'string' && typeof args.drifted === 'boolean')
            drift.columns.push({ column: args.column, method: args.method, score: value, drifted: args.drifted });
          else foreign();
          return;
        }
        if (kind === 'validation' && pairs.length === 1 && pairs[0]?.[0] === 'suite') {
          const suite = pairs[0][1];
          const v = validation.get(suite) ?? { suite };
          if (type === 'validation_expectations_evaluated') v.evaluated = value;
          else if (type === 'validation_expectations_successful') v.successful = value;
          else if (type === 'validation_success') v.success = value === 1;
          else return foreign();
          validation.set(suite, v);
          return;
        }
        if ((kind !== '' && kind !== 'estimated') || pairs.length > 1) return foreign();
        // Estimated results carry the Hub's metric id; the card types them estimated_<id> (autofill's convention).
        const id = cardMetricType(type, args);
        const m: CardMetric = { type: kind === 'estimated' ? `estimated_${id}` : id, value, side, source };
        if (name !== undefined) m.name = name;
        const [group] = pairs;
        if (group) m.group = { column: group[0], value: group[1] };
        const interval = readInterval(args);
        if (interval) m.interval = interval;
        (kind === 'estimated' ? out.estimated : out.metrics).push(m);
      });
    });
  });
  const { share, driftedColumns, testedColumns, datasetDrift, threshold } = drift;
  if (share !== undefined && driftedColumns !== undefined && testedColumns !== undefined && datasetDrift !== undefined && threshold !== undefined) {
    out.drift = { share, driftedColumns, testedColumns, datasetDrift, threshold, columns: drift.columns, source };
  } else if (share !== undefined || drift.columns.length) out.warnings.push('model-index: drift results are incomplete — drift not read');
  for (const v of validation.values()) {
    if (v.evaluated === undefined || v.successful === undefined || v.success === undefined)
      out.warnings.push(`model-index: validation of suite "${v.suite ?? ''}" is incomplete — not read`);
    else out.validation.push({ suite: v.suite ?? '', evaluated: v.evaluated, successful: v.successful, success: v.success, source });
  }
  return out;
}
