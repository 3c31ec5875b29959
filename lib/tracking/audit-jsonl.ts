/**
 * The audit trail as JSON Lines: one entry per line, each in canonical JSON (lib/tracking/canonical-json.ts,
 * `hash` included), "\n" after each. Reading checks only that each line is a JSON object (entry k is
 * line k); whether the entries hold together is verifyChain's question.
 */
import { DataError } from '../errors';
import { canonicalJson } from './canonical-json';
import type { AuditEntry } from './types';

const HEX64 = /^[0-9a-f]{64}$/;

/** What is wrong with an entry's shape, or undefined. */
export function entryShapeProblem(entry: unknown): string | undefined {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return 'not an object';
  const e = entry as Record<string, unknown>;
  if (!Number.isSafeInteger(e.seq) || (e.seq as number) < 0) return `seq ${JSON.stringify(e.seq) ?? 'missing'} is not an integer ≥ 0`;
  if (typeof e.time !== 'string') return 'time is not a string';
  if (typeof e.type !== 'string' || !e.type) return 'type is not a non-empty string';
  if (e.details === null || typeof e.details !== 'object' || Array.isArray(e.details)) return 'details is not an object';
  if (typeof e.prev !== 'string' || !HEX64.test(e.prev)) return 'prev is not 64 lowercase hex digits';
  if (typeof e.hash !== 'string' || !HEX64.test(e.hash)) return 'hash is not 64 lowercase hex digits';
  return undefined;
}

/** The entries as JSON Lines (canonical JSON per line, a newline after each). */
export function toJsonLines(entries: readonly AuditEntry[]): string {
  return entries.map((entry) => `${canonicalJson(entry, `entry seq ${entry.seq}`)}\n`).join('');
}

/** Entries from JSON Lines (a leading BOM, CRLF and trailing blank lines allowed); `DataError` naming the first bad line. */
export function parseJsonLines(text: string): AuditEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  return lines.map((line, i) => {
    const where = `line ${i + 1}`;
    if (line.trim() === '') throw new DataError('audit-jsonl', `${where}: empty — each line must be one audit entry, as Export audit trail writes them`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new DataError(
        'audit-jsonl',
        `${where}: not JSON (${(error as Error).message}) — each line must be one audit entry, as Export audit trail writes them`,
      );
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new DataError('audit-jsonl', `${where}: not a JSON object — each line must be one audit entry {seq, time, type, details, prev, hash}`);
    }
    return value as AuditEntry;
  });
}
