// Splits vega-datasets' seattle-weather.csv (BSD-3-Clause) into the demo's reference (2012–2013)
// and current (2015) files. Deterministic: a pure filter on the date column, rows kept verbatim.
// Usage: node scripts/make-demo-data.mjs [--check]   (--check fails if the committed files differ)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules', 'vega-datasets', 'data', 'seattle-weather.csv');

const lines = readFileSync(source, 'utf8').split(/\r?\n/).filter((line) => line.length > 0);
const [header, ...rows] = lines;
const pick = (years) => [header, ...rows.filter((row) => years.includes(row.slice(0, 4)))].join('\n') + '\n';

const outputs = {
  'public/demo/seattle-weather-2012-2013.csv': pick(['2012', '2013']),
  'public/demo/seattle-weather-2015.csv': pick(['2015']),
};

const check = process.argv.includes('--check');
let stale = false;
for (const [path, text] of Object.entries(outputs)) {
  const target = join(root, path);
  if (check) {
    const committed = readFileSync(target, 'utf8');
    if (committed !== text) {
      console.error(`stale demo file: ${path} differs from what the script makes — run npm run demo:data`);
      stale = true;
    }
  } else {
    writeFileSync(target, text);
  }
  const sha = createHash('sha256').update(text).digest('hex');
  console.log(`${path}: ${text.split('\n').length - 2} rows, sha256 ${sha}`);
}
process.exit(stale ? 1 : 0);
