import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { DriftResult } from '../../../lib/drift/types';
import { toWorkspaceReport, type WorkspaceReportInput } from '../../../lib/report/workspace-report';
import { CUR_SHA, makeDriftResult, REF_SHA, XSS_CATEGORY, XSS_COLUMN } from './drift-fixture';

/**
 * One drift cell as a workspace report: what `driftbook drift --format html` writes (and the app's
 * Export… of that cell). These checks came with the old drift-only report (lib/report/html-report.ts).
 */

const TITLE = 'Churn model <weekly> & "drift"';
const EXPORTED_AT = '2024-06-10T09:30:00.000Z';

function input(result: DriftResult): WorkspaceReportInput {
  return {
    title: TITLE,
    appVersion: '0.1.0',
    engineVersion: 1,
    exportedAt: EXPORTED_AT,
    datasets: [
      { id: 'r', name: result.reference.name, rows: result.reference.rows, columns: 6, sha256: REF_SHA },
      { id: 'c', name: result.current.name, rows: result.current.rows, columns: 6, sha256: CUR_SHA },
    ],
    cells: [{ kind: 'drift', title: 'train → prod', config: { threshold: 0.05 }, result, inputs: { reference: 'r', current: 'c' } }],
  };
}

const newDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document;
const render = (result: DriftResult = makeDriftResult()) => toWorkspaceReport(input(result), { document: newDocument() });
const parse = (markup: string): Document => parseHTML(markup).document;
/** Text of every text node joined by spaces, so adjacent cells and badges stay apart. */
const text = (node: Node | null | undefined): string => {
  const parts: string[] = [];
  const walk = (n: Node) => (n.nodeType === 3 ? parts.push(n.textContent ?? '') : n.childNodes.forEach(walk));
  if (node) walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
};

