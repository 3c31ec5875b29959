import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './guard';

const ROOT = join(__dirname, '..', '..');
const fixture = (name: string) => join(ROOT, 'tests/fixtures/e2e', name);

const HOSTILE_NOTE = [
  '## Reviewer notes <img src=x onerror=alert(1)>',
  '',
  '</script><script>alert(2)</script>',
  '',
  '[open me](javascript:alert(3)) · <a href="javascript:alert(4)">raw link</a> · **bold**',
].join('\n');

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('workspace-name')).toHaveText('Seattle weather — demo');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
}

const kinds = (page: Page) => page.locator('[data-cell-kind]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell-kind')));
const titles = (page: Page) => page.locator('[data-cell-kind] .cell-title').allTextContents();

async function addCell(page: Page, label: string, at: 'end' | number = 'end'): Promise<void> {
  const buttons = page.getByRole('button', { name: /^Add a cell at position/ });
  const button = at === 'end' ? buttons.last() : buttons.nth(at);
  await button.click();
  await page.getByRole('menuitem', { name: new RegExp(`^${label}`) }).click();
}

/** Nothing injected: no element from the hostile strings exists, no handler attribute, no javascript: link. */
async function expectNoInjection(page: Page): Promise<void> {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  expect(await page.locator('*').evaluateAll((els) => els.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length)).toBe(0);
}

/** Every cell and every dataset description of the page's IndexedDB, read with the raw API. */
async function readStore(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('driftbook');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [cells, datasets, workspaces] = await Promise.all([all('cells'), all('datasets'), all('workspaces')]);
    db.close();
    return { cells, datasets, workspaces } as {
      cells: {
        workspaceId: string;
        order: number;
        kind: string;
        title: string;
        config: unknown;
        result?: unknown;
        collapsed?: boolean;
        inputs: Record<string, { sha256: string }>;
      }[];
      datasets: { id: string; sha256: string; name: string }[];
      workspaces: { id: string; name: string }[];
    };
  });
}

/** Opens a downloaded report from disk in an offline context where every other request is aborted. */
async function openOffline(browser: Browser, path: string) {
  const context = await browser.newContext({ offline: true });
  const fileUrl = pathToFileURL(path).href;
  const requests: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', (route) => (route.request().url() === fileUrl ? route.continue() : route.abort()));
  const reader = await context.newPage();
  reader.on('request', (r) => r.url() !== fileUrl && requests.push(r.url()));
  reader.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  reader.on('pageerror', (e) => problems.push(e.message));
  reader.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await reader.goto(fileUrl);
  return { reader, context, requests, problems };
}

