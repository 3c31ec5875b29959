import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './guard';

const ROOT = join(__dirname, '..', '..');
const model = (name: string) => join(ROOT, 'tests/fixtures/model', name);
// sklearn 1.2.1 / numpy numbers for these files (tests/fixtures/generate_model_cli.py).
const expected = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/model/expected.json'), 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;

/** A displayed number (4 significant digits, "−" minus, thousands commas) within display precision of the exact value; waits for a re-run. */
async function expectShown(cell: Locator, exact: number, what: string): Promise<void> {
  const tolerance = Math.max(Math.abs(exact) * 5e-4, 5e-5);
  const shown = async () => Number((await cell.textContent())!.trim().replace(/−/g, '-').replace(/,/g, '').replace(/^\+/, ''));
  await expect.poll(async () => Math.abs((await shown()) - exact), { message: `${what}: exact ${exact}` }).toBeLessThanOrEqual(tolerance);
}

async function compare(page: Page, reference: string, current: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
  await page.getByTestId('reference-input').setInputFiles(model(reference));
  await page.getByTestId('current-input').setInputFiles(model(current));
  await expect(page.getByTestId('drift-cell').last().locator('.cell-title')).toHaveText(`${reference} → ${current}`);
  await expect(page.getByTestId('drift-cell').last().getByTestId('drift-summary')).toBeVisible();
  await expect(page.getByTestId('quality-cell').last().locator('.cell-title')).toHaveText(`${reference} → ${current}`);
}

async function addCell(page: Page, label: string): Promise<Locator> {
  await page
    .getByRole('button', { name: /^Add a cell at position/ })
    .last()
    .click();
  const kinds = {
    'Classification quality': 'classification',
    'Regression quality': 'regression',
    Fairness: 'fairness',
    'Latency and throughput': 'operational',
  } as const;
  const before = await page.locator(`[data-cell-kind="${kinds[label as keyof typeof kinds]}"]`).count();
  await page.getByRole('menuitem', { name: new RegExp(`^${label}`) }).click();
  const added = page.locator(`[data-cell-kind="${kinds[label as keyof typeof kinds]}"]`);
  await expect(added).toHaveCount(before + 1);
  return added.last();
}

