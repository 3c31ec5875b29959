import { sha256Hex } from '../data/sha256';
import { describeRoles } from '../data/roles';
import type { DatasetMeta } from '../data/types';
import { ENGINE_VERSION } from '../version';
import type { InputSlot } from './types';

/** JSON with object keys sorted, so equal configs give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The result cache key: a hash of (kind, config, input fingerprints, engine version). */
export function resultKey(kind: string, config: unknown, inputFingerprints: readonly unknown[]): Promise<string> {
  const text = canonicalJson({ kind, config, inputs: inputFingerprints, engine: ENGINE_VERSION });
  return sha256Hex(new TextEncoder().encode(text));
}

/**
 * What of a dataset a result depends on: its bytes, the column types, and the roles with their
 * source — confirming a guessed role changes drift (only roles set by the user leave columns
 * untested), so `user:id` and a guessed `id` must not share a key.
 */
export function datasetFingerprint(meta: DatasetMeta): { sha256: string; types: Record<string, string>; roles: Record<string, string> } {
  const roles = Object.entries(describeRoles(meta))
    .filter(([, info]) => info.role !== 'feature' || info.source === 'user')
    .map(([name, info]) => [name, info.source === 'user' ? `user:${info.role}` : info.role]);
  return { sha256: meta.sha256, types: Object.fromEntries(meta.schema.map((c) => [c.name, c.type])), roles: Object.fromEntries(roles) };
}

/**
 * A cell's cache key from its kind, config and input datasets (by slot) with their segments. A
 * slot without a segment hashes as before segments existed, so stored results stay current.
 */
export function cellResultKey(
  kind: string,
  config: unknown,
  inputs: Partial<Record<InputSlot, DatasetMeta>>,
  segments: Partial<Record<InputSlot, string>> = {},
): Promise<string> {
  const fingerprints = Object.entries(inputs)
    .filter((entry): entry is [InputSlot, DatasetMeta] => entry[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([slot, meta]) => ({ slot, ...datasetFingerprint(meta), ...(segments[slot] ? { segment: segments[slot] } : {}) }));
  return resultKey(kind, config, fingerprints);
}
