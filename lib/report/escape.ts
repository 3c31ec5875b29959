import { visibleControls } from '../format';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and for quoted attribute values alike. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Same escaping; a separate name so call sites say which context they write into. */
export const escapeAttr = escapeHtml;

/** Markup that is already safe: built by `html` or serialized from a DOM (e.g. a chart's SVG). */
export interface SafeHtml {
  readonly __html: string;
}

/** Marks trusted markup; only for strings produced by this module's callers from safe parts. */
export function raw(markup: string): SafeHtml {
  return { __html: markup };
}

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && typeof (value as SafeHtml).__html === 'string';
}

// Every interpolated string shows its bidi and other invisible controls as ⟨U+202E⟩ (lines kept,
// for <pre> JSON): a control a section forgot to isolate still cannot reorder the report.
function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (isSafe(value)) return value.__html;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(visibleControls(String(value), { lines: true }));
}

/**
 * A user string (file, workspace, column, category, group or cell name, a segment, a warning or
 * error quoting one) in text content: isolated in a <bdi> so right-to-left text inside cannot
 * move the words around it, its controls shown as ⟨U+202E⟩ (one line). Not for attribute values.
 */
export function userText(text: string | number | null | undefined): SafeHtml {
  if (text === null || text === undefined) return raw('');
  return raw(`<bdi>${escapeHtml(visibleControls(String(text)))}</bdi>`);
}

/**
 * Template tag that escapes every interpolated value unless it is SafeHtml, so user strings
 * (column names, category values, dataset names) cannot inject markup by omission.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return raw(out);
}
