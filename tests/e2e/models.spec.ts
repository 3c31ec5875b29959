import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './guard';

// tests/fixtures/explain-app (generate_explain_app.py): churn data whose current spend is shifted up,
// and a logistic regression exported with onnx.helper (inputs tenure, spend, visits; outputs label and
// probabilities), also as a single float_input [N,3]. In log-odds the model is linear, so spend's
// attributions grow with the shift: its importance rank goes from 3 (reference) to 1 (current).

const ROOT = join(__dirname, '..', '..');
const fixture = (name: string) => join(ROOT, 'tests/fixtures/explain-app', name);
const sha256 = (name: string) =>
  createHash('sha256')
    .update(readFileSync(fixture(name)))
    .digest('hex');

async function openModels(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Models' }).click();
  return page.getByTestId('models-view');
}

async function addExplainCell(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Notebook' }).click();
  await page
    .getByRole('button', { name: /^Add a cell at position/ })
    .last()
    .click();
  await page.getByRole('menuitem', { name: /^Explain/ }).click();
  const cell = page.getByTestId('explain-cell');
  await expect(cell).toHaveCount(1);
  return cell;
}

test('models: drop a model, score the current data, explain it against the reference, see attribution drift, explain a row', async ({ page }) => {
  // Scoring in WebAssembly, exact SHAP of 200 + 200 rows and permutation importance, in the worker of a 2-core machine.
  test.setTimeout(150_000);
  await page.goto('/');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
  await page.getByTestId('reference-input').setInputFiles(fixture('reference.csv'));
  await page.getByTestId('current-input').setInputFiles(fixture('current.csv'));
  await expect(page.getByTestId('drift-cell').last().locator('.cell-title')).toHaveText('reference.csv → current.csv');

  // Drop the model: its description is read in a worker and stored.
  const view = await openModels(page);
  await view.getByTestId('model-input').setInputFiles(fixture('churn.onnx'));
  const details = view.getByTestId('model-details');
  await expect(details.getByTestId('model-sha256')).toHaveText(sha256('churn.onnx'));
  await expect(details.getByTestId('model-producer')).toHaveText('driftbook-fixtures 1');
  await expect(details.getByTestId('model-opset')).toHaveText('ai.onnx 13');
  await expect(details.getByTestId('model-inputs').locator('tbody tr')).toHaveCount(3);
  await expect(details.getByTestId('model-inputs')).toContainText('tenure');
  await expect(details.getByTestId('model-outputs')).toContainText('probabilities');

  // A file that is not ONNX is refused with a message, and nothing is stored.
  await view.getByTestId('model-input').setInputFiles({ name: 'notes.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a model') });
  await expect(view.getByTestId('model-error')).toContainText('notes.onnx');
  await expect(view.getByTestId('model-list').locator('li')).toHaveCount(1);

  // Score the current data: inputs are mapped by name; a derived dataset with the outputs is stored.
  const score = view.getByTestId('score-panel');
  await score.getByTestId('score-dataset').selectOption({ label: 'current.csv (200 rows)' });
  await expect(score.getByTestId('mapping-per-column').locator('select').first()).toHaveValue('tenure');
  await score.getByRole('button', { name: 'Score' }).click();
  await expect(score.getByTestId('score-done')).toContainText('200 rows');
  await expect(page.getByTestId('dataset-list')).toContainText('churn.onnx');
  await view.screenshot({ path: '/tmp/p-models-view.png' });

  // The [N,3] variant: its single input takes the columns in a picked order.
  await view.getByTestId('model-input').setInputFiles(fixture('churn_matrix.onnx'));
  await expect(view.getByTestId('model-details').getByTestId('model-sha256')).toHaveText(sha256('churn_matrix.onnx'));
  await score.getByTestId('score-dataset').selectOption({ label: 'current.csv (200 rows)' });
  const order = view.getByTestId('mapping-matrix');
  await expect(order).toContainText('(3 of 3)');
  await expect(order.getByRole('list', { name: 'Column order' }).locator('li')).toHaveText([/tenure/, /spend/, /visits/]);
  await order.getByRole('button', { name: 'Move spend up' }).click();
  await expect(order.getByRole('list', { name: 'Column order' }).locator('li')).toHaveText([/spend/, /tenure/, /visits/]);
  await order.getByRole('button', { name: 'Remove visits' }).click();
  await expect(score.getByTestId('score-problem')).toContainText('takes 3 features, 2 columns given');
  await order.getByLabel('Add column').selectOption('visits');
  await order.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(score.getByTestId('score-problem')).toHaveCount(0);
  await view.screenshot({ path: '/tmp/p-models-matrix.png' });

  // Explain: the cell opens the stored model in the worker and explains current against reference.
  const cell = await addExplainCell(page);
  await cell.getByTestId('explain-model').selectOption({ label: `churn.onnx (${sha256('churn.onnx').slice(0, 8)})` });
  await cell.getByLabel('Output space').selectOption('log-odds');
  await cell.getByLabel('Permutation importance: target').selectOption('churned');
  await cell.getByRole('button', { name: 'Apply' }).click();
  const drift = cell.getByTestId('attribution-drift');
  await expect(drift.locator('tbody tr')).toHaveCount(3, { timeout: 60_000 });
  await expect(cell.getByTestId('explain-meta')).toContainText('exact SHAP (8 coalitions a row) · log-odds');
  await expect(cell.getByTestId('ranking-note')).toContainText('the order changed');
  const spend = drift.locator('tbody tr').first();
  await expect(spend).toContainText('spend');
  await expect(spend).toContainText('3 → 1');
  await expect(spend).toContainText('drift');
  await expect(cell.getByTestId('shap-importance').locator('svg')).toBeVisible();
  await expect(cell.getByTestId('permutation-importance').locator('g[aria-description="importance bars"] rect')).toHaveCount(6);
  await expect(cell.getByTestId('shap-beeswarm').locator('g[aria-description="rows"] circle')).toHaveCount(600);
  await cell.getByLabel('Dependence plot feature').selectOption('tenure');
  await expect(cell.getByTestId('shap-dependence').locator('g[aria-description="rows"] circle')).toHaveCount(200);
  await cell.screenshot({ path: '/tmp/p-explain-global.png' });

  // A local explanation of row 3: SHAP waterfall and a LIME surrogate with its fidelity.
  await cell.getByTestId('explain-row').fill('3');
  await cell.getByRole('button', { name: 'Explain row' }).click();
  const local = cell.getByTestId('local-explanation');
  await expect(local.getByTestId('shap-waterfall').locator('svg')).toBeVisible({ timeout: 60_000 });
  await expect(local).toContainText('Row 3');
  await expect(local.getByTestId('lime-fidelity')).toContainText('fidelity');
  await local.screenshot({ path: '/tmp/p-explain-local.png' });
});

