import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { fromHfReadme, splitReadme, toHfReadme } from '../../../lib/cards/huggingface';
import { escapeMarkdownBlock, escapeMarkdownInline, unescapeMarkdownBlock, unescapeMarkdownInline } from '../../../lib/cards/markdown-escape';
import { fromMct, toMctJson } from '../../../lib/cards/mct';
import { HOSTILE_STRINGS, hostileCard } from './card-samples';
import { hfComparable, hubLoadMetadata } from './hf-hub';

// Raw HTML on, like the Hub's renderer: anything not escaped would come alive.
const md = new MarkdownIt({ html: true, linkify: true });

const SAFE_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'code',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'br',
  'hr',
  'blockquote',
  's',
]);

/** Every element markdown-it produces: only formatting tags, no event handler, no script URL. */
function expectInert(html: string): void {
  const bad: string[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (!SAFE_TAGS.has((m[1] ?? '').toLowerCase()) || /\son\w+\s*=|javascript:|vbscript:|data:/i.test(m[2] ?? '')) bad.push(m[0]);
  }
  expect(bad, html).toEqual([]);
  expect(html).not.toMatch(/<(script|img|iframe|svg|style|object|embed)\b/i);
}

/** Raw HTML markdown-it saw in a rendering: only our `<br>` and our markers may be there. */
function expectNoRawHtml(tokens: ReturnType<typeof md.parse>): void {
  for (const t of tokens) {
    if (t.type === 'html_block') expect(t.content.trim()).toMatch(/^<!-- \/?driftbook:[a-z-]+(?: fence-closed)? -->$/);
    if (t.type === 'html_inline') expect(t.content).toBe('<br>');
    if (t.children) expectNoRawHtml(t.children);
  }
}

/** The text a reader sees in an inline rendering (entities decoded, <br> as a newline). */
function visibleText(markdown: string): string {
  const tokens = md.parseInline(markdown, {});
  let out = '';
  for (const t of tokens[0]?.children ?? []) {
    if (t.type === 'text' || t.type === 'code_inline') out += t.content;
    else if (t.type === 'html_inline' && t.content === '<br>') out += '\n';
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += '\n';
  }
  return out;
}

describe('hostile strings in the Hugging Face README', () => {
  it('never become live HTML when the body is rendered with raw HTML enabled', () => {
    for (let offset = 0; offset < HOSTILE_STRINGS.length; offset++) {
      const { body } = splitReadme(toHfReadme(hostileCard(offset)));
      expectInert(md.render(body));
      expectNoRawHtml(md.parse(body, {}));
    }
  });

  it('read back byte for byte', () => {
    for (let offset = 0; offset < HOSTILE_STRINGS.length; offset++) {
      const card = hostileCard(offset);
      card.quantitative.metrics[8]!.group = { column: HOSTILE_STRINGS[offset] ?? '', value: HOSTILE_STRINGS[(offset + 3) % HOSTILE_STRINGS.length] ?? '' };
      card.quantitative.metrics[8]!.name = HOSTILE_STRINGS[(offset + 5) % HOSTILE_STRINGS.length] ?? '';
      card.modelParameters.data[0]!.sensitive = [HOSTILE_STRINGS[offset] ?? '', 'a, b', 'c\\'];
      card.modelParameters.data[0]!.name = HOSTILE_STRINGS[(offset + 7) % HOSTILE_STRINGS.length] ?? '';
      card.modelDetails.citations.push({ style: 'BibTeX', citation: '```\n@misc{x}\n````' });
      card.huggingFace.tags = [...HOSTILE_STRINGS.slice(0, 4)];
      card.huggingFace.language = HOSTILE_STRINGS[offset] ?? '';
      const h = (k: number): string => HOSTILE_STRINGS[(offset + k) % HOSTILE_STRINGS.length] ?? '';
      card.quantitative.estimated.push({ type: 'estimated_accuracy', name: h(2), value: 0.5, side: 'current', group: { column: h(4), value: h(6) } });
      card.quantitative.validation[0]!.suite = h(8);
      card.quantitative.drift!.columns[0] = { column: h(9), method: h(10), score: 1e-300, drifted: false };
      const readme = toHfReadme(card);
      const { card: back, warnings } = fromHfReadme(readme);
      expect(warnings).toEqual([]);
      expect(hfComparable(back)).toEqual(hfComparable(card));
    }
  });

  it('keep the front matter a mapping the Hub reads back exactly', () => {
    for (let offset = 0; offset < HOSTILE_STRINGS.length; offset++) {
      const card = hostileCard(offset);
      card.huggingFace.tags = [...HOSTILE_STRINGS];
      const meta = hubLoadMetadata(toHfReadme(card));
      expect(meta.tags).toEqual(HOSTILE_STRINGS);
      expect(meta.license_name ?? '').toMatch(/^[a-z0-9.-]*$/);
      expect((meta['model-index'] as { name: string }[])[0]?.name).toBe(card.modelDetails.name);
    }
  });

  it('show as the text that was typed (list items, bullets and table cells escape inline)', () => {
    for (const s of HOSTILE_STRINGS) {
      const escaped = escapeMarkdownInline(s);
      expect(escaped).not.toMatch(/[\n\r]/);
      expect(unescapeMarkdownInline(escaped)).toBe(s);
      expect(visibleText(escaped)).toBe(s);
      expectInert(md.render(`- ${escaped}`));
      expectInert(md.render(`| a |\n| --- |\n| ${escapeMarkdownInline(s)} |`));
    }
  });
});