test('cells: add a note, run, reorder with the keyboard, duplicate, delete with undo, collapse — and it all persists', async ({ page }) => {
  await openDemo(page);
  expect(await kinds(page)).toEqual(['note', 'drift', 'quality', 'column', 'chart', 'classification', 'estimated']);
  // Keep the flow short: the two model cells go.
  for (const kind of ['estimated', 'classification']) {
    await page.getByTestId(`${kind}-cell`).getByRole('button', { name: 'Delete cell' }).click();
    await expect(page.getByTestId(`${kind}-cell`)).toHaveCount(0);
  }
  expect(await kinds(page)).toEqual(['note', 'drift', 'quality', 'column', 'chart']);

  await addCell(page, 'Note');
  const note = page.getByTestId('note-cell').last();
  await note.getByLabel('Note text (Markdown)').fill(HOSTILE_NOTE);
  await note.getByRole('button', { name: 'Save note' }).click();
  await expect(note.getByTestId('note-body').locator('h2')).toHaveText('Reviewer notes <img src=x onerror=alert(1)>');
  await expect(note.getByTestId('note-body')).toContainText('</script><script>alert(2)</script>');
  await expect(note.getByTestId('note-body').locator('strong')).toHaveText('bold');
  await expectNoInjection(page);
  expect(await kinds(page)).toEqual(['note', 'drift', 'quality', 'column', 'chart', 'note']);

  // Alt+↑ twice moves the focused cell up two places.
  await note.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => kinds(page)).toEqual(['note', 'drift', 'quality', 'column', 'note', 'chart']);
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => kinds(page)).toEqual(['note', 'drift', 'quality', 'note', 'column', 'chart']);
  // The buttons do the same.
  await page.getByTestId('chart-cell').getByRole('button', { name: 'Move cell up' }).click();
  await expect.poll(() => kinds(page)).toEqual(['note', 'drift', 'quality', 'note', 'chart', 'column']);

  // Duplicate keeps the result; delete offers Undo.
  await page.getByTestId('quality-cell').getByRole('button', { name: 'Duplicate cell' }).click();
  await expect(page.getByTestId('quality-cell')).toHaveCount(2);
  await expect(page.getByTestId('quality-cell').nth(1).getByTestId('quality-table')).toBeVisible();
  await page.getByTestId('quality-cell').nth(1).getByRole('button', { name: 'Delete cell' }).click();
  await expect(page.getByTestId('quality-cell')).toHaveCount(1);
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('quality-cell')).toHaveCount(2);
  await page.getByTestId('quality-cell').nth(1).getByRole('button', { name: 'Delete cell' }).click();
  await expect(page.getByTestId('quality-cell')).toHaveCount(1);

  // Collapse, rename.
  await page.getByTestId('column-cell').getByRole('button', { name: 'Collapse cell' }).click();
  await expect(page.getByTestId('column-cell').getByTestId('column-detail')).toHaveCount(0);
  await page.getByTestId('chart-cell').locator('.title-button').click();
  await page.getByTestId('chart-cell').getByLabel('Cell title').fill('Rain over time');
  await page.getByTestId('chart-cell').getByLabel('Cell title').press('Enter');
  await expect(page.getByTestId('chart-cell').locator('.cell-title')).toHaveText('Rain over time');

  // Shift+Enter runs the focused cell and moves focus to the next one.
  await page.getByTestId('drift-cell').focus();
  await page.keyboard.press('Shift+Enter');
  await expect(page.getByTestId('quality-cell')).toBeFocused();

  const before = await titles(page);
  // The page shows a write before IndexedDB commits it (Dexie's optimistic live queries): reload only once it is stored.
  const stored = async () => {
    const { cells } = await readStore(page);
    const own = cells.filter((c) => c.workspaceId === cells.find((x) => x.kind === 'drift')!.workspaceId).sort((a, b) => a.order - b.order);
    return { titles: own.map((c) => c.title), collapsed: own.find((c) => c.kind === 'column')?.collapsed };
  };
  await expect.poll(stored).toEqual({ titles: before, collapsed: true });
  await page.reload();
  await expect(page.getByTestId('drift-cell').getByTestId('drift-summary')).toBeVisible();
  expect(await kinds(page)).toEqual(['note', 'drift', 'quality', 'note', 'chart', 'column']);
  expect(await titles(page)).toEqual(before);
  expect(before).toContain('Rain over time');
  await expect(page.getByTestId('column-cell').getByRole('button', { name: 'Expand cell' })).toBeVisible();
  await expect(page.getByTestId('note-cell').nth(1).getByTestId('note-body').locator('h2')).toHaveText('Reviewer notes <img src=x onerror=alert(1)>');
  await expectNoInjection(page);

  // A note being typed is autosaved: a reload without "Save note" keeps it.
  await addCell(page, 'Note');
  await page.getByTestId('note-cell').last().getByLabel('Note text (Markdown)').fill('Draft that was *never* saved by hand');
  await expect
    .poll(async () => (await readStore(page)).cells.some((c) => (c.config as { markdown?: string }).markdown === 'Draft that was *never* saved by hand'))
    .toBe(true);
  await page.reload();
  await expect(page.getByTestId('note-cell').last().getByTestId('note-body')).toHaveText('Draft that was never saved by hand');
});

