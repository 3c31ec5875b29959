import { sha256Hex } from '../data/sha256';
import { ENGINE_VERSION } from '../version';

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

/** The result cache key: a hash of (kind, config, input sha256s, engine version). */
export function resultKey(kind: string, config: unknown, inputSha256s: readonly string[]): Promise<string> {
  const text = canonicalJson({ kind, config, inputs: inputSha256s, engine: ENGINE_VERSION });
  return sha256Hex(new TextEncoder().encode(text));
}
