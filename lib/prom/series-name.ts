import { DataError } from '../errors';
import { METRIC_NAME_LABEL } from './types';

// Label values are quoted as in PromQL and the exposition format: backslash, double quote and newline escaped.
const escapeLabelValue = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/**
 * A series' display name as Prometheus and Grafana write it: `name{a="x", b="y"}` with the labels in
 * name order (`__name__` as the prefix; `{a="x"}` for a series without a name, `name` alone without labels).
 */
export function seriesName(metric: Readonly<Record<string, string>>): string {
  const name = metric[METRIC_NAME_LABEL] ?? '';
  const labels = Object.keys(metric)
    .filter((key) => key !== METRIC_NAME_LABEL)
    .sort()
    .map((key) => `${key}="${escapeLabelValue(metric[key]!)}"`);
  if (labels.length === 0) return name === '' ? '{}' : name;
  return `${name}{${labels.join(', ')}}`;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"/;

function bad(text: string, problem: string): DataError {
  return new DataError('bad-series-name', `not a series name: ${JSON.stringify(text)} — ${problem}; expected name{label="value", …}`);
}

/**
 * The label set a `seriesName` stands for (the inverse of seriesName), or undefined when `text` is
 * not written that way (e.g. a Grafana legend such as "cpu 0"). Accepts `, ` or `,` between labels.
 */
export function parseSeriesName(text: string): Record<string, string> | undefined {
  try {
    return readSeriesName(text.trim());
  } catch {
    return undefined;
  }
}

function readSeriesName(text: string): Record<string, string> {
  const metric: Record<string, string> = {};
  const name = NAME.exec(text)?.[0] ?? '';
  if (name) metric[METRIC_NAME_LABEL] = name;
  let rest = text.slice(name.length);
  if (rest === '' && name) return metric;
  if (!rest.startsWith('{') || !rest.endsWith('}')) throw bad(text, 'no {…} label list');
  rest = rest.slice(1, -1);
  while (rest.trim() !== '') {
    const label = LABEL.exec(rest);
    if (!label) throw bad(text, `cannot read a label at ${JSON.stringify(rest)}`);
    let i = label[0].length;
    let value = '';
    for (; i < rest.length && rest[i] !== '"'; i++) {
      if (rest[i] !== '\\') value += rest[i];
      else {
        const next = rest[++i];
        value += next === 'n' ? '\n' : (next ?? '');
      }
    }
    if (i >= rest.length) throw bad(text, `unterminated value of ${label[1]}`);
    metric[label[1]!] = value;
    rest = rest.slice(i + 1).replace(/^\s*,/, '');
  }
  return metric;
}