test('a cell whose input changed is stale until run; a failing cell shows its error and keeps its last result', async ({ page }) => {
  await openDemo(page);
  const drift = page.getByTestId('drift-cell');
  await expect(drift.locator('.badge', { hasText: 'stale' })).toHaveCount(0);
  // Swap the sides: another input, another result key.
  await drift.getByLabel(/^reference dataset of/).selectOption({ label: 'seattle-weather-2015.csv' });
  await drift.getByLabel(/^current dataset of/).selectOption({ label: 'seattle-weather-2012-2013.csv' });
  await expect(drift.locator('.badge', { hasText: 'stale' })).toBeVisible();
  await drift.getByRole('button', { name: 'Run again' }).click();
  await expect(drift.locator('.badge', { hasText: 'stale' })).toHaveCount(0);
  await expect(drift.getByTestId('drift-summary')).toContainText('Drift detected in');
  await expect(drift.locator('.summary-meta')).toContainText('reference seattle-weather-2015.csv');

  // A cell whose dataset was deleted cannot run: it says why and keeps its last result.
  const quality = page.getByTestId('quality-cell');
  await page.getByRole('button', { name: 'Delete seattle-weather-2015.csv' }).click();
  await page.getByTestId('dataset-item').filter({ hasText: 'seattle-weather-2015.csv' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await quality.getByRole('button', { name: 'Run again' }).click();
  await expect(quality.getByTestId('cell-error')).toContainText('dataset not found');
  await expect(quality.getByTestId('cell-error')).toContainText('The last good result is shown below.');
  await expect(quality.locator('.badge', { hasText: 'failed' })).toBeVisible();
  await expect(quality.getByTestId('quality-table')).toBeVisible();
  await expect(quality.getByLabel(/^current dataset of/)).toHaveValue(/.+/);
  const chart = quality;
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('failed-cell.png') });
});

test('two tabs on one workspace: edits in one appear in the other', async ({ page, context }) => {
  await openDemo(page);
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByTestId('workspace-name')).toHaveText('Seattle weather — demo');

  await page.getByTestId('drift-cell').locator('.title-button').click();
  await page.getByTestId('drift-cell').getByLabel('Cell title').fill('Weather drift, edited in tab 1');
  await page.getByTestId('drift-cell').getByLabel('Cell title').press('Enter');
  await expect(other.getByTestId('drift-cell').locator('.cell-title')).toHaveText('Weather drift, edited in tab 1');

  await addCell(other, 'Note', 0);
  const note = other.getByTestId('note-cell').first();
  await note.getByLabel('Note text (Markdown)').fill('Written in **tab 2**');
  await note.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByTestId('note-cell').first().getByTestId('note-body')).toHaveText('Written in tab 2');
  expect(await kinds(page)).toEqual(await kinds(other));
  await other.close();
});

