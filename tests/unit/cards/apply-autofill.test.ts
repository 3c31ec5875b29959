import { describe, expect, it } from 'vitest';
import { applyAutofill } from '../../../lib/cards/autofill';
import type { CardAutofill, CardDataset } from '../../../lib/cards/types';
import { sampleCard, sampleSource } from './card-samples';

const filled = (name: string, side: 'reference' | 'current', rows: number): CardDataset => ({
  name,
  link: '',
  description: '',
  side,
  rows,
  sha256: 'b'.repeat(64),
  sensitive: ['city'],
  source: sampleSource(),
});

describe('applyAutofill', () => {
  it('keeps the link and description typed for an autofilled dataset through a re-autofill; the notebook’s facts are new', () => {
    const card = sampleCard();
    card.modelParameters.data = [
      { ...filled('ref.csv', 'reference', 10), description: 'Typed <b>by hand</b>', link: 'https://example.org/ref', sensitive: [] },
      { ...filled('cur.csv', 'current', 20), description: 'Current traffic' },
      { name: 'Hand-made', link: '', description: 'no source', sensitive: [] },
    ];
    const fill: CardAutofill = {
      data: [filled('ref.csv', 'reference', 11), filled('cur.csv', 'reference', 21), filled('new.csv', 'current', 5)],
      metrics: [],
      estimated: [],
      validation: [],
      filledAt: '2026-12-06T00:00:00.000Z',
      notes: [],
    };
    const next = applyAutofill(card, fill);
    expect(next.modelParameters.data.map((d) => [d.name, d.side, d.rows, d.description, d.link, d.sensitive])).toEqual([
      ['Hand-made', undefined, undefined, 'no source', '', []],
      ['ref.csv', 'reference', 11, 'Typed <b>by hand</b>', 'https://example.org/ref', ['city']],
      // Another side is another dataset entry: nothing carried.
      ['cur.csv', 'reference', 21, '', '', ['city']],
      ['new.csv', 'current', 5, '', '', ['city']],
    ]);
    // The CLI's path (fromMct → applyAutofill) keeps it too: the typed text survives a second fill.
    expect(applyAutofill(next, fill).modelParameters.data[1]!.description).toBe('Typed <b>by hand</b>');
  });
});
