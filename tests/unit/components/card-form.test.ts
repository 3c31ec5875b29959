import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CardChanges } from '../../../components/cards/CardChanges';
import { CardForm } from '../../../components/cards/CardForm';
import type { ModelCard } from '../../../lib/cards/types';
import { sampleCard } from '../cards/card-samples';

/** Paths of numbers and facts Driftbook fills in (shown, not typed): not fields of the form. */
const FILLED = /^(schemaVersion|quantitative\.(metrics|estimated|drift|validation)|modelParameters\.data\.\d+\.(side|rows|sha256|source))/;

/** Every string the person types, by path, replaced by a marker naming its path. */
function markCard(card: ModelCard): { card: ModelCard; markers: string[] } {
  const markers: string[] = [];
  const walk = (value: unknown, path: string): unknown => {
    if (FILLED.test(path)) return value;
    if (typeof value === 'string') {
      const marker = `M_${path.replace(/\./g, '_')}_M`;
      markers.push(marker);
      return marker;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}.${i}`));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k)]));
    return value;
  };
  return { card: walk(card, '') as ModelCard, markers };
}

describe('<CardForm>', () => {
  it('has a field for every text of the card, list entries included (owners, licenses, datasets, risks, Hugging Face extras, sign-off)', () => {
    const sample = sampleCard();
    // At least one entry in every list, so each list's fields are drawn.
    const lists = sample.considerations;
    lists.users.length ||= 1;
    lists.tradeoffs.length ||= 1;
    for (const list of [lists.users, lists.tradeoffs]) list.fill('x');
    sample.modelDetails.references = ['r'];
    sample.modelDetails.citations = [{ style: 's', citation: 'c' }];
    sample.modelParameters.inputFormatMap = [{ key: 'k', value: 'v' }];
    sample.modelParameters.outputFormatMap = [{ key: 'k', value: 'v' }];
    sample.huggingFace.tags = ['t'];
    const { card, markers } = markCard(sample);
    expect(markers.length).toBeGreaterThan(60);
    const markup = renderToStaticMarkup(createElement(CardForm, { card, onChange: () => undefined }));
    expect(markers.filter((m) => !markup.includes(m))).toEqual([]);
    for (const item of [
      'owner',
      'license',
      'reference',
      'citation',
      'dataset',
      'input field',
      'output field',
      'user',
      'use case',
      'limitation',
      'tradeoff',
      'risk',
      'tag',
    ]) {
      expect(markup).toContain(`>Add ${item}</button>`);
    }
  });

  it('puts hostile text in field values only, escaped', () => {
    const card = sampleCard();
    card.modelDetails.name = '"><img src=x onerror=alert(1)>';
    card.considerations.limitations = ['</textarea><script>alert(2)</script>'];
    const markup = renderToStaticMarkup(createElement(CardForm, { card, onChange: () => undefined }));
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<script');
    expect(markup).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(markup).toContain('&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>');
  });

  it('shows a value with bidi or invisible controls again below its field, the controls visible', () => {
    const card = sampleCard();
    card.modelDetails.owners = [{ name: 'Weather team \u202Eevil', contact: '' }];
    card.considerations.limitations = ['two\nlines are fine'];
    const markup = renderToStaticMarkup(createElement(CardForm, { card, onChange: () => undefined }));
    expect(markup).toContain('Holds invisible or reordering characters: <bdi>Weather team ⟨U+202E⟩evil</bdi>');
    expect(markup.match(/Holds invisible/g)).toHaveLength(1);
  });
});

describe('<CardChanges>', () => {
  it('shows each change with its label and path, before and after isolated, controls visible, nothing live', () => {
    const markup = renderToStaticMarkup(
      createElement(CardChanges, {
        caption: 'Version 1 → version 2',
        changes: [
          { path: 'considerations.limitations[0]', label: 'Limitation 1', kind: 'changed', before: 'old', after: '<b>new</b>\u202E' },
          { path: 'modelDetails.owners[1]', label: 'Owner 2', kind: 'added', after: 'Ada' },
          { path: 'modelDetails.overview', label: 'Overview', kind: 'removed', before: 'two\n<i>lines</i>\r' },
        ],
      }),
    );
    expect(markup).toContain('Version 1 → version 2: 3 differences');
    // Lines stay lines; a carriage return is shown.
    expect(markup).toContain('<bdi>two</bdi><br/><bdi>&lt;i&gt;lines&lt;/i&gt;⟨U+000D⟩</bdi>');
    expect(markup).toContain('<bdi>&lt;b&gt;new&lt;/b&gt;⟨U+202E⟩</bdi>');
    expect(markup).toContain('<bdi>considerations.limitations[0]</bdi>');
    expect(markup).not.toContain('<b>');
    expect(renderToStaticMarkup(createElement(CardChanges, { caption: 'Autofill', changes: [] }))).toContain('Autofill: no differences.');
  });
});
