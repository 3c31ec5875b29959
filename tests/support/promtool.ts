/**
 * Runs the real `promtool` (Debian's `prometheus` package; .ci/run installs it when missing) and
 * returns what it printed: the tests judge our Prometheus files by Prometheus' own checks.
 */
import { spawnSync } from 'node:child_process';

export const PROMTOOL = process.env.PROMTOOL ?? 'promtool';

export interface PromtoolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `promtool ARGS…` with `input` on standard input (check metrics reads it there). */
export function promtool(args: readonly string[], options: { input?: string; cwd?: string } = {}): PromtoolRun {
  const run = spawnSync(PROMTOOL, args, { input: options.input ?? '', cwd: options.cwd, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw new Error(`${PROMTOOL} ${args.join(' ')}: ${run.error.message} — install Debian's prometheus package (apt-get install prometheus)`);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `promtool check metrics` on an exposition: exit 0 and no output when clean (lint findings exit 3, parse errors 1). */
export const checkMetrics = (exposition: string): PromtoolRun => promtool(['check', 'metrics'], { input: exposition });
