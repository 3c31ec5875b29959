/**
 * A `promtool test rules` file for the alerting-rules file of prom-rules.ts: for every exported
 * rule, synthetic series of its family (the rule's labels, `synthetic` for the others) held
 * beyond the threshold, exactly at it, on the safe side of it, and NaN. A value beyond fires once
 * the rule's `for` has passed — not one interval earlier (pending) — and resolves when the value
 * returns; the threshold itself fires only for `>=`/`<=`; the safe side and NaN never fire.
 * The expected annotations are the summary as Prometheus renders it (summary-template.ts).
 */
import { AnalysisError } from '../errors';
import { familyOf } from './catalogue';
import { formatDuration, parseDuration } from './duration';
import { renderSummary } from './summary-template';
import { alertNames, exportedRules, intervalMs, forDuration, yamlText, type PromRulesOptions } from './prom-rules';
import { promqlSelector } from './promql';
import { METRIC_PREFIX, type AlertRule, type Comparator } from './types';

export interface PromRulesTestOptions extends PromRulesOptions {
  /** The rules file's path as the test file names it (relative to the test file's folder). */
  rulesFile: string;
}

/** The label value given to a family label the rule leaves open. */
export const SYNTHETIC_LABEL = 'synthetic';

const fires = (comparator: Comparator, value: number, threshold: number): boolean =>
  comparator === '>' ? value > threshold : comparator === '>=' ? value >= threshold : comparator === '<' ? value < threshold : value <= threshold;

const seriesValue = (value: number): string => (Number.isNaN(value) ? 'NaN' : String(value));

// Series notation (promql/parser): `axn` is a and n more copies; `NaNx5` would read as a name, so NaN is spelled out.
const repeated = (value: number, n: number): string =>
  Number.isNaN(value) ? Array.from({ length: n + 1 }, () => 'NaN').join(' ') : `${seriesValue(value)}x${n}`;

/** The values tried for one rule: beyond, at and on the safe side of the threshold, and NaN. */
function probeValues(rule: AlertRule): number[] {
  const t = rule.threshold;
  // 2t and 0 are exact in binary, so the probes print as short as the threshold does.
  const step = t === 0 ? 1 : Math.abs(t);
  const above = t + step;
  const below = t - step;
  if (!Number.isFinite(above) || !Number.isFinite(below)) {
    throw new AnalysisError('bad-threshold', `rule ${JSON.stringify(rule.id)}: threshold ${t} leaves no finite value beyond it to test`);
  }
  return rule.comparator.startsWith('>') ? [above, t, below, NaN] : [below, t, above, NaN];
}

interface Case {
  rule: AlertRule;
  alertname: string;
  value: number;
  forMs: number;
  interval: number;
}

function testGroup({ rule, alertname, value, forMs, interval }: Case) {
  const family = familyOf(rule.metric);
  const labels = Object.fromEntries(family.labels.map((name) => [name, Object.hasOwn(rule.labels, name) ? rule.labels[name]! : SYNTHETIC_LABEL]));
  const steps = Math.ceil(forMs / interval);
  const fireAt = steps * interval;
  const firing = fires(rule.comparator, value, rule.threshold);
  const at = (ms: number) => formatDuration(ms);
  // Held until the rule fires, then one interval later back at the safe side (a value that resolves it).
  const [, , safe] = probeValues(rule);
  const expected = {
    exp_labels: { ...labels, severity: rule.severity },
    exp_annotations: {
      summary: renderSummary(rule.summary, { ...labels, __name__: `${METRIC_PREFIX}${family.name}` }, value),
      driftbook_rule_id: rule.id,
      driftbook_rule_name: rule.name,
    },
  };
  const checks = [
    ...(steps > 0 ? [{ eval_time: at(fireAt - interval), alertname, exp_alerts: [] }] : []),
    { eval_time: at(fireAt), alertname, exp_alerts: firing ? [expected] : [] },
    { eval_time: at(fireAt + 2 * interval), alertname, exp_alerts: [] },
  ];
  const verdict = firing ? `fires after ${at(forMs)}` : 'does not fire';
  return {
    name: `${alertname}: ${family.name} ${rule.comparator} ${rule.threshold} at ${seriesValue(value)} ${verdict}`,
    interval: at(interval),
    input_series: [{ series: promqlSelector(rule.metric, labels), values: `${repeated(value, steps)} ${repeated(safe!, 1)}` }],
    alert_rule_test: checks,
  };
}

/** The unit-test file (`promtool test rules FILE`) for alertingRulesYaml(rules, options) saved at options.rulesFile. */
export function promtoolTestYaml(rules: readonly AlertRule[], options: PromRulesTestOptions): string {
  const exported = exportedRules(rules);
  const interval = intervalMs(options.interval);
  const names = alertNames(exported);
  const tests = exported.flatMap((rule, i) => {
    const forMs = parseDuration(forDuration(rule.for, interval));
    return probeValues(rule).map((value) => testGroup({ rule, alertname: names[i]!, value, forMs, interval }));
  });
  const header = '# promtool test rules: each rule fires on a synthetic series beyond its threshold (after its `for`), not on one short of it.\n';
  return `${header}${yamlText({ rule_files: [options.rulesFile], evaluation_interval: formatDuration(interval), tests })}`;
}
