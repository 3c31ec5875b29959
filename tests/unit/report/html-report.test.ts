import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { DriftResult } from '../../../lib/drift/types';
import { toHtmlReport, type ReportManifest } from '../../../lib/report/html-report';
import { CUR_SHA, makeDriftResult, REF_SHA, XSS_CATEGORY, XSS_COLUMN } from './drift-fixture';

const manifest: ReportManifest = {
  title: 'Churn model <weekly> & "drift"',
  exportedAt: '2024-06-10T09:30:00.000Z',
  appVersion: '0.1.0',
};

const newDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document;
const render = (result: DriftResult = makeDriftResult()) => toHtmlReport(result, manifest, { document: newDocument() });
const parse = (markup: string): Document => parseHTML(markup).document;
/** Text of every text node joined by spaces, so adjacent cells and badges stay apart (for
 * strings with entities use textContent: linkedom splits text nodes at entities). */
const text = (node: Node | null | undefined): string => {
  const parts: string[] = [];
  const walk = (n: Node) => (n.nodeType === 3 ? parts.push(n.textContent ?? '') : n.childNodes.forEach(walk));
  if (node) walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
};

describe('toHtmlReport', () => {
  const out = render();
  const doc = parse(out);

  it('is one HTML document with charset, referrer policy and a no-network CSP', () => {
    expect(out.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(out).toContain('<meta charset="utf-8">');
    expect(doc.querySelector('meta[name="referrer"]')?.getAttribute('content')).toBe('no-referrer');
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain('img-src data:');
    expect(csp).not.toContain('script-src'); // no script at all, so none is allowed
  });

  it('references nothing outside itself', () => {
    expect(out).not.toMatch(/https?:/i);
    expect(out).not.toMatch(/(src|href)="\/\//i);
    expect(out).not.toMatch(/url\(|@import/i);
    expect(out).not.toMatch(/<script/i);
    expect(doc.querySelectorAll('[src], link, iframe, object, embed, img')).toHaveLength(0);
    const hrefs = Array.from(doc.querySelectorAll('[href]')).map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => /^#col-\d+$/.test(h))).toBe(true);
  });

  it('shows hostile strings only escaped', () => {
    expect(out).not.toContain('<img src=x');
    expect(out).not.toContain('</script><script>');
    expect(out).not.toContain('<b>debug</b>');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('prod &lt;week 23&gt; &amp; more.csv');
    expect(out).toContain('<title>Churn model &lt;weekly&gt; &amp; &quot;drift&quot;</title>');
    // …and the escaped text reads back as the original strings.
    expect(doc.querySelector('tbody tr:nth-child(4) td.col-name')?.textContent).toBe(XSS_COLUMN);
    const titles = Array.from(doc.querySelectorAll('svg title')).map((t) => t.textContent);
    expect(titles).toContain(XSS_CATEGORY);
  });

  it('keeps the stylesheet unescaped and inline, once', () => {
    const styles = doc.querySelectorAll('style');
    expect(styles).toHaveLength(1); // Plot's per-chart <style> is stripped
    expect(styles[0]?.textContent).toContain('"Segoe UI"');
    expect(styles[0]?.textContent).toContain('prefers-color-scheme: dark');
    expect(styles[0]?.textContent).toContain('@media print');
  });

  it('heads with the title, the drifted-column count and the dataset verdict', () => {
    expect(doc.querySelector('h1')?.textContent).toBe(manifest.title);
    expect(text(doc.querySelector('.headline'))).toBe('Drift detected in 2 of 5 columns No dataset drift');
    expect(text(doc.querySelector('.verdict-note'))).toContain('40% of tested columns drifted');
    expect(doc.querySelector('.headline .badge')?.getAttribute('class')).toContain('good');
  });

  it('lists both datasets with rows and the full SHA-256', () => {
    const shas = Array.from(doc.querySelectorAll('.sha')).map((el) => text(el));
    expect(shas).toEqual([REF_SHA, CUR_SHA]);
    const cards = text(doc.querySelector('.manifest'));
    expect(cards).toContain('train_2024-Q1.csv');
    expect(cards).toContain('Rows 120,000');
    expect(cards).toContain('Rows 48,213');
    expect(cards).toContain('Driftbook 0.1.0');
    expect(cards).toContain(manifest.exportedAt);
  });

  it('draws one chart and one sparkline per column with a distribution', () => {
    expect(out.match(/<svg/g)).toHaveLength(10);
    expect(doc.querySelectorAll('.chart svg')).toHaveLength(5);
    expect(doc.querySelectorAll('td.spark svg')).toHaveLength(5);
    expect(doc.querySelectorAll('article.chart-card')).toHaveLength(5);
  });

  it('has a table row per column with formatted cells', () => {
    const rows = Array.from(doc.querySelectorAll('tbody tr'));
    expect(rows).toHaveLength(6);
    const cells = (i: number) => Array.from(rows[i]?.querySelectorAll('td') ?? []).map((td) => text(td));
    // The fixture has no effect sizes: that cell shows a dash.
    expect(cells(0)).toEqual(['age', 'numeric', '', 'Kolmogorov–Smirnov ks', '3.2e-9', '0.05', 'Drift', '—', '119,880 → 48,100', '120 → 113']);
    expect(cells(1).slice(3, 7)).toEqual(['Wasserstein (normed) wasserstein', '0.04213', '0.1', 'No drift']);
    expect(cells(3).slice(4, 7)).toEqual(['∞', '0.1', 'Drift']);
    expect(cells(4)).toEqual(['signup_date', 'datetime', '—', 'not tested — datetime columns are not tested yet', '120,000 → 48,213', '0 → 0']);
    expect(rows[4]?.querySelector('td.untested')?.getAttribute('colspan')).toBe('5');
    expect(rows[0]?.getAttribute('class')).toBe('is-drifted');
  });

  it('lists warnings, column warnings and columns only on one side', () => {
    const items = Array.from(doc.querySelectorAll('.notice li')).map((li) => li.textContent);
    expect(items).toEqual([
      'current: 3 rows had more fields than the header; extra fields were ignored',
      'income: 12 values above 1e9 were clipped to the last bin',
      'legacy_flag',
      'session_id',
      '<b>debug</b>',
    ]);
    const sides = Array.from(doc.querySelectorAll('.only-in > span')).map((el) => el.textContent);
    expect(sides).toEqual(['Only in reference', 'Only in current']);
  });

  it('is deterministic and small: aggregates only', () => {
    expect(render()).toBe(out);
    expect(out.length).toBeLessThan(80_000);
    const bigger = makeDriftResult();
    bigger.reference.rows *= 1000;
    expect(Math.abs(render(bigger).length - out.length)).toBeLessThan(20);
  });

  it('says so when no column could be tested, and draws no chart section', () => {
    const empty = makeDriftResult();
    empty.columns = empty.columns.filter((c) => !c.tested);
    empty.dataset = { columns: 0, driftedColumns: 0, share: 0, threshold: 0.5, drifted: false };
    const markup = render(empty);
    expect(text(parse(markup).querySelector('.headline'))).toBe('No columns could be tested No dataset drift');
    expect(markup).not.toContain('<svg');
    expect(markup).not.toContain('Distributions');
  });
});
