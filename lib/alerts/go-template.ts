/**
 * A rule's summary as a Prometheus annotation (a Go text/template), and what Prometheus renders
 * from it. Only `{{ $labels.NAME }}` and `{{ $value }}` are placeholders; any other `{{` is written
 * as the action `{{"{"}}`, so Prometheus prints the text as written (as the app does for unknown
 * placeholders) and the template always parses (`promtool check rules`).
 */

const PLACEHOLDER = /\{\{\s*\$(?:labels\.([A-Za-z_][A-Za-z0-9_]*)|(value))\s*\}\}/g;

type Part = { text: string } | { label: string } | { value: true };

function partsOf(summary: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of summary.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ text: summary.slice(last, match.index) });
    parts.push(match[1] !== undefined ? { label: match[1] } : { value: true });
    last = match.index + match[0].length;
  }
  if (last < summary.length) parts.push({ text: summary.slice(last) });
  return parts;
}

// A `{` that would open an action with the next character (or the placeholder that follows).
const escapeBraces = (text: string): string => text.replace(/\{(?=\{|$)/g, '{{"{"}}');

/** Text that Prometheus expands as a template but should print as written (an annotation holding a name). */
export const goLiteral = (text: string): string => escapeBraces(text);

/** The summary as a Go template: its placeholders kept, every other `{{` made literal. */
export function goTemplateOf(summary: string): string {
  return partsOf(summary)
    .map((part) => ('text' in part ? escapeBraces(part.text) : 'label' in part ? `{{ $labels.${part.label} }}` : '{{ $value }}'))
    .join('');
}

/**
 * A float64 as Go's fmt `%v` prints it (strconv 'g' with the shortest digits: exponent form when
 * the decimal exponent is below -4 or 6 and above, at least two exponent digits), which is how a
 * Prometheus template prints `$value`.
 */
export function goFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const sign = value < 0 ? '-' : '';
  // JS's toExponential() without digits gives the shortest round-tripping digits, as Go's shortest mode.
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.length > exponent + 1 ? `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}` : digits.padEnd(exponent + 1, '0');
  return `${sign}${whole}`;
}

/** What Prometheus renders from goTemplateOf(summary) for an alert with these labels and value (a missing label prints empty: Prometheus sets missingkey=zero). */
export function renderGoSummary(summary: string, labels: Readonly<Record<string, string>>, value: number): string {
  return partsOf(summary)
    .map((part) => ('text' in part ? part.text : 'label' in part ? (Object.hasOwn(labels, part.label) ? labels[part.label]! : '') : goFloat(value)))
    .join('');
}
