import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestCsv, ingestSource } from '../../../lib/data/ingest';
import { localFileSource, nodeSha256 } from '../../../lib/data/read-file';
import { readNumbers, readLabels } from '../../../lib/data/columns';

const dir = mkdtempSync(join(tmpdir(), 'driftbook-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A CSV of ~2.8 MB (three 1 MiB reads) that puts every carried state on a chunk boundary somewhere:
 * a BOM, quoted fields with line breaks and doubled quotes, multi-byte characters, a field longer
 * than a read, and a numeric-looking column that turns to text near the end (a second pass).
 */
function awkwardCsv(): Uint8Array {
  const rows = ['\uFEFFid,x,note,late'];
  for (let i = 0; i < 40_000; i++) {
    const note = i % 7 === 0 ? `"line one\nline ""two"" ${i}"` : i % 5 === 0 ? `Grüße ✓ ${i} 𝄞` : `plain ${i}`;
    const late = i === 39_990 ? 'text now' : String(i % 13);
    rows.push(`${i},${(Math.sin(i) * 1e3).toFixed(5)},${note},${late}`);
    if (i === 20_000) rows.push(`${i},1.5,"${'long '.repeat(300_000)}",1`);
  }
  return new TextEncoder().encode(`${rows.join('\r\n')}\r\n`);
}

describe('a regular file read in 1 MiB chunks (localFileSource)', () => {
  it('gives the same table, types and SHA-256 as the bytes read whole', async () => {
    const bytes = awkwardCsv();
    expect(bytes.length).toBeGreaterThan(2.5 * (1 << 20));
    const path = join(dir, 'awkward.csv');
    writeFileSync(path, bytes);
    const source = await localFileSource(path);
    const fromFile = await ingestSource(source, { createHasher: nodeSha256 });
    const whole = await ingestCsv(bytes, 'awkward.csv');
    expect(fromFile.meta.sha256).toBe(whole.meta.sha256);
    expect(fromFile.meta.rows).toBe(40_001);
    expect(fromFile.meta.schema).toEqual(whole.meta.schema);
    expect(fromFile.meta.schema.find((c) => c.name === 'late')?.type).not.toBe('numeric');
    for (const { name, type } of fromFile.meta.schema) {
      const read = type === 'numeric' ? readNumbers : readLabels;
      expect(Array.from(read(fromFile.table, name) as ArrayLike<unknown>)).toEqual(Array.from(read(whole.table, name) as ArrayLike<unknown>));
    }
    expect(readLabels(fromFile.table, 'note')[20_001]).toBe('long '.repeat(300_000));
  }, 60_000);
});
