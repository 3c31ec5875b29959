import type { Page } from '@playwright/test';
import { openDemo } from './demo';
import { expect, test } from './guard';

const RLO = '\u202e';
// The classic spoof: shown raw, "x\u202egpj.csv" reads as "xvsc.jpg".
const SPOOF_FILE = `x${RLO}gpj.csv`;
const LONG_NAME = `${'Quarterly model review '.repeat(21).trim()} ${RLO}end`;

/** Bidi controls that reach the page's visible text (they would reorder what the user reads). */
const rawControls = (page: Page) => page.evaluate(() => (document.body.innerText.match(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g) ?? []).length);

test('bidi controls and very long names cannot disguise or overflow anything, in the app and the downloads', async ({ page }) => {
  await openDemo(page);
  // A 480-character workspace name ending in a right-to-left override.
  await page.getByRole('button', { name: 'Rename Seattle weather — demo' }).click();
  await page.getByLabel('New name for Seattle weather — demo').fill(LONG_NAME);
  await page.getByLabel('New name for Seattle weather — demo').press('Enter');
  const heading = page.getByTestId('workspace-name');
  await expect(heading).toContainText('⟨U+202E⟩end');
  // One line, cut with an ellipsis, the whole name as its tooltip; the page does not scroll sideways.
  const clamp = heading.locator('bdi');
  expect(await clamp.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expect(clamp).toHaveAttribute('title', LONG_NAME.replace(RLO, '⟨U+202E⟩'));
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // A file whose name and columns carry the override: shown with the control made visible.
  const csv = [`a${RLO}b,plain`, ...Array.from({ length: 40 }, (_, i) => `${i % 7},${i % 2 ? 'x' : `y${RLO}z`}`)].join('\n');
  await page.getByTestId('reference-input').setInputFiles({ name: SPOOF_FILE, mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) });
  await page.getByTestId('current-input').setInputFiles({ name: 'current.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) });
  const cell = page.getByTestId('drift-cell').nth(1);
  await expect(cell.getByTestId('drift-summary')).toBeVisible();
  await expect(page.getByTestId('drop-reference')).toContainText('x⟨U+202E⟩gpj.csv');
  await expect(cell).toContainText('a⟨U+202E⟩b');
  expect(await rawControls(page)).toBe(0);

  // Downloads: names capped at 100 characters with their extension, no control characters.
  const [report] = await Promise.all([page.waitForEvent('download'), cell.getByRole('button', { name: 'Export report' }).click()]);
  expect(report.suggestedFilename().length).toBeLessThanOrEqual(100);
  expect(report.suggestedFilename()).toMatch(/\.report\.html$/);
  // Only letters, digits, dot, dash and underscore: no control or bidi character can reach a file name.
  expect(report.suggestedFilename()).toMatch(/^[\w.-]+$/);
  const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workspace' }).click()]);
  expect(backup.suggestedFilename().length).toBeLessThanOrEqual(100);
  expect(backup.suggestedFilename()).toMatch(/\.driftbook$/);
  await page.screenshot({ path: test.info().outputPath('hostile-text.png') });
});
