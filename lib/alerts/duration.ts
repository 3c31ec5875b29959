/**
 * Prometheus durations (`0s`, `5m`, `1h30m`, `2w`): prometheus/common model.ParseDuration's
 * grammar — one or more `<integer><unit>` parts with units in descending order (y w d h m s ms),
 * each unit at most once; `0` alone is zero. A year is 365 days, a week 7 days, as Prometheus.
 */
import { AnalysisError } from '../errors';

const UNITS: readonly [unit: string, ms: number][] = [
  ['y', 365 * 24 * 3600 * 1000],
  ['w', 7 * 24 * 3600 * 1000],
  ['d', 24 * 3600 * 1000],
  ['h', 3600 * 1000],
  ['m', 60 * 1000],
  ['s', 1000],
  ['ms', 1],
];

// model.ParseDuration's regular expression (prometheus/common model/time.go).
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds of a Prometheus duration; an AnalysisError naming the text and the syntax otherwise. */
export function parseDuration(text: string): number {
  if (text === '0') return 0;
  const match = typeof text === 'string' && text !== '' ? DURATION.exec(text) : null;
  if (!match)
    throw new AnalysisError(
      'bad-duration',
      `duration: ${JSON.stringify(text)} — write a Prometheus duration: whole numbers with units y w d h m s ms, largest first (0s, 30s, 5m, 1h30m)`,
    );
  let ms = 0;
  UNITS.forEach(([, size], i) => {
    const n = match[i + 1];
    if (n !== undefined) ms += Number(n) * size;
  });
  if (!Number.isSafeInteger(ms)) throw new AnalysisError('bad-duration', `duration: ${text} — too long`);
  return ms;
}

/**
 * A duration's Prometheus spelling (model.Duration.String): `0s`, 90 000 → `1m30s`; years and weeks
 * only when they divide it exactly (90 days is `90d`, not `12w6d`).
 */
export function formatDuration(ms: number): string {
  if (!(Number.isSafeInteger(ms) && ms >= 0)) throw new AnalysisError('bad-duration', `duration: ${ms} ms — a whole number of ms, 0 or more`);
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [unit, size] of UNITS) {
    if ((unit === 'y' || unit === 'w') && rest % size !== 0) continue;
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}
