/**
 * The sequential detector registry (ids as the CLI's `--detector`) and parameter parsing:
 * parameter names are River's constructor arguments, values come typed (a form) or as strings
 * (CLI `--param name=value`, booleans as true/false).
 */
import { AnalysisError } from '../../errors';
import { adwinSpec } from './adwin';
import { cusumSpec } from './cusum';
import { ddmSpec } from './ddm';
import { eddmSpec } from './eddm';
import { hddmASpec } from './hddm-a';
import { hddmWSpec } from './hddm-w';
import { kswinSpec } from './kswin';
import { pageHinkleySpec } from './page-hinkley';
import type { DetectorParams, DetectorSpec, ParamSpec, ParamValue, RawDetectorParams } from './types';

export type { Detector, DetectorParams, DetectorSpec, DetectorState, ParamSpec, ParamValue, RawDetectorParams } from './types';

export const DETECTORS = {
  page_hinkley: pageHinkleySpec,
  adwin: adwinSpec,
  kswin: kswinSpec,
  ddm: ddmSpec,
  eddm: eddmSpec,
  hddm_a: hddmASpec,
  hddm_w: hddmWSpec,
  cusum: cusumSpec,
} satisfies Record<string, DetectorSpec>;

export type DetectorId = keyof typeof DETECTORS;

export const DETECTOR_IDS = Object.keys(DETECTORS) as DetectorId[];

export function isDetectorId(id: string): id is DetectorId {
  return Object.prototype.hasOwnProperty.call(DETECTORS, id);
}

/** The spec of a detector id, or an error listing the valid ids. */
export function detectorSpec(id: string): DetectorSpec {
  if (!isDetectorId(id)) throw new AnalysisError('unknown_detector', `unknown detector: ${JSON.stringify(id)}; use one of ${DETECTOR_IDS.join(', ')}`);
  return DETECTORS[id];
}

/** Default parameters of a detector (River's defaults). */
export function defaultDetectorParams(id: string): DetectorParams {
  return Object.fromEntries(Object.entries(detectorSpec(id).params).map(([name, p]) => [name, p.default]));
}

function bad(id: string, name: string, message: string): AnalysisError {
  return new AnalysisError('bad_detector_param', `${id} parameter ${name}: ${message}`);
}

function parseNumber(id: string, name: string, spec: Extract<ParamSpec, { kind: 'number' | 'int' }>, raw: ParamValue): number {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && raw.trim() !== '') value = Number(raw.trim());
  else throw bad(id, name, `expected ${spec.kind === 'int' ? 'an integer' : 'a number'}, got ${JSON.stringify(raw)}`);
  if (!Number.isFinite(value)) throw bad(id, name, `expected a finite ${spec.kind === 'int' ? 'integer' : 'number'}, got ${JSON.stringify(raw)}`);
  if (spec.kind === 'int' && !Number.isSafeInteger(value)) throw bad(id, name, `expected an integer, got ${JSON.stringify(raw)}`);
  const { min, max } = spec;
  if (min !== undefined && (spec.minExclusive ? !(value > min) : !(value >= min))) {
    throw bad(id, name, `must be ${spec.minExclusive ? '>' : '≥'} ${min}, got ${value}`);
  }
  if (max !== undefined && (spec.maxExclusive ? !(value < max) : !(value <= max))) {
    throw bad(id, name, `must be ${spec.maxExclusive ? '<' : '≤'} ${max}, got ${value}`);
  }
  return value;
}

/** One parameter value, typed and range-checked against its spec (`id` and `name` only label the message). */
export function parseParamValue(id: string, name: string, spec: ParamSpec, raw: ParamValue): ParamValue {
  switch (spec.kind) {
    case 'number':
    case 'int':
      return parseNumber(id, name, spec, raw);
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw bad(id, name, `expected true or false, got ${JSON.stringify(raw)}`);
    case 'enum':
      if (typeof raw === 'string' && spec.values.includes(raw)) return raw;
      throw bad(id, name, `expected one of ${spec.values.join(', ')}, got ${JSON.stringify(raw)}`);
  }
}

/**
 * Checks and types a detector's parameters, filling River's defaults for absent ones.
 * Unknown names, wrong types, out-of-range values and inconsistent combinations are refused
 * with a message naming the parameter (and the valid names for an unknown one).
 */
export function parseDetectorParams(id: string, raw: RawDetectorParams = {}): DetectorParams {
  const spec = detectorSpec(id);
  const names = Object.keys(spec.params);
  for (const name of Object.keys(raw)) {
    if (!Object.prototype.hasOwnProperty.call(spec.params, name)) {
      throw new AnalysisError('bad_detector_param', `unknown ${id} parameter: ${JSON.stringify(name)}; valid parameters are ${names.join(', ')}`);
    }
  }
  const params: DetectorParams = {};
  for (const name of names) {
    const p = spec.params[name]!;
    params[name] = Object.prototype.hasOwnProperty.call(raw, name) ? parseParamValue(id, name, p, raw[name]!) : p.default;
  }
  const problem = spec.checkParams?.(params);
  if (problem !== undefined) throw new AnalysisError('bad_detector_param', `${id}: ${problem}`);
  return params;
}
