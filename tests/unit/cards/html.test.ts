import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CARD_CSP, toCardHtml } from '../../../lib/cards/html';
import { cssString, formatSignificant } from '../../../lib/cards/html-text';
import { emptyCard, type ModelCard } from '../../../lib/cards/types';
import { visibleControls } from '../../../lib/format';
import { rawControls } from '../report/hostile-text';
import { HOSTILE_STRINGS, hostileCard, sampleCard } from './card-samples';

const GENERATED = '2026-12-06T04:00:00.000Z';
const newDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document;
const render = (card: ModelCard, withCharts = true): string => toCardHtml(card, { generatedAt: GENERATED, ...(withCharts ? { document: newDocument() } : {}) });
const parse = (markup: string): Document => parseHTML(markup).document;
/** Significant digits of a number as written ("0.06250" → 4, "1,235" → 4, "1.000e-7" → 4). */
const significantDigits = (text: string): number =>
  text
    .replace(/e.*$/, '')
    .replace(/[^0-9]/g, '')
    .replace(/^0+/, '').length;
const texts = (root: ParentNode, selector: string): string[] => [...root.querySelectorAll(selector)].map((el) => el.textContent ?? '');
const rows = (doc: Document, testId: string): string[][] =>
  [...doc.querySelectorAll(`[data-testid="${testId}"] tbody tr`)].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );

