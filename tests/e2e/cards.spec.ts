import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { openDemo } from './demo';
import { expect, test } from './guard';

/** Human text no format may turn into markup, and whose invisible control must stay visible. */
const HOSTILE = '<img src=x onerror=alert(1)> & "quoted" {{ x }} key: value #tag \u202Eעברית 中文 🎉';
const SHOWN = HOSTILE.replace('\u202E', '⟨U+202E⟩');

/** Nothing injected into the page: no element from the hostile text, no handler attribute. */
async function expectNoInjection(page: Page): Promise<void> {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.locator('*').evaluateAll((els) => els.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length)).toBe(0);
}

async function saved(page: Page, name: string): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  return { download, text: readFileSync(path, 'utf8') };
}

test('model card: autofill from the demo, edit, two versions and their diff, three exports, re-import of the Hugging Face README, sign-off, backup', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openDemo(page);
  // Autofill reads computed cells: wait for the model's quality and its estimate.
  await expect(page.getByTestId('classification-cell').first().getByTestId('classification-metrics')).toBeVisible();
  await expect(page.getByTestId('estimated-cell').getByTestId('estimated-metrics')).toBeVisible();

  // The view is a tab beside the notebook, reachable from the keyboard.
  const notebookTab = page.getByRole('tab', { name: 'Notebook' });
  await expect(notebookTab).toHaveAttribute('aria-selected', 'true');
  await notebookTab.focus();
  await page.keyboard.press('ArrowRight');
  const cardTab = page.getByRole('tab', { name: 'Model card' });
  await expect(cardTab).toHaveAttribute('aria-selected', 'true');
  await expect(cardTab).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Model card' })).toBeVisible();
  await expect(page.getByTestId('drift-cell').first()).toBeHidden();
  await expect(page.getByTestId('card-status')).toHaveText('Not saved yet');

  // Autofill: what would change is shown first, then applied as version 1.
  await page.getByRole('button', { name: 'Autofill from notebook' }).click();
  const proposal = page.getByTestId('card-autofill-diff');
  await expect(proposal).toBeVisible();
  await expect(proposal).toContainText('accuracy');
  await expect(proposal).toContainText('seattle-weather-2015.csv');
  await page.getByRole('button', { name: 'Apply autofill' }).click();
  await expect(page.getByTestId('card-status')).toHaveText('Saved as version 1');
  await expect(page.getByTestId('card-metrics')).toContainText('ROC AUC');
  await expect(page.getByTestId('card-metrics')).toContainText('Rain model: quality');

  // An edit with hostile text: saved (debounced) as version 2.
  await page.getByLabel('Model name').fill('Rain classifier');
  await page.getByRole('button', { name: 'Add limitation' }).click();
  await page.getByRole('textbox', { name: 'Limitation 1' }).fill(HOSTILE);
  await expect(page.getByTestId('card-status')).toHaveText('Saved as version 2');
  const versions = page.getByTestId('card-versions');
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await expect(versions).toContainText('autofilled');
  await expect(versions).toContainText('edited');

  // The diff of versions 1 → 2 (the default pair) names both changes; the text shows its control.
  const diff = page.getByTestId('card-version-diff');
  await expect(diff).toContainText('Version 1 → version 2');
  await expect(diff).toContainText('Rain classifier');
  await expect(diff).toContainText(SHOWN);
  // The preview is the HTML export in an empty sandbox: the hostile text is text there too.
  const frame = page.getByTestId('card-preview');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator('[data-testid="card-preview"]').locator('body')).toContainText('Rain classifier');
  await expect(page.frameLocator('[data-testid="card-preview"]').locator('img[src="x"]')).toHaveCount(0);
  await expectNoInjection(page);

  // Exports: HTML with the text escaped, MCT JSON that parses with the text byte for byte, a README with front matter.
  const html = await saved(page, 'HTML');
  expect(html.download.suggestedFilename()).toBe('Rain-classifier.model-card.html');
  expect(html.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html.text).not.toContain('<img src=x');
  expect(html.text).toContain('Content-Security-Policy');
  const mct = await saved(page, 'MCT JSON');
  const json = JSON.parse(mct.text) as { schema_version: string; model_details: { name: string }; considerations: { limitations: { description: string }[] } };
  expect(json.schema_version).toBe('0.0.2');
  expect(json.model_details.name).toBe('Rain classifier');
  expect(json.considerations.limitations.map((l) => l.description)).toEqual([HOSTILE]);
  const readme = await saved(page, 'Hugging Face README.md');
  expect(readme.download.suggestedFilename()).toBe('README.md');
  expect(readme.text.startsWith('---\n')).toBe(true);
  expect(readme.text).toContain('model-index');
  expect(readme.text).not.toContain('<img src=x');

  // A bad file changes nothing and says why.
  await page
    .getByTestId('card-import')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"model_details": {"name": 1}}') });
  await expect(page.getByTestId('card-problem')).toContainText('broken.json was not imported, the card is unchanged');
  await expect(page.getByLabel('Model name')).toHaveValue('Rain classifier');

  // Change the card, then re-import the README: its fields come back, as version 4.
  await page.getByLabel('Model name').fill('Something else');
  await page.getByRole('button', { name: 'Remove limitation 1' }).click();
  await expect(page.getByTestId('card-status')).toHaveText('Saved as version 3');
  await page.getByTestId('card-import').setInputFiles({ name: 'README.md', mimeType: 'text/markdown', buffer: Buffer.from(readme.text) });
  await expect(page.getByTestId('card-status')).toHaveText('Saved as version 4');
  await expect(page.getByLabel('Model name')).toHaveValue('Rain classifier');
  await expect(page.getByRole('textbox', { name: 'Limitation 1' })).toHaveValue(HOSTILE);
  await expect(versions).toContainText('imported');
  await expect(page.getByTestId('card-metrics')).toContainText('ROC AUC');
  await expectNoInjection(page);

  // The card is stored: it is there after a reload, and the notebook tab is one key away.
  await page.reload();
  await expect(page.getByTestId('workspace-name')).toHaveText('Seattle weather — demo');
  await page.getByRole('tab', { name: 'Model card' }).click();
  await expect(page.getByLabel('Model name')).toHaveValue('Rain classifier');
  await expect(page.getByTestId('card-status')).toHaveText('Version 4');

  // Sign-off: possible once reviewer and date are set; recorded as its own version.
  const signOff = page.getByRole('button', { name: 'Record sign-off' });
  await expect(signOff).toBeDisabled();
  await page.getByLabel('Reviewer').fill('Grace Reviewer');
  await page.getByLabel('Review date').fill('2026-12-06');
  await expect(page.getByTestId('card-status')).toHaveText('Saved as version 5');
  await signOff.click();
  await expect(page.getByTestId('card-status')).toHaveText('Saved as version 6');
  await expect(versions.getByRole('listitem').first()).toContainText('Version 6 signed off');
  await expect(versions.getByRole('listitem').first()).toContainText('by Grace Reviewer on 2026-12-06');

  // The workspace backup carries the card and its six versions.
  const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workspace' }).click()]);
  const path = test.info().outputPath('demo.driftbook');
  await backup.saveAs(path);
  const files = unzipSync(readFileSync(path));
  const cards = JSON.parse(strFromU8(files['cards.json']!)) as { cards: { latestVersion: number }[]; versions: { reason: string }[] };
  expect(cards.cards.map((c) => c.latestVersion)).toEqual([6]);
  expect(cards.versions.map((v) => v.reason)).toEqual(['autofill', 'autosave', 'autosave', 'import', 'autosave', 'sign-off']);

  await page.getByRole('tab', { name: 'Model card' }).press('ArrowLeft');
  await expect(page.getByTestId('drift-cell').first()).toBeVisible();
});
