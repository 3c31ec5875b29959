/**
 * huggingface_hub's reading and re-writing of model card metadata, re-implemented for tests from
 * reading its source (huggingface/huggingface_hub, not copied):
 * - src/huggingface_hub/repocard.py: `REGEX_YAML_BLOCK` finds the front matter at the start of the
 *   file (optional whitespace, `---`, the YAML, a `---` line); `RepoCard.content` setter loads it with
 *   yaml.safe_load (YAML 1.1) and raises "repo card metadata block should be a dict" otherwise.
 * - src/huggingface_hub/repocard_data.py: `model_index_to_eval_results` flattens every metric of every
 *   result into an EvalResult (task type/name, dataset type/name/config/split/revision/args, source,
 *   metric type/value/name/args/config/verified/verifyToken; the model name is the last element's);
 *   `eval_results_to_model_index` groups them by `EvalResult.unique_identifier` = (task_type,
 *   dataset_type, dataset_config, dataset_split, dataset_revision) in first-seen order, takes the
 *   task name, dataset name/args and source of the group's first result, and drops None values
 *   (`_remove_none`).
 */
import { parse } from 'yaml';
import type { CardMetric, ModelCard } from '../../../lib/cards/types';

const HUB_YAML_BLOCK = /^(\s*---[\r\n]+)([\S\s]*?)([\r\n]+---(\r\n|\n|$))/;

export function hubLoadMetadata(readme: string): Record<string, unknown> {
  const m = HUB_YAML_BLOCK.exec(readme);
  if (!m) throw new Error('Repo card metadata block was not found');
  const data: unknown = parse(m[2] ?? '', { version: '1.1' });
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('repo card metadata block should be a dict');
  return data as Record<string, unknown>;
}

type J = Record<string, unknown>;
interface EvalResult {
  taskType: unknown;
  taskName: unknown;
  datasetType: unknown;
  datasetName: unknown;
  datasetConfig: unknown;
  datasetSplit: unknown;
  datasetRevision: unknown;
  datasetArgs: unknown;
  sourceName: unknown;
  sourceUrl: unknown;
  metricType: unknown;
  metricValue: unknown;
  metricName: unknown;
  metricArgs: unknown;
  metricConfig: unknown;
  verified: unknown;
  verifyToken: unknown;
}

/** model_index_to_eval_results: throws (KeyError in Python) when a required key is missing. */
export function modelIndexToEvalResults(modelIndex: J[]): { name: unknown; results: EvalResult[] } {
  const need = (o: unknown, key: string): unknown => {
    if (!o || typeof o !== 'object' || !(key in o)) throw new Error(`KeyError: '${key}'`);
    return (o as J)[key];
  };
  let name: unknown;
  const results: EvalResult[] = [];
  for (const elem of modelIndex) {
    name = need(elem, 'name');
    for (const result of need(elem, 'results') as J[]) {
      const task = need(result, 'task') as J;
      const dataset = need(result, 'dataset') as J;
      const source = (result.source ?? {}) as J;
      for (const metric of need(result, 'metrics') as J[]) {
        results.push({
          taskType: need(task, 'type'),
          taskName: task.name,
          datasetType: need(dataset, 'type'),
          datasetName: need(dataset, 'name'),
          datasetConfig: dataset.config,
          datasetSplit: dataset.split,
          datasetRevision: dataset.revision,
          datasetArgs: dataset.args,
          sourceName: source.name,
          sourceUrl: source.url,
          metricType: need(metric, 'type'),
          metricValue: need(metric, 'value'),
          metricName: metric.name,
          metricArgs: metric.args,
          metricConfig: metric.config,
          verified: metric.verified,
          verifyToken: metric.verifyToken,
        });
      }
    }
  }
  return { name, results };
}

function removeNone(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined && v !== null).map(removeNone);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => [k, removeNone(v)]),
    );
  return value;
}

/** eval_results_to_model_index. */
export function evalResultsToModelIndex(name: unknown, results: EvalResult[]): J[] {
  const groups = new Map<string, EvalResult[]>();
  for (const r of results) {
    const key = JSON.stringify([r.taskType, r.datasetType, r.datasetConfig ?? null, r.datasetSplit ?? null, r.datasetRevision ?? null]);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const data = [...groups.values()].map((group) => {
    const first = group[0] as EvalResult;
    const out: J = {
      task: { type: first.taskType, name: first.taskName },
      dataset: {
        name: first.datasetName,
        type: first.datasetType,
        config: first.datasetConfig,
        split: first.datasetSplit,
        revision: first.datasetRevision,
        args: first.datasetArgs,
      },
      metrics: group.map((r) => ({
        type: r.metricType,
        value: r.metricValue,
        name: r.metricName,
        config: r.metricConfig,
        args: r.metricArgs,
        verified: r.verified,
        verifyToken: r.verifyToken,
      })),
    };
    if (first.sourceUrl !== undefined && first.sourceUrl !== null) out.source = removeNone({ url: first.sourceUrl, name: first.sourceName });
    return out;
  });
  return removeNone([{ name, results: data }]) as J[];
}

/** What a card's model-index becomes after huggingface_hub loads and saves the card. */
export function hubRoundTrip(modelIndex: J[]): J[] {
  const { name, results } = modelIndexToEvalResults(modelIndex);
  return evalResultsToModelIndex(name, results);
}

/** What the README can carry: everything but provenance (`source`); metrics come back grouped by model-index result, estimated ones typed estimated_<id>. */
export function hfComparable(card: ModelCard): unknown {
  const plain = JSON.parse(JSON.stringify(card, (key, value: unknown) => (key === 'source' ? undefined : value))) as ModelCard;
  const key = (m: CardMetric): string => JSON.stringify([m.type, m.side, m.group?.column, m.group?.value, m.name, m.value]);
  const order = (list: CardMetric[]): CardMetric[] => [...list].sort((a, b) => key(a).localeCompare(key(b)));
  plain.quantitative.metrics = order(plain.quantitative.metrics);
  // Estimated metrics come back in autofill's estimated_<id> typing.
  plain.quantitative.estimated = order(
    plain.quantitative.estimated.map((m) => ({ ...m, type: m.type.startsWith('estimated_') ? m.type : `estimated_${m.type}` })),
  );
  return plain;
}