test('classification: the demo model and an uploaded pair, sklearn-exact, with ROC and confusion matrices', async ({ page }) => {
  await page.goto('/');
  const demo = page.getByTestId('classification-cell').first();
  await expect(demo.getByTestId('classification-metrics')).toBeVisible();
  // The demo's rain model (public/demo/README.md): accuracy 0.7483 on 2012–2013, 0.7644 on 2015.
  await expectShown(demo.locator('[data-metric="accuracy"] [data-side="reference"]'), 0.7483, 'demo accuracy');
  await expectShown(demo.locator('[data-metric="roc_auc"] [data-side="current"]'), 0.8619, 'demo ROC AUC');
  await expect(page.getByTestId('estimated-cell').getByTestId('estimated-metrics')).toBeVisible();

  await compare(page, 'binary-ref.csv', 'binary-cur.csv');
  const cell = await addCell(page, 'Classification quality');
  const table = cell.getByTestId('classification-metrics');
  await expect(table).toBeVisible();
  for (const side of ['reference', 'current'] as const) {
    const want = expected.binary![side]! as Record<string, number>;
    for (const metric of ['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'average_precision', 'log_loss', 'brier_score']) {
      await expectShown(table.locator(`[data-metric="${metric}"] [data-side="${side}"]`), want[metric]!, `${side} ${metric}`);
    }
  }
  await expect(cell.getByTestId('roc-chart').locator('svg')).toBeVisible();
  await expect(cell.getByTestId('confusion-reference').locator('svg')).toContainText('61');

  // Predictions from the score at another threshold: the numbers follow sklearn's at 0.3.
  await cell.getByLabel('Prediction', { exact: true }).selectOption('');
  await cell.getByLabel('Threshold (score ≥ t is positive)').fill('0.3');
  await cell.getByRole('button', { name: 'Apply' }).click();
  const at03 = expected.binary!['reference_threshold_0.3']! as Record<string, number>;
  await expectShown(table.locator('[data-metric="accuracy"] [data-side="reference"]'), at03.accuracy!, 'accuracy at 0.3');
  await expectShown(table.locator('[data-metric="recall"] [data-side="reference"]'), at03.recall!, 'recall at 0.3');

  // The threshold explorer hands the chosen threshold to the notebook's other model cells.
  await cell.getByRole('button', { name: 'Use threshold 0.3 in the other model cells' }).click();
  await expect(page.getByTestId('toast')).toContainText('Threshold 0.3 applied to 2 other model cells.');
  await expect(page.getByTestId('estimated-cell').getByLabel('Threshold (score ≥ t is positive)')).toHaveValue('0.3');
  await expect(demo.getByLabel('Threshold (score ≥ t is positive)')).toHaveValue('0.3');
  await expect(demo.getByTestId('classification-metrics')).toBeVisible();
});

test('regression: choose target and prediction, sklearn-exact errors and charts', async ({ page }) => {
  await compare(page, 'regression-ref.csv', 'regression-cur.csv');
  const cell = await addCell(page, 'Regression quality');
  // No column has a target role here: the cell says what to choose.
  await expect(cell.getByTestId('cell-error')).toContainText('target');
  await cell.getByLabel('Target', { exact: true }).selectOption('price');
  await cell.getByLabel('Prediction', { exact: true }).selectOption('price_pred');
  await cell.getByRole('button', { name: 'Apply' }).click();
  const table = cell.getByTestId('regression-metrics');
  await expect(table).toBeVisible();
  for (const side of ['reference', 'current'] as const) {
    const want = expected.regression![side]! as Record<string, number>;
    for (const metric of ['mean_error', 'mae', 'mse', 'rmse', 'mape', 'r2', 'max_error']) {
      await expectShown(table.locator(`[data-metric="${metric}"] [data-side="${side}"]`), want[metric]!, `${side} ${metric}`);
    }
  }
  await expect(cell.getByTestId('predicted-actual-chart').locator('svg')).toBeVisible();
});

test('fairness: per-group rates and parity as Fairlearn defines them, with reweighing to download', async ({ page }) => {
  await compare(page, 'fairness.csv', 'fairness.csv');
  const cell = await addCell(page, 'Fairness');
  await expect(cell.getByTestId('cell-error')).toContainText('sensitive');
  await cell.getByLabel('Target', { exact: true }).selectOption('y');
  await cell.getByLabel('Prediction', { exact: true }).selectOption('pred');
  await cell.getByLabel('Sensitive columns').selectOption(['sex']);
  await cell.getByLabel('Sample weight').selectOption('w');
  await cell.getByRole('button', { name: 'Apply' }).click();
  const want = expected.fairness!.sex_weighted! as { groups: Record<string, number | string>[] } & Record<string, number>;
  const groups = cell.getByTestId('fairness-groups');
  await expect(groups).toBeVisible();
  for (const group of want.groups) {
    const row = groups.locator(`tr[data-group="${group.group as string}"]`);
    for (const metric of ['selection_rate', 'tpr', 'fpr', 'precision', 'accuracy']) {
      await expectShown(row.locator(`[data-metric="${metric}"]`), group[metric] as number, `${group.group} ${metric}`);
    }
  }
  const aggregates = cell.getByTestId('fairness-aggregates');
  for (const metric of ['demographic_parity_difference', 'demographic_parity_ratio', 'equalized_odds_difference', 'equalized_odds_ratio']) {
    await expectShown(aggregates.locator(`[data-metric="${metric}"] [data-side="reference"]`), want[metric]!, metric);
  }
  await expect(cell.getByTestId('fairness-chart').locator('svg')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    cell
      .getByRole('button', { name: /Download reweighing weights/ })
      .first()
      .click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split(/\r?\n/)[0]).toMatch(/^sex,/);
});

test('latency and throughput: percentiles as numpy computes them, share over the SLA, charts per window', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
  const file = join(ROOT, 'tests/fixtures/e2e/latency.csv');
  await page.getByTestId('reference-input').setInputFiles(file);
  await page.getByTestId('current-input').setInputFiles(file);
  await expect(page.getByTestId('quality-cell').last().locator('.cell-title')).toHaveText('latency.csv → latency.csv');
  const cell = await addCell(page, 'Latency and throughput');
  await cell.getByLabel('SLA (ms)').fill('100');
  await cell.getByRole('button', { name: 'Apply' }).click();
  const table = cell.getByTestId('operational-metrics');
  // 10, 20, …, 120 ms: numpy.percentile (linear) gives p50 65, p90 109, p95 114.5, p99 118.9.
  for (const [metric, value] of [
    ['p50', 65],
    ['p90', 109],
    ['p95', 114.5],
    ['p99', 118.9],
    ['mean', 65],
    ['max', 120],
  ] as const) {
    await expect(table.locator(`[data-metric="${metric}"] [data-side="reference"]`)).toHaveText(`${value} ms`);
  }
  // Strictly above 100 ms: 110 and 120 of 12.
  await expect(table.locator('[data-metric="share_over_sla"] [data-side="reference"]')).toHaveText('16.7%');
  await expect(cell.getByTestId('latency-chart-reference').locator('svg')).toBeVisible();
});
