import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeQuality } from '../../../lib/quality/compute-quality';
import { REPORT_SCRIPT } from '../../../lib/report/report-script';
import { toWorkspaceJson } from '../../../lib/report/workspace-json';
import { toWorkspaceReport, type WorkspaceReportInput } from '../../../lib/report/workspace-report';
import { CUR_SHA, makeDriftResult, REF_SHA, XSS_CATEGORY, XSS_COLUMN } from './drift-fixture';

const newDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document;

const XSS_NOTE = [
  '# Review <img src=x onerror=alert(1)>',
  '',
  '</script><script>alert(2)</script>',
  '',
  '[click me](javascript:alert(3)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==) and <a href="javascript:alert(5)">raw</a>',
  '',
  '**bold** and a [safe link](https://example.org/docs).',
].join('\n');

async function input(): Promise<WorkspaceReportInput> {
  const csv = `id,${XSS_COLUMN},plan\n` + Array.from({ length: 60 }, (_, i) => `${i},${i % 9},${i % 3 ? 'basic' : XSS_CATEGORY}`).join('\n');
  const ref = await ingestCsv(new TextEncoder().encode(csv), 'ref <b>.csv');
  const quality = computeQuality(ref, ref);
  return {
    title: 'Churn <script>alert(6)</script> & co',
    appVersion: '0.1.0',
    engineVersion: 1,
    exportedAt: '2026-11-28T10:00:00.000Z',
    datasets: [
      { id: 'r', name: 'train <img src=y onerror=alert(7)>.csv', rows: 120_000, columns: 6, sha256: REF_SHA },
      { id: 'c', name: 'prod.csv', rows: 48_213, columns: 6, sha256: CUR_SHA },
    ],
    cells: [
      { kind: 'note', title: 'Read me <i>first</i>', config: { markdown: XSS_NOTE }, inputs: {} },
      { kind: 'drift', title: 'Drift', config: { threshold: 0.05 }, result: makeDriftResult(), inputs: { reference: 'r', current: 'c' } },
      { kind: 'quality', title: 'Quality', config: {}, result: quality, inputs: { reference: 'r' } },
      { kind: 'drift', title: 'Drift again', config: {}, result: makeDriftResult(), inputs: { reference: 'r', current: 'c' } },
    ],
  };
}

