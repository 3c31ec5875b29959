/**
 * A sample value as Prometheus writes it in JSON and text: a Go float (`strconv.FormatFloat(v, 'f', -1, 64)`),
 * with `NaN`, `+Inf`, `-Inf` (and `Inf`). Returns undefined for anything else (Number() alone would
 * read "" as 0 and "+Inf" as NaN).
 */
export function parseSampleValue(text: string): number | undefined {
  const s = text.trim();
  switch (s.toLowerCase()) {
    case 'nan':
      return NaN;
    case '+inf':
    case 'inf':
    case '+infinity':
    case 'infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
  }
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** A sample value as Prometheus writes it (so `+Inf`, not `Infinity`). */
export function formatSampleValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}
