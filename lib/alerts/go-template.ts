/**
 * A rule's summary as a Prometheus annotation (a Go text/template), and what Prometheus renders
 * from it. Only `{{ $labels.NAME }}` and `{{ $value }}` are placeholders; any other `{{` is written
 * as the action `{{"{"}}`, so Prometheus prints the text as written (as the app does for unknown
 * placeholders) and the template always parses (`promtool check rules`). What Prometheus then
 * prints is summary-template.ts renderSummary.
 */

import { PLACEHOLDER } from './summary-template';

type Part = { text: string } | { label: string } | { value: true };

function partsOf(summary: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of summary.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ text: summary.slice(last, match.index) });
    parts.push(match[2] !== undefined ? { label: match[2] } : { value: true });
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
