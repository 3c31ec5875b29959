import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);

// System Chromium only: Playwright must never download a browser (there is no route to it here).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Specs that time the page's main thread (long tasks while a huge file loads or a backup bomb is
 * refused) run first, as their own project: a project gets its own worker process and browser, so
 * they measure the page as a person opens it, not a browser that has already run thirty flows (in
 * the full suite a 200 MB load showed 120–155 ms tasks that it never shows in a fresh browser).
 */
const TIMING = /(large-file|wide-file|backup-bomb)\.spec\.ts$/;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    acceptDownloads: true,
    trace: 'off',
  },
  projects: [
    { name: 'timing', testMatch: TIMING },
    { name: 'flows', testIgnore: TIMING },
  ],
  webServer: {
    command: `node scripts/serve.mjs out`,
    env: { PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
