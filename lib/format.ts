/**
 * Number, count, share and duration formats shared by the app, the exported report, the charts
 * and the CLI, so a value reads the same everywhere, and how user text shows its hidden controls.
 * Pure and locale-independent (reports are reproducible); imports nothing.
 */

/** Four significant digits without trailing zeros: 0.116, 12.35, 1.5e-7. */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** A p-value or distance: 4 significant digits, scientific below 1e-4, "∞" for null (infinite), "—" when absent. */
/**
 * A p-value or a drift score: null means undefined (e.g. chisquare over one category), shown as "—".
 * (A *statistic* of null is JSON's ∞ — formatScore shows that.)
 */
export function formatPValue(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatScore(value);
}

export function formatScore(value: number | null | undefined): string {
  if (value === undefined) return '—';
  if (value === null || value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  if (Number.isNaN(value)) return 'NaN';
  if (value === 0) return '0';
  if (Math.abs(value) < 1e-4) {
    const [mantissa = '', exponent = ''] = value.toExponential(3).split('e');
    return `${mantissa.replace(/\.?0+$/, '')}e${exponent.replace('+', '')}`;
  }
  return formatNumber(value);
}

/** Integer counts with thousands separators: 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int = '', frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '−' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** A share in [0, 1] as a percent with at most one decimal: 0.3333 → "33.3%". */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/** `part` of `whole` as a percent with 3 significant digits; "<0.1%" for a tiny non-zero share, "—" of nothing. */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '—';
  const p = (100 * part) / whole;
  return p === 0 ? '0%' : p < 0.1 ? '<0.1%' : `${Number(p.toPrecision(3))}%`;
}

/** How long a computation took: "840 ms", "2.5 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const SPAN_UNITS: [number, string][] = [
  [86_400_000, 'days'],
  [3_600_000, 'h'],
  [60_000, 'min'],
  [1_000, 's'],
];

/** A span of time in the largest unit it fills, 4 significant digits: "6 h", "2.5 days", "250 ms". */
export function formatTimeSpan(ms: number): string {
  for (const [size, unit] of SPAN_UNITS) if (ms >= size) return `${formatNumber(ms / size)} ${unit}`;
  return `${formatNumber(ms)} ms`;
}

// Characters that are invisible yet change what a reader sees: bidi embeddings and overrides
// (U+202A–202E) and isolates (U+2066–2069) reorder the text after them (`x\u202e.csv` reads
// "x" + "vsc."), the marks (U+200E, U+200F, U+061C) move neutrals, C0/C1 controls and the
// line/paragraph separators hide or break a line, and zero-width space, word joiner and U+FEFF
// make two different names look the same. ZWNJ/ZWJ (U+200C/200D) are left alone: Persian text
// and emoji sequences need them.
const INVISIBLE = /[\p{Cc}\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;
const LINE_CONTROLS = new Set(['\t', '\n', '\r']);

/**
 * User text (a file, workspace, column, category or cell name, a segment, a warning quoting one)
 * with its invisible and reordering characters shown as ⟨U+202E⟩, so it cannot pass for other
 * text. `lines: true` keeps tab, line feed and carriage return (multi-line text such as a note or
 * pretty-printed JSON). Show the result isolated (`<bdi>`, `unicode-bidi: isolate`).
 */
export function visibleControls(text: string, { lines = false }: { lines?: boolean } = {}): string {
  return text.replace(INVISIBLE, (c) => (lines && LINE_CONTROLS.has(c) ? c : `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`));
}