describe('a drift cell in the workspace report', async () => {
  const out = await render();
  const doc = parse(out);

  it('is one HTML document with charset, referrer policy and a CSP without network', () => {
    expect(out.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(out).toContain('<meta charset="utf-8">');
    expect(doc.querySelector('meta[name="referrer"]')?.getAttribute('content')).toBe('no-referrer');
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toContain('img-src data:');
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/); // its one inline script, by hash
  });

  it('references nothing outside itself', () => {
    expect(out).not.toMatch(/https?:/i);
    expect(out).not.toMatch(/(src|href)="\/\//i);
    expect(out).not.toMatch(/url\(|@import/i);
    expect(doc.querySelectorAll('[src], link, iframe, object, embed, img')).toHaveLength(0);
    const hrefs = Array.from(doc.querySelectorAll('[href]')).map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(1);
    expect(hrefs.every((h) => /^#(cell-0|c0-col-\d+)$/.test(h))).toBe(true);
  });

  it('shows hostile strings only escaped', () => {
    expect(out).not.toContain('<img src=x');
    expect(out).not.toContain('</script><script>alert(1)');
    expect(out).not.toContain('<b>debug</b>');
    expect(doc.querySelector('title')?.textContent).toBe(TITLE);
    expect(doc.querySelector('h1')?.textContent).toBe(TITLE);
    const names = Array.from(doc.querySelectorAll('td.col-name')).map((td) => td.textContent);
    expect(names).toContain(XSS_COLUMN);
    const titles = Array.from(doc.querySelectorAll('svg title')).map((t) => t.textContent);
    expect(titles).toContain(XSS_CATEGORY);
  });

  it('keeps the stylesheet inline, once', () => {
    const styles = doc.querySelectorAll('style');
    expect(styles).toHaveLength(1); // Plot's per-chart <style> is stripped
    expect(styles[0]?.textContent).toContain('"Segoe UI"');
    expect(styles[0]?.textContent).toContain('prefers-color-scheme: dark');
    expect(styles[0]?.textContent).toContain('@media print');
  });

  it('heads the cell with the drifted-column count and the dataset verdict', () => {
    expect(text(doc.querySelector('#cell-0 .headline'))).toBe('Drift detected in 2 of 5 columns No dataset drift');
    expect(text(doc.querySelector('#cell-0 .verdict-note'))).toContain('40% of tested columns drifted');
    expect(doc.querySelector('#cell-0 .headline .badge')?.getAttribute('class')).toContain('good');
  });

  it('lists both datasets with rows and the full SHA-256 in the manifest', () => {
    const shas = Array.from(doc.querySelectorAll('#manifest .sha')).map((el) => text(el));
    expect(shas).toEqual([REF_SHA, CUR_SHA]);
    const manifest = text(doc.querySelector('#manifest'));
    expect(manifest).toContain('train_2024-Q1.csv');
    expect(manifest).toContain('120,000');
    expect(manifest).toContain('48,213');
    expect(manifest).toContain(`Driftbook 0.1.0 · engine 1 · exported ${EXPORTED_AT}`);
  });

  it('draws each charted column as percent and as counts, and a sparkline per column', () => {
    expect(doc.querySelectorAll('.mode-percent svg')).toHaveLength(5);
    expect(doc.querySelectorAll('.mode-count svg')).toHaveLength(5);
    expect(doc.querySelectorAll('td.spark svg')).toHaveLength(5);
    expect(doc.querySelectorAll('article.chart-card')).toHaveLength(5);
  });

  it('has a table row per column with formatted cells', () => {
    const rows = Array.from(doc.querySelectorAll('#cell-0 tbody tr'));
    expect(rows).toHaveLength(6);
    const cells = (i: number) => Array.from(rows[i]?.querySelectorAll('td') ?? []).map((td) => text(td));
    expect(cells(0)).toEqual(['age', 'numeric', '', 'Kolmogorov–Smirnov ks', '3.2e-9', '0.05', 'Drift', '—', '119,880 → 48,100', '120 → 113']);
    expect(cells(1).slice(3, 7)).toEqual(['Wasserstein (normed) wasserstein', '0.04213', '0.1', 'No drift']);
    expect(cells(3).slice(4, 7)).toEqual(['∞', '0.1', 'Drift']);
    expect(cells(4)).toEqual(['signup_date', 'datetime', '—', 'not tested — datetime columns are not tested yet', '120,000 → 48,213', '0 → 0']);
    expect(rows[0]?.getAttribute('class')).toBe('is-drifted');
  });

  it('lists warnings, column warnings and columns only on one side', () => {
    const items = Array.from(doc.querySelectorAll('#cell-0 .notice li')).map((li) => li.textContent);
    expect(items).toEqual([
      'current: 3 rows had more fields than the header; extra fields were ignored',
      'income: 12 values above 1e9 were clipped to the last bin',
      'legacy_flag',
      'session_id',
      '<b>debug</b>',
    ]);
    const sides = Array.from(doc.querySelectorAll('#cell-0 .only-in > span')).map((el) => el.textContent);
    expect(sides).toEqual(['Only in reference', 'Only in current']);
  });

  it('is deterministic and small: aggregates only', async () => {
    expect(await render()).toBe(out);
    const bigger = makeDriftResult();
    bigger.reference.rows *= 1000;
    expect(Math.abs((await render(bigger)).length - out.length)).toBeLessThan(20);
  });

  it('says so when no column could be tested, and draws no chart', async () => {
    const empty = makeDriftResult();
    empty.columns = empty.columns.filter((c) => !c.tested);
    empty.dataset = { ...empty.dataset, columns: 0, driftedColumns: 0, share: 0, threshold: 0.5, drifted: false };
    const markup = await render(empty);
    expect(text(parse(markup).querySelector('#cell-0 .headline'))).toBe('No columns could be tested No dataset drift');
    expect(markup).not.toContain('<svg');
    expect(markup).not.toContain('Distributions');
  });
});
