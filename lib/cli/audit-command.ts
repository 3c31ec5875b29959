/**
 * `driftbook audit verify FILE.jsonl`: checks an audit trail exported from the app (Export audit trail)
 * as the app's Verify does (lib/tracking/audit.ts). Prints {"ok": true, "entries": N, "head": HASH} and
 * exits 0 when the chain holds; prints {"ok": false, "index", "seq", "problem", "reason"} for the first
 * broken entry and exits 1; an unreadable file or a line that is not a JSON object exits 2.
 */
import { readFile } from 'node:fs/promises';
import { parseJsonLines, verifyChain } from '../tracking/audit';
import { jsonText } from './command-io';
import { UsageError } from './drift-options';

const USAGE_LINE = 'usage: driftbook audit verify FILE.jsonl — FILE.jsonl is an audit trail exported from the app (Export audit trail)';

async function readTrail(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? (error as Error).message);
    throw new UsageError(`audit verify: cannot read ${path} (${why})`);
  }
}

/** Exit code 0 (the chain holds) or 1 (the first broken entry printed); throws for usage and unreadable input (exit 2). */
export async function auditCommand(args: string[], out: (text: string) => void): Promise<number> {
  const [subcommand, path, ...rest] = args;
  if (subcommand !== 'verify') throw new UsageError(subcommand ? `audit: unknown subcommand ${subcommand} — ${USAGE_LINE}` : USAGE_LINE);
  if (!path || rest.length > 0) throw new UsageError(rest.length > 0 ? `audit verify: one file only, got ${args.length - 1} — ${USAGE_LINE}` : USAGE_LINE);
  const entries = parseJsonLines(await readTrail(path));
  const verdict = await verifyChain(entries);
  if (verdict.ok) {
    out(jsonText({ ok: true, entries: verdict.count, head: verdict.head }));
    return 0;
  }
  out(jsonText({ ok: false, index: verdict.index, seq: verdict.seq ?? null, problem: verdict.problem, reason: verdict.reason }));
  return 1;
}
