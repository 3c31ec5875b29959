import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NameList, UserText } from '../../../components/ui/UserText';

describe('<UserText>', () => {
  it('isolates a name in a <bdi> with its controls shown', () => {
    expect(renderToStaticMarkup(createElement(UserText, { text: 'x\u202e.csv' }))).toBe('<bdi>x⟨U+202E⟩.csv</bdi>');
    expect(renderToStaticMarkup(createElement(UserText, { text: 'שלום' }))).toBe('<bdi>שלום</bdi>');
    expect(renderToStaticMarkup(createElement(UserText, { text: null }))).toBe('');
  });

  it('a clamped name is one line with the whole (visible) name as tooltip, escaped', () => {
    const long = `${'a'.repeat(500)}\u2066<b>`;
    const markup = renderToStaticMarkup(createElement(UserText, { text: long, clamp: true }));
    expect(markup).toBe(`<bdi class="clamp" title="${'a'.repeat(500)}⟨U+2066⟩&lt;b&gt;">${'a'.repeat(500)}⟨U+2066⟩&lt;b&gt;</bdi>`);
  });

  it('NameList isolates each name', () => {
    const markup = renderToStaticMarkup(createElement(NameList, { names: ['a\u202e', 'b'] }));
    expect(markup).toBe('<span><bdi>a⟨U+202E⟩</bdi></span><span>, <bdi>b</bdi></span>');
  });
});
