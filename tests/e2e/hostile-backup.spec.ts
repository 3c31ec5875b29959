import { importEditedBackup, openDemo } from './demo';
import { expect, test } from './guard';

test('a backup with a cell kind this version does not know imports, shows a failed cell, and the page survives reloads', async ({ page }) => {
  await openDemo(page);
  await importEditedBackup(page, { id: 'from-the-future', name: 'From a newer version' }, (cells) => {
    // A cell of a kind from the future, with a config this version cannot read.
    cells[1] = { ...cells[1], kind: 'future-kind', config: { whatever: [1, 2, 3] } };
  });
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
