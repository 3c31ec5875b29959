// The app shows numbers exactly as the exported report does.
export { formatCount, formatScore, methodLabel } from '../lib/report/format';

export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '—';
  const p = (100 * part) / whole;
  return p === 0 ? '0%' : p < 0.1 ? '<0.1%' : `${Number(p.toPrecision(3))}%`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
