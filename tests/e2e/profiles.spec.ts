import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './guard';

// scipy's chisquare p-values on the e2e pair (tests/fixtures/drift/expected.json, pair "e2e", raw rows): from a
// profile reference the category counts are exact, so the p-values are the same.
const ROOT = join(__dirname, '..', '..');
const expected = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/drift/expected.json'), 'utf8')) as {
  pairs: { e2e: { columns: { name: string; method?: string; pValue?: number }[] } };
};
const fixture = (name: string) => join(ROOT, 'tests/fixtures/e2e', name);
const XSS_COLUMN = '<img src=x onerror=alert(1)>';

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('workspace-name')).toHaveText('Seattle weather — demo');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
}

const row = (cell: Locator, name: string) => cell.locator(`tr[data-column="${name.replace(/"/g, '\\"')}"]`);

test('a stored dataset’s profile downloads, drops back in as a profile-only reference, and drift and quality run on it', async ({ page }, info) => {
  test.setTimeout(120_000);
  await openDemo(page);
  await page.getByTestId('reference-input').setInputFiles(fixture('reference.csv'));
  await expect(page.getByTestId('reference-dataset')).toContainText('reference.csv · 400 rows × 7 columns');

  // Download profile (.dbprofile): built in a worker from the stored rows.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the profile (.dbprofile) of reference.csv' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('reference.dbprofile');
  const path = info.outputPath('reference.dbprofile');
  await download.saveAs(path);
  const profile = JSON.parse(readFileSync(path, 'utf8')) as { format: string; rows: number; columns: { name: string; type: string }[] };
  expect([profile.format, profile.rows, profile.columns.length]).toEqual(['driftbook-profile', 400, 7]);
  expect(profile.columns.map((c) => c.name)).toContain(XSS_COLUMN);

  // The profile as the reference, the current file as rows.
  await page.getByTestId('reference-input').setInputFiles(path);
  const reference = page.getByTestId('reference-dataset');
  await expect(reference).toContainText('reference.dbprofile');
  await expect(reference).toContainText('profile · 400 rows × 7 columns');
  await expect(page.getByTestId('reference-warnings')).toContainText('summaries only (a .dbprofile)');
  await page.getByTestId('current-input').setInputFiles(fixture('current.csv'));
  const cells = page.getByTestId('drift-cell');
  await expect(cells).toHaveCount(2);
  const cell = cells.last();
  await expect(cell.getByTestId('drift-summary')).toBeVisible();
  await expect(cell.getByTestId('drift-from-profiles')).toContainText('reference is a .dbprofile');
  let checked = 0;
  for (const column of expected.pairs.e2e.columns.filter((c) => c.method === 'chisquare' && c.pValue! > 0)) {
    const score = Number(await row(cell, column.name).getAttribute('data-score'));
    expect(Math.abs(score - column.pValue!), `${column.name}: ${score} vs scipy ${column.pValue}`).toBeLessThanOrEqual(1e-9 * column.pValue!);
    checked++;
  }
  expect(checked).toBe(2);
  // Numeric columns are decided by psi on the profile's fixed edges: exact.
  await row(cell, 'income').getByRole('button', { name: 'Show income' }).click();
  const detail = cell.getByTestId('column-detail');
  await expect(detail.locator('tr.deciding [data-testid="test-accuracy"]')).toHaveText('exact');

  // Every applicable method: ks and friends are approximate with their bound, es and mannw need the rows.
  await cell.locator('details.settings > summary').click();
  await cell.getByLabel('Also compute every applicable method').check();
  await cell.getByRole('button', { name: 'Apply and run' }).click();
  await expect(detail.locator('tr', { hasText: /^ks/ }).getByTestId('test-accuracy')).toHaveText('approximate');
  await expect(detail.locator('tr', { hasText: /^ks/ })).toContainText('≤ ε_ref + ε_cur');
  await expect(detail.locator('tr', { hasText: /^mannw/ }).getByTestId('test-accuracy')).toHaveText('needs rows');
  await cell.screenshot({ path: '/tmp/a-drift-cell.png' });

  // Quality from the profiles: exact counts, no duplicated-row count (it needs the rows).
  const quality = page.getByTestId('quality-cell').last();
  await expect(quality.getByText('from profile').first()).toBeVisible();
  await expect(quality.getByText(/Reference from profile: 400 rows × 7 columns · — duplicated rows/)).toBeVisible();
  await expect(row(quality, 'plan')).toContainText('400 → 300');
  await quality.screenshot({ path: '/tmp/a-quality-cell.png' });

  // The library lists it as a profile; a cell that needs rows refuses, saying why.
  await expect(page.getByTestId('dataset-item').filter({ hasText: 'reference.dbprofile' }).getByTestId('profile-badge')).toHaveText('profile');
  await page
    .getByRole('button', { name: /^Add a cell at position/ })
    .last()
    .click();
  await page.getByRole('menuitem', { name: /^Multivariate drift/ }).click();
  const refused = page.getByTestId('multivariate-cell').last().getByTestId('cell-error');
  await expect(refused).toContainText('Multivariate drift cells need the rows: reference.dbprofile is a profile (.dbprofile)');
  await page.screenshot({ path: '/tmp/a-page.png', fullPage: false });

  // A workspace backup holds rows: the profile is left out, and the page says so.
  const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workspace' }).click()]);
  expect(backup.suggestedFilename()).toMatch(/\.driftbook$/);
  await expect(page.getByTestId('toast')).toContainText('Not in the backup: reference.dbprofile — profile-only datasets (.dbprofile) are not carried');
});

test('a bad .dbprofile is refused with the field named, and nothing is stored', async ({ page }) => {
  await openDemo(page);
  const before = await page.getByTestId('dataset-item').count();
  const doc = {
    format: 'driftbook-profile',
    version: 1,
    rows: 3,
    source: { names: ['x.csv'] },
    columns: [{ name: 'x', type: 'numeric', count: 2, missing: 0, nonFinite: 0, min: 1, max: 2 }],
  };
  await page.getByTestId('reference-input').setInputFiles({ name: 'bad.dbprofile', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.getByTestId('reference-error')).toContainText('.dbprofile column "x": count + missing + nonFinite = 2, the profile has 3 rows');
  await expect(page.getByTestId('dataset-item')).toHaveCount(before);
  await page.getByTestId('reference-error').screenshot({ path: '/tmp/a-bad-profile.png' });
});
