/**
 * Sequential change detectors: small state machines fed one value at a time, after River 0.26's
 * `river.drift` (river/base/drift_detector.py: `update(x)`, then read `drift_detected` /
 * `warning_detected`). Every detector here resets lazily as River does: the update after a
 * detection first restores the initial state, then processes its value.
 */

/** What one update left behind: River's `drift_detected` and `warning_detected` after `update(x)`. */
export interface DetectorState {
  drift: boolean;
  warning: boolean;
}

export interface Detector {
  update(x: number): DetectorState;
}

export type ParamValue = number | boolean | string;

/** Parsed parameters: every parameter of the detector, defaults filled in. */
export type DetectorParams = Record<string, ParamValue>;

/** Parameters as a user typed them (CLI `--param name=value`, a form field) or as stored. */
export type RawDetectorParams = Record<string, ParamValue>;

/**
 * One constructor argument. Names are River's; defaults are River's unless `description` says
 * otherwise. `min`/`max` are inclusive unless `minExclusive`/`maxExclusive` is set.
 */
export type ParamSpec =
  | {
      kind: 'number' | 'int';
      default: number;
      min?: number;
      max?: number;
      minExclusive?: boolean;
      maxExclusive?: boolean;
      description: string;
    }
  | { kind: 'bool'; default: boolean; description: string }
  | { kind: 'enum'; default: string; values: readonly string[]; description: string };

export interface DetectorSpec {
  /** Registry id (`page_hinkley`, `adwin`, …): the CLI's `--detector` value. */
  id: string;
  label: string;
  /** Binary detectors take 1 = error, 0 = correct (River's `river.drift.binary`). */
  binary: boolean;
  /** Whether the detector can raise warnings (River's DriftAndWarningDetector). */
  warnings: boolean;
  /** One line: what the detector tests. */
  definition: string;
  params: Record<string, ParamSpec>;
  /** Checks between parameters (e.g. KSWIN's stat_size < window_size): a message, or undefined. */
  checkParams?(params: DetectorParams): string | undefined;
  /** Checks one input value (finite values only reach it): a message naming the problem, or undefined. */
  checkValue?(x: number): string | undefined;
  create(params: DetectorParams): Detector;
}

export const NO_CHANGE: DetectorState = Object.freeze({ drift: false, warning: false });
export const DRIFT: DetectorState = Object.freeze({ drift: true, warning: false });
