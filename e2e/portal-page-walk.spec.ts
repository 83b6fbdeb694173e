import { PageWalk, report } from './page-walk.ts';
import { expect, type Page, test } from './test.ts';

// A retailer on a phone opens every tab of the portal, and the first ticket of its own, in
// Chinese and then in English. Same findings as the staff walk (page-walk.ts).
const licenceNo = '350602100009';

test.describe.configure({ timeout: 300_000 });

test('a retailer walks every portal tab on a phone, in both languages, and nothing is refused or untranslated', async ({
  page,
}, testInfo) => {
  // Signed out, the session check answers 401, as it should: the form shows at once, beside the
  // check, and the walk starts once the check has answered.
  const sessionChecked = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/auth/me');
  // Chromium logs that 401 to the console as well, sometimes after the response has arrived: wait
  // for that line too, so the walk does not count it.
  const checkLogged = page
    .waitForEvent('console', {
      predicate: (message) => message.type() === 'error' && message.text().includes('401'),
      timeout: 10_000,
    })
    .catch(() => undefined);
  await page.goto('/portal/login');
  await expect(page.getByLabel('专卖许可证号')).toBeVisible();
  expect((await sessionChecked).status()).toBe(401);
  await checkLogged;
  const walk = new PageWalk(page, testInfo, 'retailer');
  await page.getByLabel('专卖许可证号').fill(licenceNo);
  await page.getByLabel('密码', { exact: true }).fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await walk.loadPermissions();

  const zhPaths = await walkTabs(page, walk, 'zh');
  await page.locator('.portal-appbar').getByText('English', { exact: true }).click();
  await expect(page.locator('nav').last()).toContainText('Home');
  const enPaths = await walkTabs(page, walk, 'en');
  expect(enPaths).toEqual(zhPaths);

  expect(report(walk.findings), `${zhPaths.length} tabs walked`).toBe('');
});

async function walkTabs(page: Page, walk: PageWalk, language: string): Promise<string[]> {
  const tabs = page.locator('nav').last().locator('a[href^="/portal"]');
  await expect(tabs.first()).toBeVisible();
  const hrefs = await tabs.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(hrefs.length, 'the tab bar offers tabs').toBeGreaterThan(2);
  for (const href of hrefs) {
    await page.locator(`nav a[href="${href}"]`).last().click();
    await page.waitForURL((url) => url.pathname === href);
    const name = `${language}-${href.replace(/^\//, '').replace(/\//g, '-')}`;
    await walk.look(`${language} ${href}`, name);
    await walk.walkTabs(`${language} ${href}`, name);
    // The first ticket of the store's own, opened from its list.
    const card = page.locator('.portal-ticket-card').first();
    if (href === '/portal/tickets' && (await card.count()) > 0) {
      await card.click();
      await page.waitForURL(/\/portal\/tickets\/\d+$/);
      await walk.look(`${language} ${new URL(page.url()).pathname}`, `${name}-record`);
    }
    // 我的问卷 under 我的, and the first questionnaire of the store's, opened from it.
    if (href === '/portal/mine') {
      await page.locator('a[href="/portal/mine/surveys"]').first().click();
      await page.waitForURL((url) => url.pathname === '/portal/mine/surveys');
      await walk.look(`${language} /portal/mine/surveys`, `${name}-surveys`);
      const survey = page.getByTestId('portal-survey-row').first();
      if ((await survey.count()) > 0) {
        await survey.click();
        await page.waitForURL(/\/portal\/mine\/surveys\/[^/]+$/);
        await walk.look(`${language} ${new URL(page.url()).pathname}`, `${name}-survey`);
      }
    }
  }
  return hrefs;
}
