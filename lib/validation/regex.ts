/**
 * Python `re` patterns as JavaScript RegExps with `re.search` semantics on str values. JavaScript's
 * `\d`, `\w`, `\b`, `\s`, `.`, `^`, `$` differ from Python's even with the `u`/`v` flags, so each is
 * rewritten: Unicode classes (`\d` = \p{Nd}, `\w` = letters, numbers and `_` as str.isalnum), `$`
 * also before a final newline, `.` everything but `\n`, Python's whitespace set, and Python's
 * lenient literals (`\#`, a `{` that is no quantifier, `]` first in a class). Compiled with `v`.
 */
import { AnalysisError } from '../errors';

interface Flags {
  ascii: boolean;
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
  verbose: boolean;
}

const PY_SPACE = '\\t\\n\\v\\f\\r\\u{1c}-\\u{20}\\u{85}\\u{a0}\\u{1680}\\u{2000}-\\u{200a}\\u{2028}\\u{2029}\\u{202f}\\u{205f}\\u{3000}';
const ASCII_SPACE = '\\t\\n\\v\\f\\r\\u{20}';
const WORD = (f: Flags) => (f.ascii ? 'A-Za-z0-9_' : '\\p{L}\\p{N}_');
const DIGIT = (f: Flags) => (f.ascii ? '0-9' : '\\p{Nd}');
const SPACE = (f: Flags) => (f.ascii ? ASCII_SPACE : PY_SPACE);

const hex = (cp: number) => `\\u{${cp.toString(16)}}`;
const SIMPLE_ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11, a: 7 };

class PatternError extends Error {}

/** Class items (without brackets) for a class escape, or undefined. */
function classEscape(c: string, f: Flags): string | undefined {
  switch (c) {
    case 'd':
      return DIGIT(f);
    case 'D':
      return `[^${DIGIT(f)}]`;
    case 'w':
      return WORD(f);
    case 'W':
      return `[^${WORD(f)}]`;
    case 's':
      return SPACE(f);
    case 'S':
      return `[^${SPACE(f)}]`;
    default:
      return undefined;
  }
}

