import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './guard';

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('workspace-name')).toHaveText('Seattle weather — demo');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
}

/** The demo workspace's backup, rewritten: cells.json passed through `edit` (tagged JSON is plain JSON here). */
async function editedBackup(page: Page, edit: (cells: Record<string, unknown>[]) => void): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workspace' }).click()]);
  const original = test.info().outputPath('original.driftbook');
  await download.saveAs(original);
  const files = unzipSync(readFileSync(original));
  const cells = JSON.parse(strFromU8(files['cells.json']!)) as Record<string, unknown>[];
  edit(cells);
  files['cells.json'] = strToU8(JSON.stringify(cells));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { workspace: { id: string; name: string } };
  // Imported as a new workspace (another id and name), as a backup from another browser would be.
  manifest.workspace = { ...manifest.workspace, id: 'from-the-future', name: 'From a newer version' };
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  const path = test.info().outputPath('edited.driftbook');
  writeFileSync(path, zipSync(files));
  return path;
}

test('a backup with a cell kind this version does not know imports, shows a failed cell, and the page survives reloads', async ({ page }) => {
  await openDemo(page);
  const path = await editedBackup(page, (cells) => {
    // A cell of a kind from the future, with a config this version cannot read.
    cells[1] = { ...cells[1], kind: 'future-kind', config: { whatever: [1, 2, 3] } };
  });
  await page.getByTestId('import-workspace').setInputFiles(path);
  await expect(page.getByTestId('workspace-name')).toHaveText('From a newer version');
  const failed = page.getByTestId('failed-cell').filter({ hasText: 'future-kind' });
  await expect(failed).toHaveCount(1);
  await expect(failed.getByTestId('cell-error')).toContainText('future-kind');
  // The other cells still render (the note, the drift cell's summary after the unknown one).
  await expect(page.getByTestId('note-cell').first()).toBeVisible();

  // It is now the last workspace opened: a reload must come back to it, not to a blank page.
  await page.reload();
  await expect(page.getByTestId('workspace-name')).toHaveText('From a newer version');
  await expect(page.getByTestId('failed-cell').filter({ hasText: 'future-kind' })).toHaveCount(1);
  // Run all skips nothing silently and breaks nothing; the unknown cell can be deleted.
  await page.getByTestId('failed-cell').filter({ hasText: 'future-kind' }).getByRole('button', { name: 'Delete cell' }).click();
  await expect(page.getByTestId('failed-cell').filter({ hasText: 'future-kind' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('workspace-name')).toHaveText('From a newer version');
  await expect(page.getByTestId('note-cell').first()).toBeVisible();
});
