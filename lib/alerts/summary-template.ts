/**
 * A rule's summary with its placeholders filled as Prometheus fills an alerting rule's
 * annotations (rules/alerting.go defines `$labels := .Labels` and `$value := .Value` and runs Go's
 * text/template): `{{ $labels.x }}` is the series' label (empty for a label the series lacks: a
 * Go map's zero value) and `{{ $value }}` the value printed as Go's `%v` prints a float64. Anything else
 * between braces (pipelines such as `| humanize`, other fields) is left as written.
 */

// Trim markers (`{{-`) are not understood: such a placeholder is left as written.
/**
 * `{{ $labels.NAME }}` (group 2: the name) or `{{ $value }}`; global, for replace and matchAll.
 * Exported for go-template.ts, which writes the summary as a Prometheus annotation.
 */
export const PLACEHOLDER = /\{\{\s*\$(labels\.([A-Za-z_][A-Za-z0-9_]*)|value)\s*\}\}/g;

/**
 * A float64 as Go's fmt `%v` writes it (strconv.FormatFloat(v, 'g', -1, 64): the shortest
 * digits, exponent form when the decimal exponent is < -4 or ≥ 6, at least two exponent digits),
 * `+Inf`, `-Inf`, `NaN` — checked against promtool's own expansion (tests/unit/alerts/summary-template.test.ts).
 */
export function goFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  // toExponential() with no argument gives the shortest round-trip digits, as Go's shortest formatting.
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  const exp = Number(exponent);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  let text: string;
  if (exp < 0) text = `0.${'0'.repeat(-exp - 1)}${digits}`;
  else if (digits.length <= exp + 1) text = digits + '0'.repeat(exp + 1 - digits.length);
  else text = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return negative ? `-${text}` : text;
}

/** The summary of one series at one value; a null value prints as Go prints NaN. */
export function renderSummary(template: string, labels: Readonly<Record<string, string>>, value: number | null): string {
  return template.replace(PLACEHOLDER, (_all, what: string, label: string | undefined) => {
    if (what === 'value') return goFloat(value ?? NaN);
    return Object.prototype.hasOwnProperty.call(labels, label!) ? labels[label!]! : '';
  });
}
