import { describe, expect, it } from 'vitest';
import { capLabels, capValue, codePointLength, MAX_EMBEDDED_CHARS, truncationNote, TruncationTally } from '../../../lib/profile/embed-caps';
import { xoshiro128ss } from '../../../lib/stats/random';

// Random strings over ASCII, BMP letters, astral emoji and lone surrogates.
function randomString(rng: ReturnType<typeof xoshiro128ss>, length: number): string {
  const pieces = ['a', 'é', '\u{1F600}', '\uD800', '\uDC00', '\uFF5E', 'z'];
  let s = '';
  for (let i = 0; i < length; i++) s += pieces[Math.floor(rng.nextDouble() * pieces.length)]!;
  return s;
}

describe('codePointLength', () => {
  it("equals Python's len (the string's code points) on random strings with pairs and lone surrogates", () => {
    const rng = xoshiro128ss(1);
    for (let t = 0; t < 500; t++) {
      const s = randomString(rng, Math.floor(rng.nextDouble() * 40));
      expect(codePointLength(s), JSON.stringify(s)).toBe([...s].length);
    }
  });
});

describe('capValue', () => {
  it(`keeps values of up to ${MAX_EMBEDDED_CHARS} characters as they are, astral ones included`, () => {
    const tally = new TruncationTally();
    expect(capValue('x'.repeat(MAX_EMBEDDED_CHARS), tally)).toBe('x'.repeat(MAX_EMBEDDED_CHARS));
    const emoji = '\u{1F600}'.repeat(MAX_EMBEDDED_CHARS); // 400 UTF-16 units, 200 characters
    expect(capValue(emoji, tally)).toBe(emoji);
    expect(tally.result()).toBeUndefined();
  });

  it('cuts longer values at a character boundary, with an ellipsis and the full length', () => {
    const long = `${'\u{1F600}'.repeat(MAX_EMBEDDED_CHARS - 1)}ab${'c'.repeat(1_000_000)}`;
    const cut = capValue(long);
    expect(cut).toBe(`${'\u{1F600}'.repeat(MAX_EMBEDDED_CHARS - 1)}a… (1,000,201 characters)`);
    expect([...cut.split('…')[0]!].length).toBe(MAX_EMBEDDED_CHARS);
  });

  it('tallies each distinct cut value once, with the longest length', () => {
    const tally = new TruncationTally();
    const a = 'a'.repeat(300);
    const b = 'b'.repeat(5000);
    for (const v of [a, b, a, 'short']) capValue(v, tally);
    expect(tally.result()).toEqual({ values: 2, longest: 5000 });
    expect(truncationNote(tally.result()!, 'current: ')).toBe('current: 2 values longer than 200 characters shown cut (longest 5,000 characters)');
  });
});

describe('capLabels', () => {
  it('keeps labels distinct when cut values share their first characters and length', () => {
    const prefix = 'p'.repeat(MAX_EMBEDDED_CHARS);
    const labels = capLabels([`${prefix}x`, `${prefix}y`, 'short', `${prefix}z`]);
    expect(new Set(labels).size).toBe(4);
    expect(labels).toEqual([`${prefix}… (201 characters)`, `${prefix}… (201 characters) #2`, 'short', `${prefix}… (201 characters) #3`]);
  });
});
