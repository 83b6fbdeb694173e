import { PageWalk, report } from './page-walk.ts';
import { expect, type Page, test } from './test.ts';

// Each staff role signs in and opens every page its menu offers, each page's tabs, and the first
// record of each list that has records of its own (a customer's 360° view, a ticket, a cycle), in
// Chinese; then in English for the administrator, whose menu holds every page — the other roles'
// pages are the same pages, and walking them twice would cost CI minutes. Any refused request, console error,
// button the role may not use, message key or raw code on screen is a finding (page-walk.ts); the
// journey lists them all. Screenshots of the Chinese walk land in
// test-results/screenshots/walk-<role>-zh-….png; the English walk checks the same pages' text and
// buttons without pictures of them again (a minute of CI a walk).
const staff = [
  { username: 'admin', english: true },
  { username: 'marketing', english: false },
  { username: 'service', english: false },
  { username: 'inspector', english: false },
  { username: 'manager01', english: false },
];

test.describe.configure({ timeout: 600_000 });

for (const { username, english } of staff) {
  test(`${username} walks every page of the menu${english ? ', in both languages,' : ''} and nothing is refused or untranslated`, async ({
    page,
  }, testInfo) => {
    await page.goto('/login');
    // The walk starts at the form (signed out, the server sends no console to refuse).
    await expect(page.getByLabel('用户名')).toBeVisible();
    const walk = new PageWalk(page, testInfo, username);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('kewo-demo-2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await walk.loadPermissions();

    const zhPages = await walkMenu(page, walk, 'zh');
    expect(zhPages.length, 'the menu offers pages').toBeGreaterThan(1);

    if (english) {
      await page.getByRole('button', { name: /^语言/ }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await expect(page.getByRole('menu').first().getByText('Dashboard', { exact: true })).toBeVisible();
      const enPages = await walkMenu(page, walk, 'en');
      expect(enPages, 'the same pages in both languages').toEqual(zhPages);
    }

    expect(report(walk.findings), `${zhPages.length} pages walked`).toBe('');
  });
}

// Opens each menu entry in turn. Returns the paths it reached.
async function walkMenu(page: Page, walk: PageWalk, language: string): Promise<string[]> {
  const menu = page.getByRole('menu').first();
  const labels = await menuLabels(page);
  const paths: string[] = [];
  for (const label of labels) {
    await expandGroups(page);
    const item = menu
      .locator('a.kewo-menu-item')
      .filter({ has: page.getByText(label, { exact: true }) })
      .first();
    await item.click();
    // The menu marks the entry of the page it shows.
    await expect(item).toHaveAttribute('aria-current', 'page');
    const path = new URL(page.url()).pathname;
    paths.push(path);
    const name = language === 'zh' ? `${language}-${slug(path)}` : undefined;
    await walk.look(`${language} ${label} (${path})`, name);
    await walk.walkTabs(`${language} ${label}`, name);
    await openFirstRecord(page, walk, path, `${language} ${label}`, name);
  }
  return paths;
}

// A list whose rows open a record of its own (/customers → /customers/123): the first one, with
// its tabs; then back to the list.
async function openFirstRecord(page: Page, walk: PageWalk, path: string, label: string, name: string | undefined) {
  if (path === '/') return;
  const link = page.locator(`main table tbody tr a[href^="${path}/"]`).first();
  if ((await link.count()) === 0) return;
  await link.click();
  await page.waitForURL((url) => url.pathname.startsWith(`${path}/`));
  const recordLabel = `${label} › ${new URL(page.url()).pathname}`;
  await walk.look(recordLabel, name && `${name}-record`);
  await walk.walkTabs(recordLabel, name && `${name}-record`);
}

async function menuLabels(page: Page): Promise<string[]> {
  const items = page.getByRole('menu').first().locator('a.kewo-menu-item');
  await expect(items.first()).toBeVisible();
  await expandGroups(page);
  return (await items.allInnerTexts()).map((text) => text.trim());
}

async function expandGroups(page: Page) {
  const closed = page.getByRole('menu').first().locator('.kewo-submenu-title[aria-expanded="false"]');
  while ((await closed.count()) > 0) {
    await closed.first().click();
  }
}

function slug(path: string): string {
  return path === '/' ? 'home' : path.replace(/^\//, '').replace(/[^a-zA-Z0-9]+/g, '-');
}
