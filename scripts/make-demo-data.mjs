// Splits vega-datasets' seattle-weather.csv (BSD-3-Clause) into the demo's reference (2012–2013)
// and current (2015) files, and appends the demo model's columns: rain (1 when weather is "rain"),
// rain_predicted and rain_score, from the logistic regression in public/demo/rain-model.json
// (trained by scripts/train-demo-model.py, which runs this script and checks it matches sklearn).
// Deterministic: a pure filter on the date column, the six source fields of each row kept verbatim.
// Usage: node scripts/make-demo-data.mjs [--check]   (--check fails if the committed files differ)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules', 'vega-datasets', 'data', 'seattle-weather.csv');
const model = JSON.parse(readFileSync(join(root, 'public', 'demo', 'rain-model.json'), 'utf8'));

const SOURCE_HEADER = 'date,precipitation,temp_max,temp_min,wind,weather';
const MODEL_COLUMNS = ['rain', 'rain_predicted', 'rain_score'];

/** The model's features of one source row, in rain-model.json's order. */
function featuresOf(fields) {
  const [date, , tempMax, tempMin, wind] = fields;
  const [y, m, d] = date.split('-').map(Number);
  const day = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
  // Day of year as an angle (see rain-model.json feature_definitions).
  const angle = (2 * Math.PI * (day - 1)) / 365.25;
  const byName = { temp_max: Number(tempMax), temp_min: Number(tempMin), wind: Number(wind), season_sin: Math.sin(angle), season_cos: Math.cos(angle) };
  return model.features.map((name) => byName[name]);
}

/** sklearn's LogisticRegression.predict_proba[:, 1] after its StandardScaler: expit(intercept + coef · z). */
function rainScore(fields) {
  const x = featuresOf(fields);
  let logit = model.intercept;
  x.forEach((value, j) => {
    logit += model.coefficients[j] * ((value - model.scaler.mean[j]) / model.scaler.scale[j]);
  });
  return (1 / (1 + Math.exp(-logit))).toFixed(6);
}

function withModelColumns(row) {
  const fields = row.split(',');
  const score = rainScore(fields);
  const predicted = Number(score) >= model.threshold ? 1 : 0;
  return `${row},${fields[5] === 'rain' ? 1 : 0},${predicted},${score}`;
}

const lines = readFileSync(source, 'utf8')
  .split(/\r?\n/)
  .filter((line) => line.length > 0);
const [header, ...rows] = lines;
if (header !== SOURCE_HEADER) throw new Error(`unexpected header in ${source}: ${header}`);
const pick = (years) =>
  [`${header},${MODEL_COLUMNS.join(',')}`, ...rows.filter((row) => years.includes(row.slice(0, 4))).map(withModelColumns)].join('\n') + '\n';

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
