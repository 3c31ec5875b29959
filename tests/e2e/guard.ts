import { expect, test as base, type Page } from '@playwright/test';

/**
 * Every e2e page is watched: a request that leaves 127.0.0.1 (other than blob:/data: URLs the page
 * makes itself), a console error or an uncaught exception fails the test.
 */
export const test = base.extend<{ guard: { offsite: string[]; errors: string[] } }>({
  guard: [
    async ({ context }, use) => {
      const offsite: string[] = [];
      const errors: string[] = [];
      const watch = (page: Page) => {
        page.on('request', (request) => {
          const url = request.url();
          if (!/^(http:\/\/127\.0\.0\.1:\d+\/|blob:|data:)/.test(url)) offsite.push(url);
        });
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('dialog', (dialog) => {
          errors.push(`unexpected dialog: ${dialog.message()}`);
          void dialog.dismiss();
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      const state = { offsite, errors };
      await use(state);
      expect(offsite, 'requests that left 127.0.0.1').toEqual([]);
      expect(errors, 'console errors, page errors and dialogs').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
