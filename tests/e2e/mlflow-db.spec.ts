import { openDemo } from './demo';
import { expect, test } from './guard';

// The mlflow.db import in the built app: sql.js's wasm fetched from our own /vendor/ (copied at build) under
// the page's CSP, read in the worker; the database is tests/fixtures/mlflow-db/mlflow-3x.db (generate_mlflow_db.py).
test('tracking: import an mlflow.db (SQLite) in the worker, twice without duplicates', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page);
  await page.getByRole('tab', { name: 'Runs', exact: true }).first().click();
  const runsView = page.getByRole('region', { name: 'Runs' });
  await runsView.getByRole('tab', { name: 'Import from MLflow' }).click();

  const wasm = page.waitForResponse((r) => r.url().endsWith('/vendor/sql-wasm.wasm'));
  await page.getByTestId('mlflow-db-input').setInputFiles('tests/fixtures/mlflow-db/mlflow-3x.db');
  expect((await wasm).status()).toBe(200);
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Imported mlflow-3x.db');
  await expect(result).toContainText('experiments 4 added');
  await expect(result).toContainText('runs 4 added, 0 updated, 0 unchanged');
  await expect(result).toContainText('registered models 2 added');

  await page.getByTestId('mlflow-db-input').setInputFiles('tests/fixtures/mlflow-db/mlflow-3x.db');
  await expect(result).toContainText('runs 0 added, 0 updated, 4 unchanged');

  await runsView.getByRole('tab', { name: 'Runs', exact: true }).click();
  await page.getByTestId('experiment-select').selectOption({ label: 'churn <b>&amp;' });
  await expect(page.getByTestId('runs-table').locator('tbody tr', { hasText: 'lively-owl-42' })).toBeVisible(); // from-tag is its child (mlflow.parentRunId), collapsed
});