describe('toWorkspaceReport', () => {
  it('allows exactly its one inline script by hash, and no network', async () => {
    const out = await toWorkspaceReport(await input(), { document: newDocument() });
    const { document } = parseHTML(out);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    const hash = createHash('sha256').update(REPORT_SCRIPT).digest('base64');
    expect(csp).toBe(`default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`);
    const scripts = document.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.textContent).toBe(REPORT_SCRIPT);
    expect(document.querySelectorAll('[src], link, iframe, object, embed, img, form')).toHaveLength(0);
    expect(out).not.toMatch(/url\(|@import/i);
  });

  it('shows hostile names, values, titles and markdown as text only', async () => {
    const out = await toWorkspaceReport(await input(), { document: newDocument() });
    const { document } = parseHTML(out);
    // Nothing hostile became markup: no event handlers, no javascript:/data: links, no second script.
    const all = [...document.querySelectorAll('*')];
    expect(all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))).toHaveLength(0);
    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => /^(javascript|data|vbscript):/i.test(h.trim()))).toEqual([]);
    expect(hrefs).toContain('https://example.org/docs');
    expect(document.querySelector('title')?.textContent).toBe('Churn <script>alert(6)</script> & co');
    expect(document.querySelector('h1')?.textContent).toBe('Churn <script>alert(6)</script> & co');
    const note = document.querySelector('#cell-0 .markdown')!;
    expect(note.querySelector('h1')?.textContent).toBe('Review <img src=x onerror=alert(1)>');
    expect(note.textContent).toContain('</script><script>alert(2)</script>');
    expect(note.querySelector('strong')?.textContent).toBe('bold');
    expect(document.querySelector('#cell-0 h2')?.textContent).toBe('NoteRead me <i>first</i>');
    // Column names and categories from the data, as text in the quality and drift tables.
    const names = [...document.querySelectorAll('td.col-name')].map((td) => td.textContent);
    expect(names).toContain(XSS_COLUMN);
    expect(out).toContain('train &lt;img src=y onerror=alert(7)&gt;.csv');
    expect(out.split('<script>')).toHaveLength(2);
    expect(out).not.toContain(XSS_CATEGORY);
  });

  it('gives each drift cell its own anchors, draws percent and count charts, records the manifest', async () => {
    const out = await toWorkspaceReport(await input(), { document: newDocument() });
    const { document } = parseHTML(out);
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of document.querySelectorAll('a[href^="#"]')) expect(ids).toContain(a.getAttribute('href')!.slice(1));
    expect(document.querySelectorAll('#cell-1 .mode-percent svg').length).toBe(document.querySelectorAll('#cell-1 .mode-count svg').length);
    expect(document.querySelectorAll('#cell-1 .mode-percent svg').length).toBeGreaterThan(0);
    const manifest = document.querySelector('#manifest')!.textContent!;
    expect(manifest).toContain(REF_SHA);
    expect(manifest).toContain('120,000');
    expect(manifest).toContain('Driftbook 0.1.0 · engine 1 · exported 2026-11-28T10:00:00.000Z');
    expect(document.querySelector('#cell-1 details.config pre')?.textContent).toBe(JSON.stringify({ threshold: 0.05 }, null, 2));
    expect(out).toContain('@media print');
    expect(out).toContain('prefers-color-scheme: dark');
  });

  it('exports the same cells as JSON with the CLI field names', async () => {
    const json = JSON.parse(toWorkspaceJson(await input()));
    expect(json.schemaVersion).toBe(1);
    expect(json.cells).toHaveLength(4);
    expect(json.cells[1].result).toMatchObject({ kind: 'drift', schemaVersion: 1, dataset: { columns: expect.any(Number) } });
    expect(json.cells[0].result).toBeNull();
    expect(json.datasets[0]).toMatchObject({ id: 'r', sha256: REF_SHA, rows: 120_000 });
  });
});

describe('a scored dataset in the manifest', () => {
  it('names the model that added its columns: SHA-256, opsets, producer, and the dataset it scored (escaped, bidi-isolated)', async () => {
    const base = await input();
    const model = {
      id: 'm',
      name: 'churn <b>x</b>\u202E.onnx',
      sha256: 'ab'.repeat(32),
      opset: { '': 13, 'ai.onnx.ml': 3 },
      producer: { name: 'skl2onnx', version: '1.16' },
    };
    const scored = {
      id: 's',
      name: 'prod.csv · churn.onnx',
      rows: 48_213,
      columns: 8,
      sha256: 'cd'.repeat(32),
      derivedFrom: {
        dataset: { id: 'c', name: 'prod.csv', sha256: CUR_SHA },
        model,
        inputs: 'float_input ← a, b, c',
        columns: { probabilities_1: 'probabilities[1]' },
        invalidRows: 0,
      },
    };
    const html = await toWorkspaceReport({ ...base, datasets: [...base.datasets, scored] }, { document: newDocument() });
    const { document } = parseHTML(html);
    const row = document.querySelector('tr.derived');
    expect(row?.textContent).toContain(`SHA-256 ${'ab'.repeat(32)}`);
    expect(row?.textContent).toContain('opset ai.onnx 13, ai.onnx.ml 3');
    expect(row?.textContent).toContain('producer skl2onnx 1.16');
    expect(row?.textContent).toContain(`from prod.csv (SHA-256 ${CUR_SHA})`);
    expect(row?.textContent).toContain('inputs float_input ← a, b, c');
    expect(row?.querySelector('b')).toBeNull();
    // Bidi controls are shown, not obeyed (as every user name in our exports).
    expect(row?.querySelector('bdi')?.textContent).toBe('churn <b>x</b>⟨U+202E⟩.onnx');
  });
});
