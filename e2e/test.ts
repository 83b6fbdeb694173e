import { test as base } from '@playwright/test';
import { useDemoClock } from './demo-clock.ts';

export type { APIRequestContext, Download, Locator, Page } from '@playwright/test';
export { expect } from '@playwright/test';

// Every journey's browser runs on the demo's clock (demo-clock.ts), so the web app's "today" is
// the server's.
export const test = base.extend({
  context: async ({ context }, use) => {
    await useDemoClock(context);
    await use(context);
  },
});
