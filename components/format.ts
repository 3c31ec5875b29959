/** Thousands-separated integer (locale-independent, so screenshots and tests are stable). */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A score or p-value: 4 significant digits, scientific below 1e-4, ∞ for null (infinite statistics). */
export function formatScore(x: number | null | undefined): string {
  if (x === null) return '∞';
  if (x === undefined || Number.isNaN(x)) return '—';
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-4) return x.toExponential(2);
  return Number(x.toPrecision(4)).toString();
}

export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '—';
  const p = (100 * part) / whole;
  return p === 0 ? '0%' : p < 0.1 ? '<0.1%' : `${Number(p.toPrecision(3))}%`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