test('backup: export the workspace, import it into an empty browser profile, every cell and dataset equal', async ({ page, browser }) => {
  await openDemo(page);
  await addCell(page, 'Note');
  await page.getByTestId('note-cell').last().getByLabel('Note text (Markdown)').fill('Backed up');
  await page.getByTestId('note-cell').last().getByRole('button', { name: 'Save note' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export workspace' }).click()]);
  expect(download.suggestedFilename()).toBe('Seattle-weather-demo.driftbook');
  const path = test.info().outputPath('workspace.driftbook');
  await download.saveAs(path);
  const source = await readStore(page);

  // Another profile: a fresh context has empty storage (it seeds its own demo on first visit).
  const fresh = await browser.newContext();
  const target = await fresh.newPage();
  await target.goto('/');
  await expect(target.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
  await target.getByTestId('import-workspace').setInputFiles(path);
  await expect(target.getByTestId('toast')).toContainText('Imported “Seattle weather — demo”: 8 cells');
  await expect(target.getByTestId('note-cell').last().getByTestId('note-body')).toHaveText('Backed up');

  const restored = await readStore(target);
  const workspaceId = source.cells[0]!.workspaceId;
  const strip = (cells: typeof source.cells) =>
    cells
      .filter((c) => c.workspaceId === workspaceId)
      .sort((a, b) => a.order - b.order)
      .map(({ kind, title, config, result, inputs }) => ({ kind, title, config, result, inputs: Object.values(inputs).map((i) => i.sha256) }));
  expect(strip(restored.cells)).toEqual(strip(source.cells));
  expect(strip(restored.cells).length).toBe(8);
  const hashes = (s: typeof source) => s.datasets.map((d) => `${d.name}:${d.sha256}`).sort();
  expect(hashes(restored)).toEqual(hashes(source));
  await fresh.close();
});

test('the notebook report of chosen cells opens offline, runs only its own script, and injects nothing', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByTestId('reference-input').setInputFiles(fixture('reference.csv'));
  await page.getByTestId('current-input').setInputFiles(fixture('current.csv'));
  await expect(page.getByTestId('drift-cell').nth(1).getByTestId('drift-summary')).toBeVisible();
  await addCell(page, 'Note');
  await page.getByTestId('note-cell').last().getByLabel('Note text (Markdown)').fill(HOSTILE_NOTE);
  await page.getByTestId('note-cell').last().getByRole('button', { name: 'Save note' }).click();
  await expectNoInjection(page);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export cells' });
  // Keep the uploaded pair's drift cell and the hostile note only.
  const boxes = dialog.getByRole('checkbox');
  const count = await boxes.count();
  for (let i = 0; i < count; i++) await boxes.nth(i).uncheck();
  await dialog.getByLabel(/^Data drift: reference\.csv → current\.csv/).check();
  await dialog
    .getByLabel(/^Note: Note/)
    .last()
    .check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export report (HTML)' }).click()]);
  const path = test.info().outputPath('notebook-report.html');
  await download.saveAs(path);
  const html = readFileSync(path, 'utf8');
  // Two cells, the workspace's alert rules with the events of those cells, and the manifest.
  expect(html.match(/<section class="report-cell"/g)).toHaveLength(4);
  expect(html).toContain('<section class="report-cell" id="alerts"');
  expect(html.length).toBeLessThan(2 * 1024 * 1024);

  const { reader, context, requests, problems } = await openOffline(browser, path);
  await expect(reader.locator('h2').first()).toContainText('reference.csv → current.csv');
  await expect(reader.locator('.markdown h2')).toHaveText('Reviewer notes <img src=x onerror=alert(1)>');
  await expectNoInjection(reader);
  expect(await reader.locator('script').count()).toBe(1);
  await reader.getByRole('button', { name: 'Show counts' }).click();
  await expect(reader.locator('.mode-count svg').first()).toBeVisible();
  await expect(reader.locator('.mode-percent svg').first()).toBeHidden();
  await expect(reader.locator('#manifest')).toContainText('reference.csv');
  expect(requests).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();

  // And the same cells as JSON.
  await page.getByRole('button', { name: 'Export…' }).click();
  for (let i = 0; i < count; i++) await boxes.nth(i).uncheck();
  await dialog.getByLabel(/^Data drift: reference\.csv → current\.csv/).check();
  const [json] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export JSON' }).click()]);
  const parsed = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(parsed.cells).toHaveLength(1);
  expect(parsed.cells[0].result).toMatchObject({ kind: 'drift', schemaVersion: 1, reference: { name: 'reference.csv' } });
});

test('workspaces: rename, duplicate, delete with undo; the last one opened comes back on reload', async ({ page }) => {
  await openDemo(page);
  const items = page.getByTestId('workspace-item');
  await page.getByRole('button', { name: 'Duplicate Seattle weather — demo' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Seattle weather — demo (copy)');
  await expect(items).toHaveCount(2);
  await expect(page.getByTestId('drift-cell').getByTestId('drift-summary')).toBeVisible();

  await page.getByRole('button', { name: 'Rename Seattle weather — demo (copy)' }).click();
  await page.getByLabel('New name for Seattle weather — demo (copy)').fill('Q3 review');
  await page.getByLabel('New name for Seattle weather — demo (copy)').press('Enter');
  await expect(page.getByTestId('workspace-name')).toHaveText('Q3 review');
  await expect.poll(async () => (await readStore(page)).workspaces.map((w) => w.name)).toContain('Q3 review');
  await page.reload();
  await expect(page.getByTestId('workspace-name')).toHaveText('Q3 review');

  await page.getByRole('button', { name: 'Delete Q3 review' }).click();
  await items.filter({ hasText: 'Q3 review' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(items).toHaveCount(1);
  await expect(page.getByTestId('workspace-name')).toHaveText('Seattle weather — demo');
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(items).toHaveCount(2);
  await expect(page.getByTestId('workspace-name')).toHaveText('Q3 review');
  await expect(page.getByTestId('drift-cell').getByTestId('drift-summary')).toBeVisible();
});

test('screenshots: demo light and dark, narrow, report', async ({ page }) => {
  await openDemo(page);
  await page.screenshot({ path: test.info().outputPath('demo-light.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('demo-dark.png') });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.screenshot({ path: test.info().outputPath('demo-800.png') });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