class Translator {
  private i = 0;
  private readonly chars: string[];
  constructor(
    pattern: string,
    private readonly flags: Flags,
  ) {
    this.chars = [...pattern];
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.i + offset];
  }

  private rest(): string {
    return this.chars.slice(this.i).join('');
  }

  /** A literal code point (after a backslash that is not a class or anchor): \x, \u, \U, octal, \n… */
  private literalEscape(c: string): number {
    const read = (n: number, what: string) => {
      const digits = this.chars.slice(this.i, this.i + n).join('');
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(digits)) throw new PatternError(`incomplete escape \\${what}${digits}`);
      this.i += n;
      return parseInt(digits, 16);
    };
    if (c === 'x') return read(2, 'x');
    if (c === 'u') return read(4, 'u');
    if (c === 'U') return read(8, 'U');
    if (c in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[c]!;
    if (c === '0') {
      let digits = '';
      while (digits.length < 2 && /[0-7]/.test(this.peek() ?? '')) digits += this.chars[this.i++];
      return parseInt(digits || '0', 8);
    }
    if (/[A-Za-z0-9]/.test(c)) throw new PatternError(`bad escape \\${c}`);
    return c.codePointAt(0)!;
  }

  private escapeOutside(c: string): string {
    const f = this.flags;
    const set = classEscape(c, f);
    if (set !== undefined) return set.startsWith('[') ? set : `[${set}]`;
    const word = `[${WORD(f)}]`;
    if (c === 'b') return `(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`;
    if (c === 'B') return `(?:(?<=${word})(?=${word})|(?<!${word})(?!${word}))`;
    // JavaScript's ^ and $ without the m flag are the input's ends (lookarounds can land inside a surrogate pair).
    if (c === 'A') return '^';
    if (c === 'Z') return '$';
    if (/[1-9]/.test(c)) {
      let digits = c;
      if (/[0-9]/.test(this.peek() ?? '')) digits += this.chars[this.i++];
      return `\\${digits}`;
    }
    return hex(this.literalEscape(c));
  }

  private translateClass(): string {
    const f = this.flags;
    let out = '[';
    if (this.peek() === '^') {
      out += '^';
      this.i++;
    }
    let first = true;
    let lastWasChar = false;
    for (;;) {
      const c = this.chars[this.i++];
      if (c === undefined) throw new PatternError('unterminated character set');
      if (c === ']' && !first) return `${out}]`;
      first = false;
      if (c === '-' && lastWasChar && this.peek() !== ']' && this.peek() !== undefined) {
        out += '-';
        lastWasChar = false;
        continue;
      }
      if (c === '\\') {
        const e = this.chars[this.i++];
        if (e === undefined) throw new PatternError('bad escape (end of pattern)');
        const set = classEscape(e, f);
        if (set !== undefined) {
          out += set;
          lastWasChar = false;
          continue;
        }
        // In a class, \b is a backspace.
        out += hex(e === 'b' ? 8 : this.literalEscape(e));
      } else out += /[A-Za-z0-9]/.test(c) ? c : hex(c.codePointAt(0)!);
      lastWasChar = true;
    }
  }

  private translateGroup(): string {
    if (this.peek() !== '?') return '(';
    const head = this.rest();
    const named = /^\?P<([A-Za-z_][A-Za-z0-9_]*)>/.exec(head);
    if (named) {
      this.i += named[0].length;
      return `(?<${named[1]}>`;
    }
    const backref = /^\?P=([A-Za-z_][A-Za-z0-9_]*)\)/.exec(head);
    if (backref) {
      this.i += backref[0].length;
      return `\\k<${backref[1]}>`;
    }
    const comment = /^\?#[^)]*\)/.exec(head);
    if (comment) {
      this.i += comment[0].length;
      return '';
    }
    for (const prefix of ['?:', '?=', '?!', '?<=', '?<!']) {
      if (head.startsWith(prefix)) {
        this.i += prefix.length;
        return `(${prefix}`;
      }
    }
    if (/^\?[aiLmsux-]+[:)]/.test(head)) throw new PatternError('inline flags are supported only at the start of the pattern, as (?i)');
    throw new PatternError(`unsupported group (${head.slice(0, 3)}`);
  }

  translate(): string {
    const f = this.flags;
    let out = '';
    while (this.i < this.chars.length) {
      const c = this.chars[this.i++]!;
      if (f.verbose && /\s/.test(c)) continue;
      if (f.verbose && c === '#') {
        while (this.i < this.chars.length && this.chars[this.i] !== '\n') this.i++;
        continue;
      }
      if (c === '\\') {
        const e = this.chars[this.i++];
        if (e === undefined) throw new PatternError('bad escape (end of pattern)');
        out += this.escapeOutside(e);
      } else if (c === '[') out += this.translateClass();
      else if (c === '(') out += this.translateGroup();
      else if (c === '.') out += f.dotAll ? '[\\s\\S]' : '[^\\n]';
      else if (c === '^') out += f.multiline ? '(?:^|(?<=\\n))' : '^';
      // Python's $ matches at the end and before a newline that ends the string.
      else if (c === '$') out += f.multiline ? '(?=\\n|$)' : '(?=\\n?$)';
      else if (c === '{') {
        const q = /^(\d*)(,(\d*))?\}/.exec(this.rest());
        if (q && (q[1] !== '' || q[2] !== undefined)) {
          this.i += q[0].length;
          out += q[2] === undefined ? `{${q[1]}}` : `{${q[1] || '0'},${q[3]}}`;
        } else out += '\\{';
      } else if (c === '}' || c === ']' || c === '/') out += hex(c.codePointAt(0)!);
      else out += c;
    }
    return out;
  }
}

/** Leading global flags, as Python allows them: `(?i)`, `(?ms)`, … */
function leadingFlags(pattern: string): { flags: Flags; body: string } {
  const flags: Flags = { ascii: false, ignoreCase: false, multiline: false, dotAll: false, verbose: false };
  let body = pattern;
  for (let m = /^\(\?([aiLmsux]+)\)/.exec(body); m; m = /^\(\?([aiLmsux]+)\)/.exec(body)) {
    for (const letter of m[1]!) {
      if (letter === 'a') flags.ascii = true;
      else if (letter === 'i') flags.ignoreCase = true;
      else if (letter === 'm') flags.multiline = true;
      else if (letter === 's') flags.dotAll = true;
      else if (letter === 'x') flags.verbose = true;
      else if (letter === 'L') throw new PatternError('(?L) applies to bytes patterns only');
    }
    body = body.slice(m[0].length);
  }
  return { flags, body };
}

/** The RegExp that `re.search(pattern, s)` matches like; a pattern Python or we cannot read is a `bad-regex` error. */
export function compilePythonRegex(pattern: string): RegExp {
  try {
    const { flags, body } = leadingFlags(pattern);
    const source = new Translator(body, flags).translate();
    return new RegExp(source, flags.ignoreCase ? 'vi' : 'v');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new AnalysisError('bad-regex', `regex ${JSON.stringify(pattern)}: ${why} — write it as Python's re module reads it`);
  }
}

/** re.search(pattern, text) is not None. */
export function pythonSearch(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  return regex.test(text);
}
