/**
 * Reads an expectation suite: GX Core 1.x JSON (`name`, `expectations[{type, kwargs}]`) or the
 * legacy 0.18 layout (`expectation_suite_name`, `expectations[{expectation_type, kwargs}]`),
 * converted with a note. Each expectation is checked against its spec (lib/validation/kwargs.ts):
 * an unknown type or kwarg is an error naming the expectation, as GX 1.x forbids them — the
 * expectation is never dropped silently.
 */
import { AnalysisError } from '../errors';
import type { ExpectationConfig, ExpectationSuite, ReadSuite } from './types';
import { COMMON_KWARGS, EXPECTATION_SPECS, expectationSpec, type KwargSpec } from './kwargs';
import { checkKwargValue } from './kwarg-values';
import { parseResultFormat } from './result-format';

const bad = (message: string) => new AnalysisError('bad-suite', message);

const SUITE_FIELDS = new Set(['name', 'id', 'expectations', 'meta', 'notes']);
const EXPECTATION_FIELDS = new Set(['type', 'kwargs', 'meta', 'id', 'notes', 'description', 'rendered_content']);
/** 0.18 fields with no 1.x counterpart, dropped on conversion. */
const LEGACY_SUITE_FIELDS = new Set(['expectation_suite_name', 'data_asset_type', 'ge_cloud_id', 'evaluation_parameters']);
const LEGACY_EXPECTATION_FIELDS = new Set(['expectation_type', 'ge_cloud_id', 'expectation_context', 'rendered_content']);
/** 0.18 kwargs that 1.x removed; dropped on conversion when they are off (false/null), an error otherwise. */
const LEGACY_KWARGS = new Set(['include_config', 'parse_strings_as_datetimes', 'allow_cross_type_comparisons', 'output_strftime_format']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const label = (index: number, type: unknown) => `expectation ${index + 1}${typeof type === 'string' ? ` (${type})` : ''}`;

/** Checks one expectation against its spec; throws a `bad-suite` error naming it (1-based index and type). */
export function checkExpectation(config: ExpectationConfig, index: number): void {
  const what = label(index, config.type);
  const spec = expectationSpec(config.type);
  if (!spec)
    throw bad(
      `${what}: unknown expectation type — Driftbook runs ${Object.keys(EXPECTATION_SPECS).length} GX types: ${Object.keys(EXPECTATION_SPECS).join(', ')}`,
    );
  if (!isRecord(config.kwargs)) throw bad(`${what}: kwargs must be an object`);
  const byName = new Map<string, KwargSpec>(spec.kwargs.map((k) => [k.name, k]));
  for (const [name, value] of Object.entries(config.kwargs)) {
    const kwarg = byName.get(name);
    if (!kwarg && !COMMON_KWARGS.includes(name)) {
      throw bad(`${what}: unknown kwarg "${name}" — GX 1.x accepts ${[...byName.keys()].join(', ')} (and ${COMMON_KWARGS.join(', ')})`);
    }
    if (name === 'result_format') {
      try {
        parseResultFormat(value);
      } catch (error) {
        throw bad(`${what}: ${(error as Error).message}`);
      }
    }
    if (!kwarg) continue;
    const problem = checkKwargValue(kwarg, value);
    if (problem) throw bad(`${what}: ${name} ${problem}`);
  }
  for (const kwarg of spec.kwargs) {
    if (kwarg.required && (config.kwargs[kwarg.name] === undefined || config.kwargs[kwarg.name] === null)) {
      throw bad(`${what}: missing required kwarg "${kwarg.name}"`);
    }
  }
}

/** The problem with one expectation, or null: what the cell's forms show (the same check as the CLI). */
export function expectationProblem(config: ExpectationConfig, index = 0): string | null {
  try {
    checkExpectation(config, index);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function readNotes(value: unknown, what: string): string | string[] | null | undefined {
  if (value === undefined || value === null || typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw bad(`${what}: notes must be a string or a list of strings`);
}

function readExpectation(raw: unknown, index: number, legacy: boolean, notes: string[]): ExpectationConfig {
  if (!isRecord(raw)) throw bad(`${label(index, undefined)}: must be an object`);
  const type = legacy ? raw.expectation_type : raw.type;
  const what = label(index, type);
  if (typeof type !== 'string') throw bad(`${what}: "${legacy ? 'expectation_type' : 'type'}" must be a string`);
  const allowed = legacy ? new Set([...LEGACY_EXPECTATION_FIELDS, 'kwargs', 'meta', 'notes', 'description', 'id']) : EXPECTATION_FIELDS;
  for (const key of Object.keys(raw)) if (!allowed.has(key)) throw bad(`${what}: unknown field "${key}"`);
  if (raw.meta !== undefined && raw.meta !== null && !isRecord(raw.meta)) throw bad(`${what}: meta must be an object`);
  if (raw.id !== undefined && raw.id !== null && typeof raw.id !== 'string') throw bad(`${what}: id must be a string`);
  if (!isRecord(raw.kwargs)) throw bad(`${what}: kwargs must be an object`);
  let kwargs = raw.kwargs;
  if (legacy) {
    kwargs = { ...kwargs };
    for (const name of LEGACY_KWARGS) {
      if (!(name in kwargs)) continue;
      if (kwargs[name] !== false && kwargs[name] !== null) throw bad(`${what}: kwarg "${name}" was removed in GX 1.x — remove it from the suite`);
      delete kwargs[name];
      notes.push(`${what}: dropped the 0.18 kwarg "${name}" (removed in GX 1.x; it was off)`);
    }
  }
  const config: ExpectationConfig = { type, kwargs };
  if (isRecord(raw.meta)) config.meta = raw.meta;
  if (typeof raw.id === 'string') config.id = raw.id;
  const expectationNotes = readNotes(raw.notes, what);
  if (expectationNotes !== undefined) config.notes = expectationNotes;
  if (typeof raw.description === 'string' || raw.description === null) config.description = raw.description;
  checkExpectation(config, index);
  return config;
}

/**
 * A suite from JSON text or a parsed object. Throws `bad-suite` (an AnalysisError) naming what is
 * wrong; `notes` says what reading changed (a legacy suite converted, 0.18 kwargs dropped).
 */
export function readSuite(input: unknown): ReadSuite {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      throw bad(`suite: not JSON (${(error as Error).message}) — export the suite as GX JSON`);
    }
  }
  if (!isRecord(raw)) throw bad('suite: must be a JSON object with "name" and "expectations"');
  const legacy = 'expectation_suite_name' in raw && !('name' in raw);
  const notes: string[] = [];
  const allowed = legacy ? new Set([...LEGACY_SUITE_FIELDS, 'expectations', 'meta', 'notes']) : SUITE_FIELDS;
  for (const key of Object.keys(raw))
    if (!allowed.has(key)) throw bad(`suite: unknown field "${key}"${LEGACY_SUITE_FIELDS.has(key) ? ' (a GX 0.18 field in a 1.x suite)' : ''}`);
  const name = legacy ? raw.expectation_suite_name : raw.name;
  if (typeof name !== 'string' || name === '') throw bad(`suite: "${legacy ? 'expectation_suite_name' : 'name'}" must be a non-empty string`);
  if (!Array.isArray(raw.expectations)) throw bad('suite: "expectations" must be a list');
  if (raw.meta !== undefined && !isRecord(raw.meta)) throw bad('suite: meta must be an object');
  if (legacy) notes.push(`converted a GX 0.18 suite ("expectation_suite_name", "expectation_type") to GX 1.x ("name", "type")`);
  const expectations = raw.expectations.map((e, i) => readExpectation(e, i, legacy, notes));
  const suite: ExpectationSuite = { name, expectations };
  if (!legacy && typeof raw.id === 'string') suite.id = raw.id;
  if (isRecord(raw.meta)) suite.meta = raw.meta;
  const suiteNotes = readNotes(raw.notes, 'suite');
  if (suiteNotes !== undefined) suite.notes = suiteNotes;
  return { suite, notes };
}