/** What a document may never hold: script, handlers, anything that loads or navigates, raw controls; and the CSP first in <head>. */
function expectInert(markup: string): Document {
  expect(rawControls(markup).map(({ char, index }) => `U+${char.codePointAt(0)!.toString(16)} at ${index}`)).toEqual([]);
  const doc = parse(markup);
  const first = doc.head.firstElementChild;
  expect(first?.tagName.toLowerCase()).toBe('meta');
  expect(first?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
  expect(first?.getAttribute('content')).toBe(CARD_CSP);
  expect(doc.querySelectorAll('script, img, iframe, object, embed, link, form, a, base, audio, video, source, input, button')).toHaveLength(0);
  expect(doc.querySelectorAll('[src], [href], [srcset], [action], [formaction], [background], [poster]')).toHaveLength(0);
  const withHandlers = [...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)));
  expect(withHandlers.map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
  // SVG has its own ways to load (<use>, <image>, <foreignObject>, xlink:href), CSS has url() and @import.
  expect(doc.querySelectorAll('use, image, foreignObject, feImage')).toHaveLength(0);
  const attributes = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));
  expect(attributes.filter((a) => /^xlink:|^style=|url\(|javascript:/i.test(a))).toEqual([]);
  expect(texts(doc, 'style').join('')).not.toMatch(/url\(|@import|expression\(/i);
  return doc;
}

describe('toCardHtml: a filled card', () => {
  const card = sampleCard();
  const markup = render(card);
  const doc = expectInert(markup);
  const body = doc.body.textContent ?? '';

  it('is one document: CSP without network or script first in <head>, inline CSS with print rules for any paper, every section', () => {
    expect(markup.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(CARD_CSP).toContain("default-src 'none'");
    expect(CARD_CSP).not.toMatch(/script-src|connect-src|img-src|https?:/);
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    const css = texts(doc, 'style').join('');
    expect(css).toMatch(/@page \{\s*size: auto;\s*margin: 16mm 15mm 18mm;/);
    expect(css).toContain('@media print');
    expect(css).toMatch(/break-inside: avoid/);
    expect(css).toContain('@top-left { content: "Credit default classifier"');
    expect(css).toContain('counter(page) " of " counter(pages)');
    expect(doc.querySelector('title')?.textContent).toBe('Model card: Credit default classifier');
    expect(doc.querySelector('h1')?.textContent).toBe('Credit default classifier');
    expect(texts(doc, 'h2')).toEqual([
      'Model details',
      'Model parameters',
      'Quantitative analysis',
      'Considerations',
      'How to get started with the model',
      'Training details',
      'Evaluation',
      'Environmental impact',
      'Model card contact',
      'Sign-off',
    ]);
  });

  it('shows the model details, parameters and the datasets with rows and whole SHA-256', () => {
    const fields = Object.fromEntries(
      [...doc.querySelectorAll('#details .field')].map((f) => [f.querySelector('dt')?.textContent, (f.querySelector('dd')?.textContent ?? '').trim()]),
    );
    expect(fields.Version).toBe('v1.2.0 · 2026-11-30');
    expect(fields.Owners).toBe('Risk ML team · risk-ml@example.orgZoë Müller · zoe@example.org');
    expect(fields.Licenses).toBe('apache-2.0');
    expect(fields.Citations).toContain('@misc{credit2026,\n  title={Credit default classifier},');
    expect(fields['Model path']).toBe('models/credit/v1.2.0');
    expect(fields['Developed by']).toBe('Risk ML team');
    const datasets = [...doc.querySelectorAll('#parameters .dataset')].map((d) => d.textContent ?? '');
    expect(datasets).toHaveLength(2);
    expect(datasets[0]).toContain('credit_reference.csv');
    expect(datasets[0]).toContain('10,000');
    expect(datasets[0]).toContain('a'.repeat(64));
    expect(datasets[1]).toContain('2,500');
    expect(datasets[1]).toContain('b'.repeat(64));
    expect(texts(doc, '#parameters .kv tbody td')).toEqual(['income', 'float, yearly EUR', 'city', 'string', 'score', 'float']);
  });

  it('has a metrics table per side: value, 95% interval and source, with ≥ 4 significant digits', () => {
    expect(rows(doc, 'card-metrics-reference')).toEqual([
      ['Accuracy accuracy', '0.8734', '0.8668 – 0.8799', '[1]'],
      ['F1 f1', '0.7123', '0.7001 – 0.7245', '[1]'],
      ['ROC AUC roc_auc', '0.9301', '0.9244 – 0.9357', '[1]'],
      ['Accuracy (typed by a person) accuracy', '0.9000', '—', 'typed'],
    ]);
    expect(rows(doc, 'card-metrics-current')[1]).toEqual(['F1 f1', '0.6667', '0.6402 – 0.6911', '[1]']);
    expect(rows(doc, 'card-metrics-current')[0]).toEqual(['Accuracy accuracy', '0.8412', '0.8270 – 0.8548', '[1]']);
    expect(rows(doc, 'card-metrics-current')[3]).toEqual(['Precision precision', '0.7000', '0.6700 – 0.7300', '[1]']);
    expect(rows(doc, 'card-metrics-current')[4]).toEqual(['Recall recall', '0.3333', '—', '[1]']);
    expect(texts(doc, '#quantitative .meta')).toContain('Intervals: 95% percentile bootstrap, 1,000 resamples, seed 42.');
    // Every number of the card is shown with 4 significant digits (trailing zeros kept), within half a unit of the 4th.
    const shown = texts(doc, 'td.value, td .value, .interval').flatMap((t) => t.split(' – '));
    expect(shown.length).toBeGreaterThan(30);
    for (const t of shown) expect(significantDigits(t), t).toBeGreaterThanOrEqual(4);
    const numbers = shown.map(Number);
    const values = card.quantitative.metrics.flatMap((m) => [m.value, ...(m.interval ? [m.interval.lower, m.interval.upper] : [])]);
    for (const v of values) expect(numbers.some((s) => Math.abs(s - v) <= 5e-4 * Math.abs(v))).toBe(true);
  });

  it("says the intervals' method once under a table, and in the cell of an interval made another way", () => {
    const mixed = sampleCard();
    mixed.quantitative.metrics.push({
      type: 'mae',
      name: 'MAE',
      value: 1234.56789,
      side: 'current',
      interval: { lower: 1200.1, upper: 1270.94, level: 0.95, method: 'percentile-bootstrap', resamples: 500, seed: 7 },
    });
    const current = parse(render(mixed, false)).querySelector('[data-testid="card-metrics-current"]')!;
    expect(current.parentElement?.nextElementSibling?.textContent).toBe('Intervals: 95% percentile bootstrap, 1,000 resamples, seed 42; others as marked.');
    expect(texts(current, 'td .meta')).toEqual(['95% percentile bootstrap, 500 resamples, seed 7']);
    expect(rows(parse(render(mixed, false)), 'card-metrics-current').at(-1)).toEqual([
      'MAE mae',
      '1,235',
      '1,200 – 1,271 95% percentile bootstrap, 500 resamples, seed 7',
      'typed',
    ]);
  });

  it('has a per-group table per side and says where each number came from (cell, datasets, time)', () => {
    expect(texts(doc, '[data-testid="card-groups-current"] thead th')).toEqual([
      'Group',
      'Accuracy',
      'Selection rate',
      'True positive rate',
      'False positive rate',
    ]);
    expect(rows(doc, 'card-groups-current')).toEqual([
      ['city = Zürich', '0.8600 [2] 0.8300 – 0.8900', '0.2500 [2] 0.2100 – 0.2900', '0.7000 [2]', '1.000e-7 [2]'],
      ['city = São Paulo', '0.8100 [2] 0.7700 – 0.8500', '0.3125 [2] 0.2700 – 0.3500', '—', '—'],
    ]);
    expect(doc.querySelector('[data-testid="card-groups-reference"]')).toBeNull();
    const sources = texts(doc, 'ol.sources li').map((s) => s.replace(/\s+/g, ' '));
    expect(sources).toHaveLength(5);
    expect(sources[0]).toBe(
      'cell “Model quality” (classification, id cell-quality) on reference credit_reference.csv aaaaaaaaaaaa…, current credit_current.csv bbbbbbbbbbbb…, computed 2026-12-06 03:50:00 UTC',
    );
    expect(sources[1]).toContain('cell “Fairness by city” (fairness, id cell-fairness)');
    expect(sources.slice(2).map((s) => s.split(' (')[0])).toEqual(['cell “Data drift”', 'cell “Estimated performance”', 'cell “Validation”']);
    expect(doc.querySelector('ol.sources time')?.getAttribute('datetime')).toBe('2026-12-06T03:50:00.000Z');
  });

  it('shows drift status, estimated performance and validation', () => {
    const drift = doc.querySelector('[data-testid="card-drift"]')?.textContent?.replace(/\s+/g, ' ');
    expect(drift).toContain('No dataset drift 3 of 24 tested columns drifted (share 0.1250, 12.5%; threshold 0.5000) [3]');
    expect(rows(doc, 'card-drift-columns').map((r) => r[2])).toEqual(['0.001200', '0.03000', '0.1200']);
    expect(body).toContain('Kolmogorov–Smirnov');
    expect(rows(doc, 'card-estimated')).toEqual([['Estimated ROC AUC roc_auc', '0.8975', '—', '[4]']]);
    expect(rows(doc, 'card-validation')).toEqual([['credit_suite', '12', '11', 'Failed', '[5]']]);
  });

  it('draws the metrics per side and per group with their intervals as SVG', () => {
    const sides = doc.querySelector('[data-testid="card-chart-sides"] svg');
    const groups = doc.querySelector('[data-testid="card-chart-groups"] svg');
    expect(sides).not.toBeNull();
    expect(groups).not.toBeNull();
    const overall = card.quantitative.metrics.filter((m) => !m.group);
    expect(sides!.querySelectorAll('g[aria-description$=" values"] circle')).toHaveLength(overall.length);
    expect(sides!.querySelectorAll('g[aria-description$=" intervals"] line')).toHaveLength(overall.filter((m) => m.interval).length);
    expect(groups!.querySelectorAll('g[aria-description$=" values"] circle')).toHaveLength(card.quantitative.metrics.length - overall.length);
    expect(texts(groups!, 'g[aria-label="fx-axis tick label"] text')).toEqual(['Accuracy', 'Selection rate', 'True positive rate', 'False positive rate']);
    // One sensitive column: groups named by value, the column in the caption (as typed, not upper-cased).
    expect(texts(groups!, 'g[aria-label="y-axis tick label"] text')).toEqual(['Zürich', 'São Paulo']);
    expect(doc.querySelector('[data-testid="card-chart-groups"] figcaption')?.textContent).toBe('Metrics per group of city with 95% intervals');
    // Plot's own per-chart <style> is dropped (the card's CSS covers it).
    expect(markup.match(/<style>/g)).toHaveLength(1);
  });

  it('renders Markdown fields as the notes are, with links as text and their address', () => {
    expect(doc.querySelector('#details .markdown strong')?.textContent).toBe('defaults');
    const documentation = [...doc.querySelectorAll('#details .field')].find((f) => f.querySelector('dt')?.textContent === 'Documentation');
    expect(documentation?.querySelector('dd')?.textContent?.trim()).toBe('See the design doc (https://example.org/design) for details.');
    expect(doc.querySelector('#getting-started pre code')?.textContent).toBe('import joblib\nmodel = joblib.load("model.joblib")\n');
  });

  it('has a sign-off block with reviewer, date and a signature line', () => {
    const signOff = doc.querySelector('#sign-off')!;
    expect(texts(signOff, '.signed')).toEqual(['Ada Reviewer', '2026-12-01']);
    expect(signOff.querySelectorAll('.sign-line')).toHaveLength(1);
    expect(signOff.querySelector('.markdown')?.textContent?.trim()).toBe('Approved for pilot.');
  });

  it('gives the same string for the same card and time, and omits charts (not numbers) without a document', () => {
    expect(render(sampleCard())).toBe(markup);
    const plain = render(card, false);
    expect(plain).not.toContain('<svg');
    expect(rows(parse(plain), 'card-metrics-current')).toEqual(rows(doc, 'card-metrics-current'));
    expect(toCardHtml(card, { generatedAt: '2026-12-07T00:00:00.000Z', document: newDocument() })).not.toBe(markup);
  });
});

describe('toCardHtml: an empty card', () => {
  const doc = expectInert(render(emptyCard()));

  it('reads as a form to fill: an untitled model, "—" for empty fields, lines to sign on', () => {
    expect(doc.querySelector('h1')?.textContent).toBe('Untitled model');
    expect(texts(doc, '#details dd').every((t) => t.trim() === '—')).toBe(true);
    expect(doc.body.textContent).toContain('No numbers yet');
    expect(doc.body.textContent).toContain('No dataset described.');
    expect(doc.querySelectorAll('table, svg, ol.sources')).toHaveLength(0);
    expect(doc.querySelectorAll('#sign-off .sign-line')).toHaveLength(3);
  });
});

/** A hostile card with hostile strings in the numbers' names too: metric names, groups, datasets, drift columns, sources, suites. */
function hostileNumbersCard(): ModelCard {
  const card = hostileCard(3);
  const h = (i: number) => HOSTILE_STRINGS[i % HOSTILE_STRINGS.length]!;
  const q = card.quantitative;
  q.metrics = q.metrics.map((m, i) => ({
    ...m,
    name: h(i),
    ...(m.group ? { group: { column: h(i + 1), value: h(i + 2) } } : {}),
    ...(m.source
      ? {
          source: {
            ...m.source,
            cellTitle: h(i + 3),
            cellId: h(i + 4),
            kind: h(i + 5),
            datasets: m.source.datasets.map((d, j) => ({ ...d, name: h(i + j), sha256: h(i + j + 1) })),
            computedAt: h(i + 6),
          },
        }
      : {}),
  }));
  q.drift!.columns = q.drift!.columns.map((c, i) => ({ ...c, column: h(i), method: h(i + 1) }));
  q.validation = q.validation.map((v, i) => ({ ...v, suite: h(i) }));
  card.modelParameters.data = card.modelParameters.data.map((d, i) => ({ ...d, name: h(i), link: h(i + 1), sha256: h(i + 2), sensitive: [h(i + 3)] }));
  card.huggingFace.tags = [...HOSTILE_STRINGS];
  card.huggingFace.taskType = h(5);
  card.signOff.date = h(6);
  return card;
}

describe('toCardHtml: hostile text in every field', () => {
  it('is inert and readable: no markup, no handler, nothing that loads; each one-line string verbatim (controls shown) in a <bdi>', () => {
    for (const card of [hostileCard(0), hostileCard(7), hostileNumbersCard()]) {
      const markup = render(card);
      const doc = expectInert(markup);
      const isolated = new Set(texts(doc, 'bdi'));
      const d = card.modelDetails;
      const plainFields = [
        d.name,
        d.version.name,
        d.version.date,
        ...d.owners.map((o) => o.name),
        card.huggingFace.developedBy,
        card.huggingFace.modelType,
        ...Object.values(card.huggingFace.environmentalImpact),
        ...card.modelParameters.inputFormatMap.flatMap((kv) => [kv.key, kv.value]),
        ...card.considerations.ethicalConsiderations.map((r) => r.name),
        card.signOff.reviewer,
      ].filter((s) => s.trim() !== '');
      expect(plainFields.filter((s) => !isolated.has(visibleControls(s))).map((s) => visibleControls(s))).toEqual([]);
      // Addresses (references, links, contacts, path) are text: one line, controls shown, in a <bdi>.
      const addresses = [...d.references, ...d.owners.map((o) => o.contact), d.path].filter((s) => s.trim() !== '');
      expect(addresses.filter((s) => !isolated.has(visibleControls(s)))).toEqual([]);
    }
  });

  it('keeps hostile text readable in the numbers, the sources, the charts and the running header', () => {
    const card = hostileNumbersCard();
    const doc = expectInert(render(card));
    const isolated = new Set(texts(doc, 'bdi'));
    const q = card.quantitative;
    const expected = [
      ...q.metrics.filter((m) => !m.group).map((m) => m.name!),
      ...q.metrics.flatMap((m) => (m.group ? [m.group.column, m.group.value] : [])),
      ...q.metrics.flatMap((m) => (m.source ? [m.source.cellId, m.source.kind, ...m.source.datasets.map((x) => x.name)] : [])),
      ...q.drift!.columns.map((c) => c.column),
      ...q.validation.map((v) => v.suite),
      ...card.modelParameters.data.flatMap((x) => [x.name, x.link, x.sha256!, ...x.sensitive]),
      ...card.huggingFace.tags,
    ].filter((s) => s.trim() !== '');
    expect([...new Set(expected)].filter((s) => !isolated.has(visibleControls(s))).map((s) => visibleControls(s))).toEqual([]);
    // Chart labels are SVG text: escaped by the serializer, controls shown, cut to fit.
    const svgText = texts(doc, 'svg text').join('\n');
    expect(svgText).toContain('<script>alert(1)</script>');
    expect(svgText).toContain('⟨U+202E⟩');
    // The running header holds the name only as CSS escapes: it decodes to the (cut) visible name.
    const css = texts(doc, 'style').join('');
    const header = /@top-left \{ content: "([^"]*)"/.exec(css)?.[1] ?? '';
    expect(header).toMatch(/^[A-Za-z0-9 \\]*$/);
    expect(header.replace(/\\([0-9a-f]{6})/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))).toBe(visibleControls(card.modelDetails.name));
  });

  it('renders Markdown fields safely: tags and templates stay text, links do not become links', () => {
    const card = hostileCard(0);
    card.modelDetails.overview = HOSTILE_STRINGS.join('\n\n');
    card.considerations.limitations = [...HOSTILE_STRINGS];
    const doc = expectInert(render(card));
    const overview = doc.querySelector('#details > .markdown')?.textContent ?? '';
    for (const s of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '{{ template }} and {% tag %}',
      '中文 日本語 한국어',
      'emoji 😀👩‍🔬🏳️‍🌈',
      '<!-- an html comment -->',
      '[link](javascript:alert(1))',
    ]) {
      expect(overview).toContain(s);
    }
    // Markdown reads entities and emphasis as CommonMark does (as the Hub and GitHub show them); raw HTML stays text.
    expect(overview).toContain('& is not & and < is not <');
    expect(overview).toContain('Markdown bold em [link](javascript:alert(1)) # heading > quote | pipe code');
    expect(overview).toContain('evil⟨U+202C⟩ mixed RTL');
    expect(overview).toContain('⟨U+202E⟩');
    // A heading typed in a field is styled as text (it cannot pass for a section of the card).
    expect(texts(doc, 'style').join('')).toMatch(/\.markdown :is\(h1, h2, h3, h4, h5, h6\) \{ font-size: 1em;/);
    expect(texts(doc, '.markdown h2')).toContain('Uses');
    expect(texts(doc, 'section > h2')).toHaveLength(10);
  });
});

describe('formatSignificant', () => {
  it('writes 4 significant digits with trailing zeros, whole numbers from 1,000, scientific below 1e-4', () => {
    expect([0.7, 0.0625, 2 / 3, 1, 0.8412000000000001, 999.96, 1234.56789, 12345.6, 1e-7, 0.00012345, 0, -0.25].map(formatSignificant)).toEqual([
      '0.7000',
      '0.06250',
      '0.6667',
      '1.000',
      '0.8412',
      '1,000',
      '1,235',
      '12,346',
      '1.000e-7',
      '0.0001234',
      '0',
      '−0.2500',
    ]);
    expect([Number.NaN, Infinity, -Infinity].map(formatSignificant)).toEqual(['—', '∞', '−∞']);
  });
});

describe('cssString', () => {
  it('escapes everything but ASCII letters, digits and spaces, shows controls and cuts long text', () => {
    expect(cssString('Ab 1')).toBe('"Ab 1"');
    expect(cssString('a"b\\c\n</style>')).toBe('"a\\000022b\\00005cc\\0027e8U\\00002b000A\\0027e9\\00003c\\00002fstyle\\00003e"');
    expect(cssString('x'.repeat(100), 10)).toBe(`"${'x'.repeat(9)}\\002026"`);
    expect(cssString('😀')).toBe('"\\01f600"');
  });
});