test("explain without a model: the data's shap_ columns give the same importance and attribution drift", async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
  await page.getByTestId('reference-input').setInputFiles(fixture('reference_shap.csv'));
  await page.getByTestId('current-input').setInputFiles(fixture('current_shap.csv'));
  await expect(page.getByTestId('drift-cell').last().locator('.cell-title')).toHaveText('reference_shap.csv → current_shap.csv');
  const cell = await addExplainCell(page);
  // Both files carry shap_<feature> columns: the new cell reads them (no model to choose).
  await expect(cell.getByLabel('Attributions from')).toHaveValue('shap-columns');
  await expect(cell.getByTestId('explain-model')).toHaveCount(0);
  await cell.getByRole('button', { name: 'Apply' }).click();
  const drift = cell.getByTestId('attribution-drift');
  await expect(drift.locator('tbody tr')).toHaveCount(3);
  await expect(cell.getByTestId('explain-meta')).toContainText("attributions from the data's shap_ columns · 200 current rows");
  // The same numbers as numpy/scipy in shap-columns.json (generate_explain_app.py), shown to 4 digits.
  await expect(drift.locator('tbody tr').first()).toContainText('spend');
  await expect(drift.locator('tbody tr').first()).toContainText('0.2335');
  await expect(drift.locator('tbody tr').first()).toContainText('1.112');
  await expect(drift.locator('tbody tr').first()).toContainText('3 → 1');
  await expect(cell.getByTestId('ranking-note')).toContainText('-0.3333');
  await expect(cell.getByTestId('shap-beeswarm').locator('g[aria-description="rows"] circle')).toHaveCount(600);
  await expect(cell).toContainText('A local surrogate needs the model');
  await cell.screenshot({ path: '/tmp/p-explain-shap-columns.png' });
});
