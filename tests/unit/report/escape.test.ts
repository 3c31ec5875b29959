import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeHtml, html, raw } from '../../../lib/report/escape';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeAttr('"><script>')).toBe('&quot;&gt;&lt;script&gt;');
  });

  it('leaves other text, including non-ASCII, alone', () => {
    expect(escapeHtml('Zürich — 東京 😀')).toBe('Zürich — 東京 😀');
  });
});

describe('html', () => {
  it('escapes interpolated strings and numbers but not SafeHtml', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(html`<td title="${name}">${name}</td>${raw('<br>')}`.__html).toBe(
      '<td title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</td><br>',
    );
    expect(html`${42}`.__html).toBe('42');
  });

  it('joins arrays and drops null, undefined and false', () => {
    const items = ['a<', 'b'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}`.__html).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
  });

  it('does not trust look-alike objects with a non-string __html', () => {
    expect(html`${{ __html: 1 }}`.__html).toBe('[object Object]');
  });
});
