import { ingestCsvSource } from '../lib/data/ingest';
import { localFileSource } from '../lib/data/read-file';
const t = performance.now();
const p = await ingestCsvSource(await localFileSource(process.argv[2]!));
const s = (performance.now() - t) / 1000;
console.log(p.meta.rows, 'rows', s.toFixed(2), 's', (p.meta.bytes / 1e6 / s).toFixed(1), 'MB/s', 'rss', (process.memoryUsage().rss / 1e6).toFixed(0), 'MB', p.meta.schema.map(c => c.type[0]).join(''));
