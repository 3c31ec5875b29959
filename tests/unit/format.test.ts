import { describe, expect, it } from 'vitest';
import { DRIFT_METHODS } from '../../lib/drift/methods/registry';
import { formatDuration, formatNumber, formatPercent, formatTimeSpan, visibleControls } from '../../lib/format';
import { formatCount, formatDriftScore, formatPValue, formatScore, formatShare, methodLabel } from '../../lib/report/format';

describe('formatScore', () => {
  it.each([
    [0.05, '0.05'],
    [0.123456, '0.1235'],
    [0.000123456, '0.0001235'],
    [3.2e-9, '3.2e-9'],
    [1e-5, '1e-5'],
    [9.87654e-300, '9.877e-300'],
    [12345.6, '12350'],
    [1, '1'],
    [0, '0'],
  ])('%s → %s', (value, expected) => {
    expect(formatScore(value)).toBe(expected);
  });

  it('shows a null (infinite) statistic as ∞ and a missing one as a dash', () => {
    expect(formatScore(null)).toBe('∞');
    expect(formatScore(Infinity)).toBe('∞');
    expect(formatScore(undefined)).toBe('—');
  });
});

describe('formatPValue', () => {
  it('shows an undefined p-value or score (null: chisquare over one category) as —, not as the ∞ a null statistic means', () => {
    expect(formatPValue(null)).toBe('—');
    expect(formatPValue(undefined)).toBe('—');
    expect(formatScore(null)).toBe('∞');
    expect(formatPValue(0.00245)).toBe(formatScore(0.00245));
    expect(formatPValue(0)).toBe('0');
  });

  it('formatDriftScore reads a null score by the method: an undefined p-value (chisquare) or an infinite distance (psi)', () => {
    expect(formatDriftScore(null, 'chisquare')).toBe('—');
    expect(formatDriftScore(null, 'g_test')).toBe('—');
    expect(formatDriftScore(null, 'psi')).toBe('∞');
    expect(formatDriftScore(0.012, 'ks')).toBe(formatScore(0.012));
  });
});

describe('formatCount and formatShare', () => {
  it('groups thousands without depending on the locale', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(0)).toBe('0');
  });

  it('shows shares as percent with at most one decimal', () => {
    expect(formatShare(0.4)).toBe('40%');
    expect(formatShare(1 / 3)).toBe('33.3%');
    expect(formatShare(1)).toBe('100%');
  });
});

describe('methodLabel', () => {
  it('names every registered method by its registry label and passes unknown ids through', () => {
    for (const [id, method] of DRIFT_METHODS) expect(methodLabel(id)).toBe(method.label);
    expect(methodLabel('ks')).toBe('Kolmogorov–Smirnov');
    expect(methodLabel('ed')).toBe('Energy distance');
    expect(methodLabel('es')).toBe('Epps–Singleton');
    expect(methodLabel('my_custom')).toBe('my_custom');
  });
});

describe('formatNumber, formatPercent, formatDuration, formatTimeSpan', () => {
  it('keeps four significant digits without trailing zeros', () => {
    expect([0.116, 12.3456, 1.5e-7, 100000, -2.00049].map(formatNumber)).toEqual(['0.116', '12.35', '1.5e-7', '100000', '-2']);
  });

  it('shows a part of a whole with three significant digits', () => {
    expect([formatPercent(1, 3), formatPercent(0, 5), formatPercent(1, 2000), formatPercent(2, 0)]).toEqual(['33.3%', '0%', '<0.1%', '—']);
  });

  it('shows compute times in ms below a second, else in seconds', () => {
    expect([formatDuration(839.6), formatDuration(2500), formatDuration(61_049)]).toEqual(['840 ms', '2.5 s', '61.0 s']);
  });

  it('shows a time span in the largest unit it fills', () => {
    expect([formatTimeSpan(6 * 3_600_000), formatTimeSpan(2.5 * 86_400_000), formatTimeSpan(90_000), formatTimeSpan(250)]).toEqual([
      '6 h',
      '2.5 days',
      '1.5 min',
      '250 ms',
    ]);
  });
});

describe('visibleControls', () => {
  it('shows every bidi embedding, override, isolate and mark as its code point', () => {
    const controls = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    for (const c of controls) {
      const hex = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      expect(visibleControls(`x${c}.csv`)).toBe(`x⟨U+${hex}⟩.csv`);
    }
    expect(visibleControls('x\u202e.csv')).toBe('x⟨U+202E⟩.csv');
  });

  it('shows C0/C1 controls, separators, zero-width space, word joiner and BOM; lines kept on request', () => {
    expect(visibleControls('a\u0000b\u001bc\u0085d\u2028e\u200bf\u2060g\ufeff')).toBe('a⟨U+0000⟩b⟨U+001B⟩c⟨U+0085⟩d⟨U+2028⟩e⟨U+200B⟩f⟨U+2060⟩g⟨U+FEFF⟩');
    expect(visibleControls('a\tb\nc\rd')).toBe('a⟨U+0009⟩b⟨U+000A⟩c⟨U+000D⟩d');
    expect(visibleControls('a\tb\nc\rd\u202e', { lines: true })).toBe('a\tb\nc\rd⟨U+202E⟩');
  });

  it('leaves other text alone: right-to-left letters, ZWJ emoji, ZWNJ in Persian, accents', () => {
    for (const text of ['שלום.csv', 'مرحبا', '👩\u200d💻', 'می\u200cخواهم', 'cafe\u0301', 'Zürich — 東京 😀', '']) expect(visibleControls(text)).toBe(text);
  });
});
