import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promtool } from '../support/promtool';
import { openDemo } from './demo';
import { expect, test } from './guard';

const fixture = (name: string) => `tests/fixtures/e2e/${name}`;

/**
 * The page's Notification replaced by a recorder (headless Chromium shows none): permission starts
 * "default", requestPermission grants it and is counted, each notification is kept.
 */
const RECORD_NOTIFICATIONS = () => {
  const log = { asked: 0, shown: [] as { title: string; body?: string }[] };
  let permission: NotificationPermission = 'default';
  class Recorded {
    static get permission() {
      return permission;
    }
    static requestPermission() {
      log.asked++;
      permission = 'granted';
      return Promise.resolve(permission);
    }
    constructor(title: string, options?: NotificationOptions) {
      log.shown.push({ title, body: options?.body });
    }
  }
  Object.assign(window, { Notification: Recorded, notificationLog: log });
};

type Log = { asked: number; shown: { title: string; body?: string }[] };
const notificationLog = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { notificationLog: Log }).notificationLog);

test('alerts: default rules fire on the demo, notifications only once turned on, links to the cell, rule editing, JSON export/import, reset', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(RECORD_NOTIFICATIONS);
  await openDemo(page);
  await page.getByRole('tab', { name: 'Alerts' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Alerts' });
  const rules = panel.getByTestId('rule-row');
  await expect(rules).toHaveCount(5);
  await expect(panel.getByTestId('rules-table')).toContainText('Column PSI above 0.2');
  // The demo's drift cell (2012–13 vs 2015 weather) crosses the KS-statistic default on some columns.
  const firing = panel.getByTestId('alerts-firing').getByTestId('alert-row');
  await expect(firing.first()).toBeVisible();
  await expect(panel.getByTestId('alerts-firing')).toContainText('Column KS statistic above 0.1');
  await page.screenshot({ path: '/tmp/c-alerts-demo.png', fullPage: true });
  expect((await notificationLog(page)).asked).toBe(0);

  // Notifications: permission is asked when the user turns them on, not before.
  await panel.getByTestId('alerts-notify').click();
  await expect(panel.getByTestId('alerts-notify')).toBeChecked();
  expect((await notificationLog(page)).asked).toBe(1);

  // A new pair of datasets computes new cells: their alerts fire, with a status message and notifications.
  await page.getByRole('tab', { name: 'Notebook' }).click();
  await page.getByTestId('reference-input').setInputFiles(fixture('reference.csv'));
  await page.getByTestId('current-input').setInputFiles(fixture('current.csv'));
  await expect(page.getByTestId('drift-cell')).toHaveCount(2);
  await expect(page.getByTestId('toast')).toContainText('firing');
  await expect.poll(async () => (await notificationLog(page)).shown.length).toBeGreaterThan(0);
  const shown = (await notificationLog(page)).shown;
  expect(shown.every((n) => /^(critical|warning|info): /.test(n.title) && (n.body ?? '').length > 0)).toBe(true);

  // The link of an alert opens its cell in the notebook.
  await page.getByRole('tab', { name: 'Alerts' }).click();
  const link = firing.first().getByTestId('alert-source');
  const title = (await link.innerText()).split(' · ')[0]!;
  await link.click();
  await expect(page.getByRole('tab', { name: 'Notebook' })).toHaveAttribute('aria-selected', 'true');
  const focused = page.locator('[data-cell-id]:focus');
  await expect(focused).toHaveCount(1);
  await expect(focused).toContainText(title);

  // A new rule: the form names the bad field, then saves; the hostile name is text in an isolated run.
  await page.getByRole('tab', { name: 'Alerts' }).click();
  await panel.getByTestId('rule-add').click();
  const form = panel.getByTestId('rule-form');
  await form.getByTestId('rule-name').fill('Share \u202Eevil <b>x</b>');
  await form.getByTestId('rule-metric').selectOption('dataset_drift_share');
  await form.getByTestId('rule-threshold').fill('half');
  await form.getByTestId('rule-save').click();
  await expect(form.getByTestId('rule-problems')).toContainText('threshold: NaN — a finite number');
  await form.getByTestId('rule-threshold').fill('0.3');
  await form.getByTestId('rule-for').fill('2');
  await form.locator('select[aria-label^="For"]').selectOption('consecutive');
  await form.getByTestId('rule-severity').selectOption('info');
  await page.screenshot({ path: '/tmp/c-alerts-form.png', fullPage: true });
  await form.getByTestId('rule-save').click();
  await expect(rules).toHaveCount(6);
  await expect(page.locator('b', { hasText: 'x' })).toHaveCount(0);
  await expect(rules.nth(5)).toContainText('2 in a row');

  // Export: the rules file of the README, with the new rule last.
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('rules-export').click()]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { schemaVersion: number; rules: Record<string, unknown>[] };
  expect(exported.schemaVersion).toBe(1);
  expect(exported.rules).toHaveLength(6);
  expect(exported.rules[5]).toMatchObject({
    name: 'Share \u202Eevil <b>x</b>',
    metric: 'dataset_drift_share',
    comparator: '>',
    threshold: 0.3,
    for: { consecutive: 2 },
    severity: 'info',
  });

  // Export for Prometheus: the rules file and its promtool test file, both clean under the real promtool
  // (the hostile rule's name is kept in an annotation; its summary's placeholders stay live).
  const dir = mkdtempSync(join(tmpdir(), 'e2e-rules-'));
  const saved: string[] = [];
  const both = new Promise<void>((resolve) =>
    page.on('download', (d) => {
      void d.path().then((path) => {
        copyFileSync(path, join(dir, d.suggestedFilename()));
        if (saved.push(d.suggestedFilename()) === 2) resolve();
      });
    }),
  );
  await panel.getByTestId('rules-export-prometheus').click();
  await both;
  const ruleFile = saved.find((name) => !name.endsWith('.test.yml'));
  const testFile = saved.find((name) => name.endsWith('.test.yml'));
  expect(ruleFile).toMatch(/-alert-rules\.yml$/);
  expect(testFile).toMatch(/-alert-rules\.test\.yml$/);
  const check = promtool(['check', 'rules', '--lint-fatal', ruleFile!], { cwd: dir });
  expect(check.code, check.stdout + check.stderr).toBe(0);
  expect(check.stdout).toContain('6 rules found');
  const unit = promtool(['test', 'rules', testFile!], { cwd: dir });
  expect(unit.code, unit.stdout + unit.stderr).toBe(0);
  rmSync(dir, { recursive: true, force: true });

  // Import: a bad file changes nothing and says which rule and field; a good one replaces the rules.
  const bad = { schemaVersion: 1, rules: [{ ...exported.rules[0], metric: 'no_such_metric' }] };
  await panel.getByTestId('rules-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(panel.getByTestId('alerts-message')).toContainText('rules[0] "column-psi": metric: "no_such_metric"');
  await expect(rules).toHaveCount(6);
  const good = { schemaVersion: 1, rules: [exported.rules[5]] };
  await panel.getByTestId('rules-file').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await expect(panel.getByTestId('alerts-message')).toContainText('Imported 1 rules from good.json.');
  await expect(rules).toHaveCount(1);

  await panel.getByTestId('rules-reset').click();
  await expect(rules).toHaveCount(5);
  await page.screenshot({ path: '/tmp/c-alerts-end.png', fullPage: true });
});
