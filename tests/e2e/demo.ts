import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { expect, test } from './guard';

/** Opens the app on a fresh profile: the demo workspace, its drift cell computed. */
export async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('workspace-name')).toHaveText('Seattle weather — demo');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
}

/**
 * Exports the open workspace, passes its cells.json through `edit` (tagged JSON is plain JSON here)
 * and imports it back as a new workspace (another id and name, as a backup from another browser).
 */
export async function importEditedBackup(page: Page, workspace: { id: string; name: string }, edit: (cells: Record<string, unknown>[]) => void): Promise<void> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workspace' }).click()]);
  const original = test.info().outputPath(`${workspace.id}.original.driftbook`);
  await download.saveAs(original);
  const files = unzipSync(readFileSync(original));
  const cells = JSON.parse(strFromU8(files['cells.json']!)) as Record<string, unknown>[];
  edit(cells);
  files['cells.json'] = strToU8(JSON.stringify(cells));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { workspace: { id: string; name: string } };
  manifest.workspace = { ...manifest.workspace, ...workspace };
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  const path = test.info().outputPath(`${workspace.id}.driftbook`);
  writeFileSync(path, zipSync(files));
  await page.getByTestId('import-workspace').setInputFiles(path);
  await expect(page.getByTestId('workspace-name')).toHaveText(workspace.name);
}
