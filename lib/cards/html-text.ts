/**
 * How the card's HTML writes the person's text: plain fields (names, contacts, links, dates) as
 * escaped text isolated in <bdi>, Markdown fields through the notes' safe renderer with links as
 * text, an empty field as "—". Nothing here writes an href or a src.
 */
import { formatCount, visibleControls } from '../format';
import { html, raw, userText, type SafeHtml } from '../report/escape';
import { renderMarkdown } from '../report/markdown';
import type { CardMetric } from './types';

/** What an empty field shows. */
export const EMPTY = html`<span class="empty">—</span>`;

const isBlank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/** A one-line user string (name, contact, id…), isolated; "—" when empty. */
export function plain(text: string | undefined): SafeHtml {
  return isBlank(text) ? EMPTY : userText(text);
}

/** A multi-line user string that is not Markdown (a BibTeX citation): lines kept, isolated. */
export function lines(text: string): SafeHtml {
  return isBlank(text) ? EMPTY : html`<bdi class="lines">${text}</bdi>`;
}

/**
 * A link the person typed (documentation, reference, dataset link) as text, never an <a>: a card
 * is signed by a reviewer, who must not be one click away from a look-alike site.
 */
export function linkText(text: string): SafeHtml {
  return isBlank(text) ? EMPTY : html`<bdi class="link-url">${visibleControls(text)}</bdi>`;
}

/** A Markdown field rendered as the notes are (no raw HTML, nothing loads), links as text; "—" when empty. */
export function markdown(text: string | undefined): SafeHtml {
  if (isBlank(text)) return EMPTY;
  // dir="auto": a paragraph written right to left reads from the right; the blocks cannot reorder text outside them.
  return raw(`<div class="markdown" dir="auto">${renderMarkdown(text ?? '', { links: 'text' })}</div>`);
}

/** Label/value rows; `value` is already safe markup (plain, markdown…). */
export function fields(rows: readonly (readonly [label: string, value: SafeHtml])[]): SafeHtml {
  return html`<dl class="fields">${rows.map(([label, value]) => html`<div class="field"><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>`;
}

/** A list of Markdown items; "—" when there is none. */
export function markdownList(items: readonly string[]): SafeHtml {
  const filled = items.filter((item) => !isBlank(item));
  return filled.length ? html`<ul class="md-list">${filled.map((item) => html`<li>${markdown(item)}</li>`)}</ul>` : EMPTY;
}

const ISO_UTC = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/;

/** An ISO 8601 UTC time as "2026-12-06 03:52:11 UTC"; any other text as it is. */
export function shownTime(iso: string): string {
  const m = ISO_UTC.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** A time in a <time> as `shownTime` writes it; any other text as plain user text (it may come from an imported file). */
export function timeText(iso: string): SafeHtml {
  return ISO_UTC.test(iso) ? html`<time datetime="${iso}">${shownTime(iso)}</time>` : plain(iso);
}

/**
 * A string for a CSS `content:` value (the printed page's running header): every character but
 * ASCII letters, digits and spaces as a six-digit escape, so no quote, backslash, newline or
 * `</style>` can leave the string, and controls shown as ⟨U+202E⟩ first. Cut to `max` characters.
 */
export function cssString(text: string, max = 70): string {
  const chars = Array.from(visibleControls(text));
  const cut = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
  const body = cut.map((c) => (/^[A-Za-z0-9 ]$/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16).padStart(6, '0')}`)).join('');
  return `"${body}"`;
}

/**
 * A number of the card with 4 significant digits, trailing zeros kept (0.7000, 0.06250): a signed
 * document says how precise each number is. 1,000 and above as whole numbers with separators
 * (12,346), below 1e-4 in scientific notation (1.000e-7); ∞ and "—" (not a number) as the report.
 */
export function formatSignificant(x: number): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const sign = x < 0 ? '−' : '';
  // 999.95 rounds up to 4 digits as "1000": whole numbers with separators from there.
  if (Number(abs.toPrecision(4)) >= 1000) return `${sign}${formatCount(Math.round(abs))}`;
  if (abs < 1e-4) return `${sign}${abs.toExponential(3).replace('e+', 'e')}`;
  return `${sign}${abs.toPrecision(4)}`;
}

/** A metric's name as a reader knows it: the person's label, else the type id. */
export const metricLabel = (m: CardMetric): string => (m.name?.trim() ? m.name : m.type);

/** A group as the tables and charts name it: `column = value`. */
export const groupLabel = (g: { column: string; value: string }): string => `${g.column} = ${g.value}`;
