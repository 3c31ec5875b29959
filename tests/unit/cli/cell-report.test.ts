import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { reportInput } from '../../../components/export-report';
import { main } from '../../../lib/cli/main';
import { ingestCsv } from '../../../lib/data/ingest';
import type { Dataset } from '../../../lib/data/types';
import { cellSpec, type CellConfigs } from '../../../lib/notebook/registry';
import type { CellRecord } from '../../../lib/notebook/cell-record';
import { toWorkspaceReport } from '../../../lib/report/workspace-report';
import { readFixture, ROOT } from '../../support';

async function html(args: string[]): Promise<string> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  expect(err).toBe('');
  expect(code).toBe(0);
  return out;
}

const read = (file: string) => ingestCsv(readFixture(`tests/fixtures/e2e/${file}`), file);

/** What the app's Export… writes for one computed cell of a workspace named `title` (components/export-report.ts). */
async function appExport<K extends 'drift' | 'column'>(
  kind: K,
  config: CellConfigs[K],
  title: string,
  exportedAt: string,
  reference: Dataset,
  current: Dataset,
) {
  const result = await cellSpec(kind).compute!({ reference, current }, config);
  const ref = (d: Dataset, segment?: string) => ({ id: d.meta.id, sha256: d.meta.sha256, ...(segment ? { segment } : {}) });
  const cell = {
    id: 'c1',
    workspaceId: 'w1',
    order: 0,
    kind,
    title: `${reference.meta.name} → ${current.meta.name}`,
    config,
    result,
    inputs: { reference: ref(reference), current: ref(current) },
    status: 'ok',
    updatedAt: exportedAt,
  } as CellRecord;
  const workspace = { id: 'w1', name: title, createdAt: exportedAt, updatedAt: exportedAt };
  const input = reportInput(workspace, [cell], [reference.meta, current.meta], new Date(exportedAt));
  return toWorkspaceReport(input, { document: parseHTML('<!doctype html><html><head></head><body></body></html>').document });
}

const exportedAtOf = (text: string) => /<time datetime="([^"]+)"/.exec(text)![1]!;
const files = ['--reference', join(ROOT, 'tests/fixtures/e2e/reference.csv'), '--current', join(ROOT, 'tests/fixtures/e2e/current.csv')];

describe('drift --format html: a one-cell notebook report', () => {
  it("is the app's Export… of that one drift cell, byte for byte", async () => {
    const got = await html(['drift', ...files, '--format', 'html', '--threshold', '0.01', '--title', 'Q3 <check>']);
    const [reference, current] = await Promise.all([read('reference.csv'), read('current.csv')]);
    expect(got).toBe(await appExport('drift', { threshold: 0.01 }, 'Q3 <check>', exportedAtOf(got), reference, current));
    expect(got).toContain('Driftbook · Notebook report');
    expect(got).not.toContain('Data drift report'); // the old drift-only report is gone
  });

  it('--column COL reports the column-detail cell; the default title names both files', async () => {
    const got = await html(['drift', ...files, '--format', 'html', '--column', 'age']);
    const [reference, current] = await Promise.all([read('reference.csv'), read('current.csv')]);
    const want = await appExport('column', { methods: 'all', column: 'age' }, 'reference.csv vs current.csv', exportedAtOf(got), reference, current);
    expect(got).toBe(want);
  });

  it('two segments of one file: one dataset in the manifest, both segments shown', async () => {
    const one = join(ROOT, 'tests/fixtures/e2e/reference.csv');
    const args = ['drift', '--reference', one, '--current', one, '--format', 'html'];
    const got = await html([...args, '--reference-segment', 'd => d.age < 40', '--current-segment', 'd => d.age >= 40']);
    const { document } = parseHTML(got);
    expect(document.querySelectorAll('#manifest tbody tr')).toHaveLength(1);
    expect([...document.querySelectorAll('code.segment')].map((c) => c.textContent)).toEqual(['d => d.age < 40', 'd => d.age >= 40']);
  });

  it('run --format html reports any kind the same way', async () => {
    const got = await html(['run', '--kind', 'quality', '--reference', files[1]!, '--format', 'html']);
    const { document } = parseHTML(got);
    expect(document.querySelector('#cell-0 .kind')?.textContent).toBe('Data quality');
    expect(document.querySelector('h1')?.textContent).toBe('reference.csv');
  });
});
