/**
 * The `slice` string of an MCT performance metric as Driftbook writes it: the side, then optional
 * `key=value` pairs — `current`, `current: city=Zürich`, `current: column=income; method=ks; drifted=true`.
 * A key or value that could be misread (empty, `=`/`;`/`"` in a key, `;`/`"` in a value, leading or
 * trailing blanks, control characters) is written as a JSON string, so any text reads back exactly.
 */
import type { CardSide } from './types';

export interface ParsedSlice {
  side: CardSide;
  pairs: [string, string][];
}

function needsQuote(text: string, isKey: boolean): boolean {
  if (text === '' || text !== text.trim() || /["\\;]/.test(text) || [...text].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f')) return true;
  return isKey && text.includes('=');
}

const quote = (text: string, isKey: boolean): string => (needsQuote(text, isKey) ? JSON.stringify(text) : text);

export function formatSlice(side: CardSide, pairs: [string, string][] = []): string {
  if (pairs.length === 0) return side;
  return `${side}: ${pairs.map(([k, v]) => `${quote(k, true)}=${quote(v, false)}`).join('; ')}`;
}

/** Read a JSON string literal at `pos`; returns the string and the index after it, or null. */
function readJsonString(text: string, pos: number): [string, number] | null {
  if (text[pos] !== '"') return null;
  for (let i = pos + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') {
      try {
        return [JSON.parse(text.slice(pos, i + 1)) as string, i + 1];
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Parse a slice written by formatSlice; null for any other text (a slice a person wrote). */
export function parseSlice(slice: string): ParsedSlice | null {
  const head = /^(reference|current)(: |$)/.exec(slice);
  if (!head) return null;
  const side = head[1] as CardSide;
  if (head[2] === '') return { side, pairs: [] };
  const pairs: [string, string][] = [];
  let pos = head[0].length;
  while (pos <= slice.length) {
    let key: string;
    const quotedKey = readJsonString(slice, pos);
    if (quotedKey) [key, pos] = quotedKey;
    else {
      const eq = slice.indexOf('=', pos);
      if (eq < 0) return null;
      key = slice.slice(pos, eq);
      pos = eq;
    }
    if (slice[pos] !== '=') return null;
    pos++;
    let value: string;
    const quotedValue = readJsonString(slice, pos);
    if (quotedValue) [value, pos] = quotedValue;
    else {
      const end = slice.indexOf('; ', pos);
      value = slice.slice(pos, end < 0 ? slice.length : end);
      pos = end < 0 ? slice.length : end;
    }
    // Only text formatSlice would have written counts as ours.
    if (quote(key, true) !== (quotedKey ? JSON.stringify(key) : key) || quote(value, false) !== (quotedValue ? JSON.stringify(value) : value)) return null;
    pairs.push([key, value]);
    if (pos === slice.length) return { side, pairs };
    if (!slice.startsWith('; ', pos)) return null;
    pos += 2;
  }
  return null;
}

/** Just the `key=value; …` part (also used for the Hugging Face dataset config). */
export function formatPairs(pairs: [string, string][]): string {
  return formatSlice('current', pairs).slice('current: '.length);
}

export function parsePairs(text: string): [string, string][] | null {
  return parseSlice(`current: ${text}`)?.pairs ?? null;
}
