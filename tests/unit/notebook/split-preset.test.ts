import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySegment, checkSegment } from '../../../lib/data/frame';
import { ingestCsv } from '../../../lib/data/ingest';
import { DEFAULT_PRESET } from '../../../lib/notebook/presets';
import { splitInputs, splitPresetCells, splitSegments } from '../../../lib/notebook/split-preset';
import { ROOT } from '../../support';

const WEATHER = join(ROOT, 'public/demo/seattle-weather-2012-2013.csv');

describe('split one file', () => {
  it('negates a segment as d => !(…), keeping the row name; a bare expression gets d', () => {
    expect(splitSegments("  d => d.date < '2013-01-01' ")).toEqual({ reference: "d => d.date < '2013-01-01'", current: "d => !(d.date < '2013-01-01')" });
    expect(splitSegments('(row) => row.wind > 3 || row.rain == 1').current).toBe('row => !(row.wind > 3 || row.rain == 1)');
    expect(splitSegments('wind > 3').current).toBe('d => !(wind > 3)');
  });

  it('the segment and its negation split the file: disjoint, together every row (missing values included)', async () => {
    const dataset = await ingestCsv(new Uint8Array(readFileSync(WEATHER)), 'weather.csv');
    for (const segment of ["d => d.date < '2013-01-01'", "d => d.weather === 'rain' && d.precipitation > 2", 'd => d.wind > 4 || d.rain_score < 0.3']) {
      const { reference, current } = splitInputs(dataset.meta, segment);
      expect([reference.id, current.id, reference.sha256]).toEqual([dataset.meta.id, dataset.meta.id, dataset.meta.sha256]);
      checkSegment(
        current.segment!,
        dataset.meta.schema.map((c) => c.name),
      );
      const kept = applySegment(dataset, reference.segment).table.getChild('date')!.toArray() as string[];
      const rest = applySegment(dataset, current.segment).table.getChild('date')!.toArray() as string[];
      expect(kept.length).toBeGreaterThan(0);
      expect(rest.length).toBeGreaterThan(0);
      // Dates are unique in this file: the two sides' dates are the file's, each once.
      expect([...kept, ...rest].sort()).toEqual([...(dataset.table.getChild('date')!.toArray() as string[])].sort());
    }
  });

  it('builds the default preset on one dataset with the two segments', async () => {
    const { meta } = await ingestCsv(new Uint8Array(readFileSync(WEATHER)), 'weather.csv');
    const cells = splitPresetCells(meta, "d => d.date < '2013-01-01'");
    expect(cells.map((c) => c.kind)).toEqual([...DEFAULT_PRESET]);
    for (const cell of cells) {
      expect(cell.reference).toBe(meta);
      expect(cell.current).toBe(meta);
      expect(cell.segments).toEqual({ reference: "d => d.date < '2013-01-01'", current: "d => !(d.date < '2013-01-01')" });
      expect(cell.title).toBe("weather.csv: d => d.date < '2013-01-01' vs the rest");
    }
  });
});
