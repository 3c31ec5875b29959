/**
 * The Prometheus text exposition format (version 0.0.4) of catalogue samples, for
 * node_exporter's textfile collector or a Pushgateway: `# HELP` and `# TYPE` per family, each
 * family's series together in catalogue order, no timestamps, LF line ends and a final newline.
 * Escaping follows prometheus/common expfmt (text_create.go): `\\`, `\"` and `\n` in label
 * values; `\\` and `\n` in HELP. Every other character (UTF-8, bidi controls) is written as is —
 * the format has no other escape, so a label value round-trips exactly.
 */
import { AnalysisError } from '../errors';
import { FAMILIES, familyOf } from './catalogue';
import { seriesKey } from './samples';
import { METRIC_PREFIX, type MetricFamily, type Sample } from './types';

/** A label value inside its double quotes. */
export const escapeLabelValue = (value: string): string => value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));

/** HELP text: backslash and line feed only (a double quote stays as is). */
export const escapeHelp = (text: string): string => text.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));

/** A sample value as Go's strconv.ParseFloat reads it: NaN for an undefined number, ±Inf. */
export function formatSampleValue(value: number | null): string {
  if (value === null || Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

// A series' identity as Prometheus sees it: an empty label value is the same as no label.
const identity = (sample: Sample): string => seriesKey(sample.metric, Object.fromEntries(Object.entries(sample.labels).filter(([, value]) => value !== '')));

/** The label names of a sample, checked against its family, in the family's order. */
function orderedLabels(family: MetricFamily, sample: Sample): [string, string][] {
  for (const [name, value] of Object.entries(sample.labels)) {
    if (!family.labels.includes(name)) {
      throw new AnalysisError('unknown-label', `label: ${name} is not a label of ${family.name} — its labels are: ${family.labels.join(', ') || 'none'}`);
    }
    if (typeof value !== 'string') throw new AnalysisError('bad-label', `label: ${family.name}{${name}} is not a string`);
  }
  return family.labels.filter((name) => Object.hasOwn(sample.labels, name)).map((name) => [name, sample.labels[name]!]);
}

// Go's strconv.ParseFloat syntax, as expfmt reads a summary's quantile label.
const GO_FLOAT = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|inf|infinity|nan)$/i;

function seriesLine(family: MetricFamily, sample: Sample): string {
  const labels = orderedLabels(family, sample);
  const quantile = family.type === 'summary' ? sample.labels.quantile : undefined;
  if (quantile !== undefined && !GO_FLOAT.test(quantile)) {
    throw new AnalysisError('bad-label', `quantile: ${JSON.stringify(quantile)} is not a number — a summary's quantile label is one, e.g. "0.95"`);
  }
  const matchers = labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',');
  return `${METRIC_PREFIX}${family.name}${matchers ? `{${matchers}}` : ''} ${formatSampleValue(sample.value)}`;
}

/**
 * The exposition of these samples. Families follow the catalogue's order and series keep the
 * samples' order within a family. A family or label the catalogue does not know, or the same
 * series twice, is an AnalysisError naming it (Prometheus would refuse the whole scrape).
 */
export function exposition(samples: readonly Sample[]): string {
  const byFamily = new Map<string, Sample[]>();
  for (const sample of samples) {
    const family = familyOf(sample.metric);
    const list = byFamily.get(family.name) ?? [];
    list.push(sample);
    byFamily.set(family.name, list);
  }
  const lines: string[] = [];
  for (const family of FAMILIES) {
    const list = byFamily.get(family.name);
    if (!list) continue;
    const name = `${METRIC_PREFIX}${family.name}`;
    lines.push(`# HELP ${name} ${escapeHelp(family.help)}`, `# TYPE ${name} ${family.type}`);
    const seen = new Set<string>();
    for (const sample of list) {
      const key = identity(sample);
      if (seen.has(key)) {
        throw new AnalysisError('duplicate-series', `series: ${name}${JSON.stringify(sample.labels)} appears twice — each series may be written once`);
      }
      seen.add(key);
      lines.push(seriesLine(family, sample));
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
