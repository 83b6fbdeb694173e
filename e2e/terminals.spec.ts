import { crc32, deflateSync } from 'node:zlib';
import { useDemoClock } from './demo-clock.ts';
import { saveScreenshot } from './screenshot.ts';
import { expect as baseExpect, type Page, test } from './test.ts';

// 终端建设 — tiers, from both ends: a store applies for a benchmark tier from its phone, with a
// photo; its customer manager reviews the application and inspects the store on the inspection
// page (every item, three photos); the marketing centre approves, and the tier is awarded — the
// store sees it on its phone.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

const password = 'kewo-demo-2026';

type Customer = { id: number; licenceNo: string; name: string; status: string };
type Terminal = { award: { tierName: string } | null; applications: { status: string }[] };

// A small solid-colour PNG (the shop's counter, as far as the server can tell): signature, IHDR,
// one IDAT of filtered rows, IEND.
function photoPng(red: number, green: number, blue: number): Buffer {
  const size = 32;
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: size }, () => [red, green, blue]).flat()),
  ]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const photo = (name: string, colour: [number, number, number]) => ({
  name,
  mimeType: 'image/png',
  buffer: photoPng(...colour),
});

async function signIn(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

test('a store applies from a phone, its manager inspects with photos, marketing approves, and the store shows its tier', async ({
  page,
  browser,
}, testInfo) => {
  // A trading store of a customer manager's with no tier and no open application: the journey's
  // store (manager01's first; a small demo city may have given all of theirs a tier already).
  let store: Customer | undefined;
  for (const manager of ['manager01', 'manager02']) {
    await signIn(page, manager);
    const customers = (await (await page.request.get('/api/v1/customers?status=active&limit=100')).json()) as {
      items: Customer[];
    };
    for (const candidate of customers.items) {
      const terminal = (await (
        await page.request.get(`/api/v1/customers/${candidate.id}/terminal`)
      ).json()) as Terminal;
      const isOpen = terminal.applications.some((application) =>
        ['submitted', 'reviewed', 'approved'].includes(application.status),
      );
      if (terminal.award === null && !isOpen) {
        store = candidate;
        break;
      }
    }
    if (store) break;
  }
  if (!store) throw new Error('no customer manager has a trading store without a tier');

  // 1. The store, on a phone: applies for 品牌体验店 with a photo of the counter.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
  });
  await useDemoClock(phone);
  const retailer = await phone.newPage();
  await retailer.goto('/portal/login');
  await retailer.getByLabel('专卖许可证号').fill(store.licenceNo);
  await retailer.getByLabel('密码', { exact: true }).fill(password);
  await retailer.getByRole('button', { name: /登\s*录/ }).click();
  await expect(retailer).toHaveURL(/\/portal$/);
  await retailer.goto('/portal/mine');
  await retailer.getByRole('link', { name: '标杆店等级与申报' }).click();
  await expect(retailer).toHaveURL(/\/portal\/mine\/terminal$/);
  await expect(retailer.getByTestId('portal-terminal-tier')).toContainText('尚未评为标杆店');
  await retailer.getByLabel('申报等级').click();
  await retailer.getByTitle('品牌体验店').click();
  await retailer.getByLabel('申报说明').fill(`E2E ${testInfo.retry}：柜台已按标准陈列。`);
  await retailer.locator('input[type=file]').setInputFiles(photo('counter.png', [180, 40, 40]));
  await saveScreenshot(retailer, testInfo, 'terminals-portal-apply-phone', { fullPage: true });
  await retailer.getByRole('button', { name: '提交申报' }).click();
  await expect(retailer.getByText('申报“品牌体验店”：待分公司审核')).toBeVisible();

  // 2. Its manager: reviews the application, then inspects on the inspection page.
  await page.goto('/terminal-applications');
  await expect(page.getByRole('heading', { name: '标杆店申报' })).toBeVisible();
  const row = page.locator('tr', { hasText: store.name }).first();
  await expect(row.getByText('待分公司审核')).toBeVisible();
  await row.getByRole('button', { name: /审\s*核/ }).click();
  const review = page.getByRole('dialog');
  await expect(review.locator('img')).toHaveCount(1);
  await review.getByLabel('审核意见（选填）').fill('门店陈列属实');
  await saveScreenshot(page, testInfo, 'terminals-application-review');
  await review.getByRole('button', { name: '审核通过' }).click();
  await expect(review).toBeHidden();
  await page.getByLabel('状态').click();
  await page.getByTitle('待营销中心审批').click();
  const reviewed = page.locator('tr', { hasText: store.name }).first();
  await expect(reviewed.getByText('待营销中心审批')).toBeVisible();
  await reviewed.getByRole('link', { name: '验收' }).click();
  await expect(page).toHaveURL(/\/terminal-inspections\/new\?customerId=\d+&tierId=\d+/);
  await expect(page.getByText(store.name)).toBeVisible();
  const items = page.getByTestId('inspection-item');
  await expect(items.first()).toBeVisible();
  for (const item of await items.all()) {
    await item.getByText('达标', { exact: true }).click();
    const score = item.getByRole('spinbutton');
    if (await score.count()) {
      const max = Number((await score.getAttribute('aria-valuemax')) ?? 0);
      await score.fill(String(max));
    }
  }
  await page
    .locator('input[type=file]')
    .setInputFiles([
      photo('counter.png', [180, 40, 40]),
      photo('display.png', [40, 120, 180]),
      photo('sign.png', [200, 160, 30]),
    ]);
  await expect(page.getByTestId('inspection-tally')).toContainText('当前得分');
  await saveScreenshot(page, testInfo, 'terminals-inspection', { fullPage: true });
  await page.getByRole('button', { name: '提交验收' }).click();
  await expect(page.getByText('验收达标')).toBeVisible();
  await expect(page.getByText('达标待审批')).toBeVisible();
  await saveScreenshot(page, testInfo, 'terminals-inspection-result');

  // 3. The marketing centre approves: the tier is awarded at once (the inspection came first).
  await signIn(page, 'marketing');
  // The marketing centre's list opens on what awaits its approval.
  await page.goto('/terminal-applications');
  await expect(page.locator('.ant-select-content').first()).toHaveText('待营销中心审批');
  const toApprove = page.locator('tr', { hasText: store.name }).first();
  await toApprove.getByRole('button', { name: /审\s*批/ }).click();
  const approval = page.getByRole('dialog');
  await expect(approval).toContainText('门店陈列属实');
  await approval.getByRole('button', { name: /批\s*准/ }).click();
  await expect(approval).toBeHidden();
  await page.goto(`/customers/${store.id}?tab=terminal`);
  await expect(page.getByTestId('customer-tier')).toHaveText('品牌体验店');
  await saveScreenshot(page, testInfo, 'terminals-customer-tab');

  // 4. The store sees its tier on its phone.
  await retailer.reload();
  await expect(retailer.getByTestId('portal-terminal-tier')).toContainText('品牌体验店');
  await expect(retailer.getByTestId('portal-terminal-application').first()).toContainText('已授牌');
  await saveScreenshot(retailer, testInfo, 'terminals-portal-awarded-phone', { fullPage: true });
  await phone.close();
});
