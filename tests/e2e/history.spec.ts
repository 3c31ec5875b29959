import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { openDemo } from './demo';
import { expect, test } from './guard';

const fixture = (name: string) => readFileSync(`tests/fixtures/e2e/${name}`, 'utf8');

/** The first `rows` data rows of a fixture, as a file for the batch drop. */
function batch(name: string, from: string, rows: number) {
  const lines = fixture(from).trimEnd().split('\n');
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.slice(0, rows + 1).join('\n')}\n`) };
}

/** The chart's batch dots (drifted or not). */
const dots = (page: Page) => page.getByTestId('history-chart').locator('g[aria-description="batches"] circle, g[aria-description="drifted batches"] circle');

const dates = (page: Page) => page.getByTestId('history-date').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

const names = (page: Page) => page.getByTestId('history-row').locator('td:nth-child(2)').allInnerTexts();

test('batch history: pin a reference, add three dated batches, re-date one, remove one, open one in full detail', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page);
  await page.getByRole('tab', { name: 'Batch history' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Batch history' })).toBeVisible();
  await expect(page.getByTestId('history-reference')).toContainText('none pinned');

  await page
    .getByTestId('history-reference-input')
    .setInputFiles({ name: 'reference.csv', mimeType: 'text/csv', buffer: Buffer.from(fixture('reference.csv')) });
  await expect(page.getByTestId('history-pinned')).toContainText('reference.csv · 400 rows');

  // Three batches, each with its date, through the drop's file input.
  const added: [string, ReturnType<typeof batch>][] = [
    ['2026-12-01', batch('monday.csv', 'reference.csv', 200)],
    ['2026-12-02', batch('tuesday.csv', 'current.csv', 300)],
    ['2026-12-03', batch('wednesday.csv', 'current.csv', 150)],
  ];
  for (const [i, [date, file]] of added.entries()) {
    await page.getByTestId('history-new-date').fill(date);
    await page.getByTestId('history-batch-input').setInputFiles(file);
    await expect(page.getByTestId('history-row')).toHaveCount(i + 1);
    await expect(page.getByTestId('history-share').nth(i)).not.toHaveText('n/a');
  }
  await expect(dots(page)).toHaveCount(3);
  expect(await names(page)).toEqual(['monday.csv', 'tuesday.csv', 'wednesday.csv']);
  expect(await dates(page)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
  // The reference's own rows do not drift; the current file's do.
  await expect(page.getByTestId('history-list')).toContainText('no drift');
  await expect(page.getByTestId('history-heatmap').locator('svg')).toBeVisible();

  // Re-dated: Monday's batch moves after Wednesday's.
  await page.getByTestId('history-date').first().fill('2026-12-05');
  await expect.poll(() => names(page)).toEqual(['tuesday.csv', 'wednesday.csv', 'monday.csv']);
  expect(await dates(page)).toEqual(['2026-12-02', '2026-12-03', '2026-12-05']);

  // Removed (with an undo offered): two points left.
  await page.getByRole('button', { name: 'Remove tuesday.csv (2026-12-02)' }).click();
  await expect(page.getByTestId('history-row')).toHaveCount(2);
  await expect(dots(page)).toHaveCount(2);

  // Kept across a reload (IndexedDB).
  await page.reload();
  await expect(page.getByTestId('workspace-name')).toHaveText('Seattle weather — demo');
  await page.getByRole('tab', { name: 'Batch history' }).click();
  await expect(page.getByTestId('history-row')).toHaveCount(2);
  expect(await names(page)).toEqual(['wednesday.csv', 'monday.csv']);
  await expect(dots(page)).toHaveCount(2);

  // Opened in full detail: the preset's drift and quality cells for the reference and this batch.
  await page.getByTestId('history-row').first().getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('tab', { name: 'Notebook' })).toHaveAttribute('aria-selected', 'true');
  // Added after the demo's cells.
  const opened = page.getByTestId('drift-cell').last();
  await expect(opened.getByTestId('drift-summary')).toBeVisible();
  await expect(opened.locator('h2, h3').first()).toContainText('wednesday.csv');
  await expect(page.getByTestId('quality-cell').last()).toContainText('wednesday.csv');
});