describe('Markdown fields (block escaping)', () => {
  it('keep Markdown but no HTML, and read back exactly', () => {
    const cases = [
      ...HOSTILE_STRINGS,
      HOSTILE_STRINGS.join('\n'),
      '**bold** and <b>not bold</b> &copy; &amp;',
      '```html\n<script>alert(1)</script>\n```\nafter <script>x</script>',
      '~~~\n<img src=x onerror=alert(1)>\n~~~~\n<img src=x onerror=alert(2)>',
      '```\nnever closed <script>',
      '````\n```\nstill code\n````\n<b>',
      '``` a`b\n<script>not a fence</script>',
      '    ```\n<script>indented four is not a fence</script>',
      'crlf\r\n```\r\n<x>\r\n```\r\n<script>',
      'cr only\r```\r<x>\r```\r<script>',
      '<!-- /driftbook:overview -->\n```\n<!-- /driftbook:overview -->\n```',
      '> ```\n<script>in a quote</script>\n```\n<i>',
      '- item\n  ```\n  <script>in a list</script>\n  ```\n<b>',
      '[x](javascript:alert(1)) ![y](javascript:alert(2)) <javascript:alert(3)>',
    ];
    for (const text of cases) {
      const { text: escaped, closedFence } = escapeMarkdownBlock(text);
      expect(unescapeMarkdownBlock(escaped, closedFence)).toBe(text);
      const html = md.render(escaped);
      expectInert(html);
      for (const t of md.parse(escaped, {})) {
        expect(t.type).not.toBe('html_block');
        for (const c of t.children ?? []) expect(c.type).not.toBe('html_inline');
      }
    }
  });

  it('round-trip every field through a whole README, including an unclosed fence and a fake end marker', () => {
    const card = hostileCard(0);
    card.modelDetails.overview = '```\n<!-- /driftbook:overview -->\n<script>';
    card.huggingFace.gettingStarted = 'text\n```js\nconst a = 1 < 2 && 3;\n```\n\n## Uses\n\n- **Developed by:** someone else';
    card.huggingFace.results = '# Model Card for Someone Else';
    const readme = toHfReadme(card);
    expectInert(md.render(splitReadme(readme).body));
    const back = fromHfReadme(readme).card;
    expect(back.modelDetails.overview).toBe(card.modelDetails.overview);
    expect(back.huggingFace.gettingStarted).toBe(card.huggingFace.gettingStarted);
    expect(back.huggingFace.developedBy).toBe(card.huggingFace.developedBy);
    expect(back.modelDetails.name).toBe(card.modelDetails.name);
    expect(hfComparable(back)).toEqual(hfComparable(card));
  });

  it('keep code inside fences as typed (no entities where the Hub would show them literally)', () => {
    const { text } = escapeMarkdownBlock('a < b\n```\na < b && c\n```');
    expect(text).toBe('a &lt; b\n```\na < b && c\n```');
  });
});

describe('seeded random strings', () => {
  // xorshift32: reproducible strings over an alphabet of Markdown, HTML and YAML specials.
  let state = 2463534242;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const ALPHABET = [
    '<',
    '>',
    '&',
    '\\',
    '`',
    '*',
    '_',
    '[',
    ']',
    '(',
    ')',
    '#',
    '|',
    '~',
    '-',
    '+',
    '.',
    '1',
    ' ',
    '\t',
    '\n',
    '\r',
    '"',
    "'",
    ':',
    '=',
    ';',
    '!',
    'a',
    'é',
    '中',
    '😀',
    '\u202e',
    'script',
    'img',
    'onerror',
    '```',
    '~~~',
    '<!--',
    '-->',
    'amp;',
    'lt;',
    '&#',
  ];
  const randomText = (): string => Array.from({ length: 1 + Math.floor(next() * 40) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)] ?? '').join('');

  it('escape and unescape exactly and render inert (500 inline, 500 block)', () => {
    for (let i = 0; i < 500; i++) {
      const s = randomText();
      const inline = escapeMarkdownInline(s);
      expect(unescapeMarkdownInline(inline)).toBe(s);
      expectInert(md.render(`- ${inline}`));
      const block = escapeMarkdownBlock(s);
      expect(unescapeMarkdownBlock(block.text, block.closedFence)).toBe(s);
      expectInert(md.render(block.text));
    }
  });
});

describe('hostile strings in MCT JSON', () => {
  it('stay plain JSON strings, byte for byte', () => {
    const card = hostileCard(0);
    const text = toMctJson(card);
    const json = JSON.parse(text) as { considerations: { limitations: { description: string }[] } };
    expect(json.considerations.limitations.map((l) => l.description)).toEqual(HOSTILE_STRINGS);
    expect(fromMct(text).card.considerations.limitations).toEqual(HOSTILE_STRINGS);
  });
});
