/**
 * Escaping of a person's text for a Markdown document (the Hugging Face README), in two flavours,
 * each exactly reversible so an exported card reads back byte for byte, and each unable to produce
 * live HTML in a CommonMark renderer with raw HTML enabled (the Hub's):
 *
 * - inline (names, list items, table cells, bullet values): the text shows literally. Markdown
 *   punctuation gets a backslash, `&` `<` become entities (a backslash does not stop an HTML block,
 *   an entity does), newlines become `<br>`, leading/trailing blanks become numeric references.
 * - block (free-text Markdown fields): the person's Markdown renders as Markdown, but outside fenced
 *   code every `&` and `<` becomes an entity, so no HTML tag, comment or block can start. Inside a
 *   fenced code block text is inert already and stays as typed. A fence left open is closed (and
 *   the closing line is dropped again on reading) so it cannot swallow the rest of the card.
 */

/** Punctuation that means something inline (emphasis, code, links, tables, strikethrough, headings, quotes). */
const INLINE_SPECIAL = /[\\`*_[\]|~#>]/;
const ENTITY_OR_BREAK = /\\([!-/:-@[-`{-~])|&(amp|lt|gt|quot);|&#(\d+);|<br>/g;

/** Escape text that must display literally on one Markdown line. `extra` lists more characters to backslash (e.g. `,` in joined lists). */
export function escapeMarkdownInline(text: string, extra = ''): string {
  let out = '';
  for (const ch of text) {
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '\n') out += '<br>';
    else if (ch === '\r') out += '&#13;';
    else if (INLINE_SPECIAL.test(ch) || extra.includes(ch)) out += `\\${ch}`;
    else out += ch;
  }
  // A line start must not read as a list item, ordered list, heading or code indent.
  out = out.replace(/^([-+])(?!\d)/, '\\$1').replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
  const lead = /^[ \t]+/.exec(out)?.[0] ?? '';
  const rest = out.slice(lead.length);
  const trail = /[ \t]+$/.exec(rest)?.[0] ?? '';
  const middle = rest.slice(0, rest.length - trail.length);
  return blanksToRefs(lead) + middle + blanksToRefs(trail);
}

function blanksToRefs(blanks: string): string {
  return [...blanks].map((c) => `&#${c.charCodeAt(0)};`).join('');
}

/** Inverse of escapeMarkdownInline (for any `extra`). */
export function unescapeMarkdownInline(text: string): string {
  return text.replace(ENTITY_OR_BREAK, (_m, punct: string | undefined, named: string | undefined, code: string | undefined) => {
    if (punct !== undefined) return punct;
    if (named !== undefined) return { amp: '&', lt: '<', gt: '>', quot: '"' }[named] ?? '';
    if (code !== undefined) return String.fromCodePoint(Number(code));
    return '\n';
  });
}

/** One line and the line ending after it (CommonMark ends lines at \n, \r\n or \r). */
interface Line {
  text: string;
  eol: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

/** Tracks CommonMark fenced code blocks at the top level (up to 3 spaces of indent, same rules as markdown-it's fence rule). */
export class FenceTracker {
  private open: { char: string; length: number } | null = null;

  get inFence(): boolean {
    return this.open !== null;
  }

  /** The opening fence's marker while one is open (to close it). */
  get openMarker(): string {
    return this.open ? this.open.char.repeat(this.open.length) : '';
  }

  /** Feed one line; returns true when the line itself is a fence line (opening or closing). */
  step(line: string): boolean {
    if (this.open) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close?.[1] && close[1][0] === this.open.char && close[1].length >= this.open.length) {
        this.open = null;
        return true;
      }
      return false;
    }
    const opening = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!opening?.[1]) return false;
    const marker = opening[1];
    // A backtick fence's info string cannot contain a backtick (CommonMark 4.5).
    if (marker[0] === '`' && (opening[2] ?? '').includes('`')) return false;
    this.open = { char: marker[0] ?? '`', length: marker.length };
    return true;
  }
}

/** Escape a Markdown field; `closedFence` says a closing fence line was appended (pass it back to unescape). */
export function escapeMarkdownBlock(text: string): { text: string; closedFence: boolean } {
  const fences = new FenceTracker();
  let out = '';
  for (const { text: line, eol } of splitLines(text)) {
    const inside = fences.inFence;
    const isFence = fences.step(line);
    out += (inside || isFence ? line : line.replace(/&/g, '&amp;').replace(/</g, '&lt;')) + eol;
  }
  if (!fences.inFence) return { text: out, closedFence: false };
  return { text: `${out}\n${fences.openMarker}`, closedFence: true };
}

/** Inverse of escapeMarkdownBlock. */
export function unescapeMarkdownBlock(text: string, closedFence: boolean): string {
  let source = text;
  if (closedFence) {
    const cut = source.lastIndexOf('\n');
    source = cut < 0 ? '' : source.slice(0, cut);
  }
  const fences = new FenceTracker();
  let out = '';
  for (const { text: line, eol } of splitLines(source)) {
    const inside = fences.inFence;
    const isFence = fences.step(line);
    out += (inside || isFence ? line : line.replace(/&(amp|lt);/g, (_m, name: string) => (name === 'amp' ? '&' : '<'))) + eol;
  }
  return out;
}

/** A fenced code block holding `text` verbatim: the fence is longer than any backtick run inside. */
export function fenceVerbatim(text: string, info = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}

/** A Markdown (GFM) table whose cells are escaped inline. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(header.map((h) => escapeMarkdownInline(h))),
    line(header.map(() => '---')),
    ...rows.map((r) => line(r.map((c) => escapeMarkdownInline(c)))),
  ].join('\n');
}

/** Split one table row into raw (still escaped) cells: pipes preceded by a backslash are content. */
export function splitTableRow(line: string): string[] | null {
  const trimmed = line.replace(/^ {0,3}/, '');
  if (!trimmed.startsWith('|')) return null;
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < trimmed.length; i++) {
    const ch = trimmed[i] ?? '';
    if (ch === '\\' && i + 1 < trimmed.length) {
      cell += ch + (trimmed[i + 1] ?? '');
      i++;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  if (cell.trim() !== '') cells.push(cell);
  // Cells are written as "| a | b |": drop exactly one padding space each side.
  return cells.map((c) => c.replace(/^ /, '').replace(/ $/, ''));
}

/** Read the body rows of a table written by markdownTable (header and delimiter skipped), cells unescaped. */
export function readMarkdownTable(text: string): string[][] {
  const rows = splitLines(text)
    .map((l) => splitTableRow(l.text))
    .filter((r): r is string[] => r !== null);
  return rows.slice(2).map((r) => r.map((c) => unescapeMarkdownInline(c)));
}
