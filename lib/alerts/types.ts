/**
 * Alert rules, the metric catalogue's samples and alert events: the contract between the rules
 * file (JSON, schemaVersion 1), the in-app evaluation, the dashboard, the Prometheus exposition
 * (`driftbook_*` families) and the Prometheus alerting-rules export. Plain JSON throughout.
 */

/** A family's name without the `driftbook_` prefix (`column_drift_score`); the exposition adds the prefix. */
export type FamilyName = string;

/** The Prometheus prefix of every family Driftbook writes. */
export const METRIC_PREFIX = 'driftbook_';

/** One metric family of the catalogue: named once, used by rules, the dashboard and the exposition. */
export interface MetricFamily {
  name: FamilyName;
  /**
   * A value of the last computation (no counters, so no `_total`): a gauge, or — for quantiles — a
   * summary's quantile series, since Prometheus reserves the `quantile` label for summaries
   * (`promtool check metrics`: "non-summary metrics should not have "quantile" label").
   */
  type: 'gauge' | 'summary';
  /** HELP text (one line, plain ASCII). */
  help: string;
  /** Label names its series carry (some series may omit an optional one, e.g. `group`). */
  labels: readonly string[];
  /** Base unit of the value: seconds, ratio (0–1), a count, or a unitless score. */
  unit: 'seconds' | 'ratio' | 'count' | 'score' | 'boolean';
  /** The cell kinds whose results produce it. */
  kinds: readonly string[];
  /** What a user reads in the catalogue (README and the rule editor). */
  description: string;
}

/**
 * One number of one result, as a Prometheus series: family + labels + value. `value` null means
 * the number is undefined for this result (an undefined p-value, an empty side): it is written as
 * NaN in the exposition and never fires a rule. ±Infinity is kept (an infinite distance).
 */
export interface Sample {
  metric: FamilyName;
  labels: Record<string, string>;
  value: number | null;
}

export type Comparator = '>' | '>=' | '<' | '<=';
export type Severity = 'critical' | 'warning' | 'info';

/** How long the condition must hold: a Prometheus duration (`0s`, `5m`, `1h30m`) or N consecutive evaluations (windows/batches/runs). */
export type RuleFor = string | { consecutive: number };

export interface AlertRule {
  /** Stable id (unique in a file). */
  id: string;
  /** Shown in the panel; exported as the Prometheus `alert:` name after sanitising (the original kept in an annotation). */
  name: string;
  /** A catalogue family name without the `driftbook_` prefix. */
  metric: FamilyName;
  /** Equality matchers on that family's labels; values may hold any character. */
  labels: Record<string, string>;
  comparator: Comparator;
  threshold: number;
  for: RuleFor;
  severity: Severity;
  /** May use `{{ $labels.x }}` and `{{ $value }}` (Go-template placeholders, rendered in the panel the same way). */
  summary: string;
  /** A disabled rule is kept, exported, but never evaluated in the app (default true). */
  enabled?: boolean;
}

/** The rules file: `{"schemaVersion": 1, "rules": [...]}`. */
export interface RulesFile {
  schemaVersion: 1;
  rules: AlertRule[];
}

/** Where evaluated numbers came from: a cell's run, one window of a timeline, one batch of the history. */
export interface AlertSource {
  workspaceId: string;
  /** Evaluations of one source form one sequence (its `for` state): `cell:<id>`, `batches`, `metrics:<cellId>`. */
  key: string;
  cellId?: string;
  cellTitle?: string;
  kind?: string;
  window?: { index: number; label: string; start?: string; end?: string };
  batch?: { id: string; date: string; name?: string };
}

/** One evaluation's input: the samples of one result at one time. */
export interface Observation {
  /** ISO time the numbers describe: a window's end, a batch's date, a cell's computed time. */
  at: string;
  source: AlertSource;
  samples: Sample[];
}

export type AlertState = 'firing' | 'resolved';

/** A change of one alert (one rule × one series × one source): it started firing or it resolved. */
export interface AlertEvent {
  /** Deterministic: ruleId + source key + series labels + at + state (re-evaluating the same sequence gives the same ids). */
  id: string;
  workspaceId: string;
  ruleId: string;
  ruleName: string;
  severity: Severity;
  state: AlertState;
  /** The series' labels (the family's labels of the sample that crossed). */
  labels: Record<string, string>;
  metric: FamilyName;
  /** The value at that evaluation (null: not finite). */
  value: number | null;
  comparator: Comparator;
  threshold: number;
  /** The summary with its placeholders filled. */
  summary: string;
  /** When the numbers were true of the world (window end / batch date / computed time). */
  at: string;
  source: AlertSource;
}

/** Per (rule, source, series) evaluation state: the `for` clock (Prometheus' pending → firing). */
export interface SeriesState {
  /** `at` of the first evaluation of the current run of true conditions (pending since). */
  activeSince: string | null;
  /** How many evaluations in a row the condition held. */
  consecutive: number;
  firing: boolean;
  lastValue: number | null;
}

/** The evaluation state of a workspace: key (ruleId \u0000 source key \u0000 canonical labels) → state. Plain JSON. */
export type EvaluationState = Record<string, SeriesState>;

/** A dashboard tile: a pinned number (one catalogue series of one cell) or a cell's chart. */
export type DashboardTile =
  | { id: string; type: 'stat'; cellId: string; metric: FamilyName; labels: Record<string, string>; title?: string }
  | { id: string; type: 'chart'; cellId: string; chart?: string; title?: string };

/** One dashboard per workspace: its tiles in order (the grid's reading order). */
export interface DashboardRecord {
  workspaceId: string;
  tiles: DashboardTile[];
  updatedAt: string;
}

/** A workspace's rules and settings, as stored (IndexedDB `alertRules`, keyed by workspace). */
export interface WorkspaceRulesRecord {
  workspaceId: string;
  rules: AlertRule[];
  /** The browser Notification opt-in (permission asked only when turned on). */
  notify: boolean;
  updatedAt: string;
}
