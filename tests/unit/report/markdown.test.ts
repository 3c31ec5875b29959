import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../lib/report/markdown';

const render = (text: string) => parseHTML(`<div>${renderMarkdown(text)}</div>`).document.querySelector('div')!;

describe('renderMarkdown', () => {
  it('renders a remote image as a link to it, never as an image (a mail client would load a tracking pixel)', () => {
    const note = render('See ![the plot](https://tracker.example/p.png "Weekly") and ![](http://x.example/z.gif).');
    expect(note.querySelectorAll('img, [src]')).toHaveLength(0);
    const links = [...note.querySelectorAll('a')].map((a) => [
      a.getAttribute('href'),
      a.textContent,
      a.getAttribute('title'),
      a.getAttribute('rel'),
      a.className,
    ]);
    expect(links).toEqual([
      ['https://tracker.example/p.png', 'Image: the plot', 'Weekly', 'noopener noreferrer', 'image-link'],
      ['http://x.example/z.gif', 'Image: http://x.example/z.gif', null, 'noopener noreferrer', 'image-link'],
    ]);
  });

  it('shows data:, relative and linked images as their alt text only', () => {
    const note = render(
      '![inline](data:image/png;base64,iVBORw0KGgo=) ![local **bold**](./plot.png) [![badge](https://img.example/b.svg)](https://site.example)',
    );
    expect(note.querySelectorAll('img, [src]')).toHaveLength(0);
    expect(note.textContent?.trim()).toBe('inline local bold badge');
    // An image inside a link keeps the outer link only (links do not nest).
    expect([...note.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://site.example']);
  });

  it('drops protocol-relative links (markdown, autolinks and bare) and keeps their text', () => {
    const note = render('[home](//evil.example/x) <//evil.example/y> //evil.example/z [back](/\\\\evil.example)');
    expect(note.querySelectorAll('a[href^="//"]')).toHaveLength(0);
    expect(note.textContent?.trim()).toBe('home <//evil.example/y> //evil.example/z back');
    // A backslash is percent-encoded, so the browser cannot read it as a second slash.
    expect([...note.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/%5Cevil.example']);
  });

  it('keeps ordinary links, script-free (no javascript:, no raw HTML)', () => {
    const note = render('[docs](https://example.org/docs) [x](javascript:alert(1)) <b onclick="alert(2)">b</b> https://bare.example/x');
    expect([...note.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.org/docs', 'https://bare.example/x']);
    expect(note.querySelectorAll('b, script, [onclick]')).toHaveLength(0);
  });

  it('shows bidi controls in a note as ⟨U+202E⟩, lines kept', () => {
    const note = render('# a\u202ebc\n\nline\u2066 one\nline two');
    expect(note.querySelector('h1')?.textContent).toBe('a⟨U+202E⟩bc');
    expect(note.querySelector('p')?.textContent).toBe('line⟨U+2066⟩ one\nline two');
  });
});

describe("renderMarkdown with links: 'text' (documents a reviewer signs)", () => {
  const text = (markdown: string) => parseHTML(`<div>${renderMarkdown(markdown, { links: 'text' })}</div>`).document.querySelector('div')!;

  it('writes a link as its text and its real address, with no <a> and nothing that loads', () => {
    const note = text('See [the bank](https://evil.example/login?a=1&b="2") and ![pixel](https://t.example/p.png) or ![local](./x.png).');
    expect(note.querySelectorAll('a, img, [href], [src]')).toHaveLength(0);
    expect(note.textContent).toBe('See the bank (https://evil.example/login?a=1&b=%222%22) and Image: pixel (https://t.example/p.png) or local.\n');
    expect([...note.querySelectorAll('.link-url')].map((el) => el.textContent)).toEqual([
      '(https://evil.example/login?a=1&b=%222%22)',
      '(https://t.example/p.png)',
    ]);
  });

  it('shows an address typed as the link text once, a look-alike host in punycode, and drops unsafe links to their text', () => {
    const note = text('Mail <https://x.example/a> or https://y.example/b; [pay here](https://pаypal.example) [js](javascript:alert(1)) [rel](//host/x)');
    expect(note.querySelectorAll('a, [href]')).toHaveLength(0);
    expect(note.textContent).toBe('Mail https://x.example/a or https://y.example/b; pay here (https://xn--pypal-4ve.example) [js](javascript:alert(1)) rel\n');
  });

  it('leaves the default (anchor) rendering as it was', () => {
    expect(renderMarkdown('[a](https://x.example)')).toBe('<p><a href="https://x.example" target="_blank" rel="noopener noreferrer">a</a></p>\n');
  });
});
