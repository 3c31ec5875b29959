import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift } from '../../../lib/drift/compute-drift';
import { computeQuality } from '../../../lib/quality/compute-quality';
import { toWorkspaceReport } from '../../../lib/report/workspace-report';
import { mulberry32 as random } from '../../support';

const CITIES = ['Lisbon', 'Porto', 'Faro', 'Braga', 'Coimbra', 'Évora', 'Aveiro', 'Leiria'];

/** The bench's schema: 12 floats, 4 low-cardinality ints, 4 categorical strings, ~1% missing in some. */
function csv(rows: number, seed: number, shift: number): Uint8Array {
  const rand = random(seed);
  const header = [
    ...Array.from({ length: 12 }, (_, i) => `f${i}`),
    ...Array.from({ length: 4 }, (_, i) => `i${i}`),
    ...Array.from({ length: 4 }, (_, i) => `c${i}`),
  ];
  const lines = [header.join(',')];
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let i = 0; i < 12; i++) row.push(i % 4 === 0 && rand() < 0.01 ? '' : ((rand() + rand() + rand()) * (i + 1) + shift * (i % 3)).toFixed(4));
    for (let i = 0; i < 4; i++) row.push(String(Math.floor(rand() * (4 + i))));
    for (let i = 0; i < 4; i++) row.push(i === 0 && rand() < 0.01 ? '' : CITIES[Math.floor(rand() ** (1 + shift) * (CITIES.length - i))]!);
    lines.push(row.join(','));
  }
  return new TextEncoder().encode(lines.join('\n'));
}

async function reportBytes(rows: number): Promise<number> {
  const reference = await ingestCsv(csv(rows, 1, 0), 'reference.csv');
  const current = await ingestCsv(csv(rows, 2, 0.3), 'current.csv');
  const dataset = (d: typeof reference, id: string) => ({ id, name: d.meta.name, rows: d.meta.rows, columns: d.meta.schema.length, sha256: d.meta.sha256 });
  const html = await toWorkspaceReport(
    {
      title: 'Size',
      appVersion: '0.1.0',
      engineVersion: 1,
      exportedAt: '2026-11-28T00:00:00.000Z',
      datasets: [dataset(reference, 'r'), dataset(current, 'c')],
      cells: [
        { kind: 'drift', title: 'Drift', config: {}, result: await computeDrift(reference, current, {}), inputs: { reference: 'r', current: 'c' } },
        { kind: 'quality', title: 'Quality', config: {}, result: computeQuality(reference, current), inputs: { reference: 'r', current: 'c' } },
      ],
    },
    { document: parseHTML('<!doctype html><html><body></body></html>').document },
  );
  return new TextEncoder().encode(html).byteLength;
}

describe('report size', () => {
  // Reports embed aggregates, never rows: ten times the rows must not make a bigger report.
  it('stays under 2 MB for 1M × 20 and within 10% of the 100k-row report', async () => {
    const small = await reportBytes(100_000);
    const large = await reportBytes(1_000_000);
    expect(large).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(Math.abs(large - small) / small).toBeLessThanOrEqual(0.1);
  }, 120_000);
});
