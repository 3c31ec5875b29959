/**
 * YAML for Hugging Face front matter, written for the reader that matters: huggingface_hub loads it
 * with PyYAML's safe_load, a YAML 1.1 reader. So every string value is double-quoted (1.1 would
 * turn yes/no/on/off, dates, 0.10… into something else, and PyYAML cannot scan a tab in a plain
 * scalar), and every float is written with a dot and a signed exponent (1.0e-7), because 1.1 reads
 * `1e-7` as a string. tests/fixtures/generate_cards.py checks the result with PyYAML itself.
 */
import { parseDocument, stringify, type ScalarTag } from 'yaml';

/** A number as YAML 1.1 reads it back to the same double. */
export function yaml11Number(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  let s = String(value);
  if (/^-?\d+$/.test(s)) return s;
  if (!s.includes('.')) s = s.replace(/^(-?\d+)/, '$1.0');
  return s.replace(/e(\d)/, 'e+$1');
}

const FLOAT_11: ScalarTag = {
  identify: (v) => typeof v === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:float',
  test: /^[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?$/,
  resolve: (s) => Number(s.replace(/_/g, '')),
  stringify: ({ value }) => yaml11Number(Number(value)),
};

export function toFrontMatterYaml(data: Record<string, unknown>): string {
  // Every string value double-quoted: PyYAML cannot scan a tab inside a plain scalar, and quoting
  // leaves nothing to YAML 1.1's guessing (yes, 0.10, 2026-11-30…). Keys stay plain.
  return stringify(data, {
    version: '1.1',
    lineWidth: 0,
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    customTags: (tags) => [FLOAT_11, ...tags],
  });
}

/** Parse front matter as YAML 1.1 (PyYAML's reading); a syntax error names its line within the file. */
export function parseFrontMatterYaml(text: string, firstLine: number): { value: unknown; error?: string } {
  const doc = parseDocument(text, { version: '1.1', prettyErrors: true, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0].line;
    return { value: undefined, error: `${line !== undefined ? `line ${line + firstLine - 1}: ` : ''}${first.message.split('\n')[0] ?? ''}` };
  }
  return { value: doc.toJS() };
}
