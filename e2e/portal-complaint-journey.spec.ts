import { useDemoClock } from './demo-clock.ts';
import { saveScreenshot } from './screenshot.ts';
import { chooseOption } from './select.ts';
import { expect, test } from './test.ts';

// 投诉建议 end to end: a retailer files a complaint on a phone, the service centre (a desktop
// browser in the same test) replies and resolves it, the retailer confirms and rates it, and the
// analysis page counts it. 价格 (产品类) goes to the service centre by the default rules.
const licenceNo = '350602100006';

test('a complaint from a phone is answered, resolved, confirmed, rated and analysed', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const staff = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await useDemoClock(staff);
  const desk = await staff.newPage();
  await desk.goto('/login');
  await desk.getByLabel('用户名').fill('service');
  await desk.getByLabel('密码').fill('kewo-demo-2026');
  await desk.getByRole('button', { name: /登\s*录/ }).click();
  await expect(desk).not.toHaveURL(/\/login/);
  const before = (await (await desk.request.get('/api/v1/tickets-analysis')).json()) as { total: number };

  // 1. The retailer files a complaint.
  await page.goto('/portal/login');
  await page.getByLabel('专卖许可证号').fill(licenceNo);
  await page.getByLabel('密码', { exact: true }).fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole('link', { name: '投诉建议', exact: true }).click();
  await expect(page.getByRole('button', { name: '我要投诉/建议' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'portal-tickets-phone', { fullPage: false });
  await page.getByRole('button', { name: '我要投诉/建议' }).click();
  await chooseOption(page, page.getByLabel('问题分类'), '价格');
  const description = `附近有店低价销售中华，扰乱价格（${Date.now()}）`;
  await page.getByLabel('请描述您遇到的问题').fill(description);
  await saveScreenshot(page, testInfo, 'portal-ticket-new-phone', { fullPage: false });
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page).toHaveURL(/\/portal\/tickets\/\d+$/);
  const ticketId = Number(page.url().split('/').pop());
  await expect(page.getByText(description).first()).toBeVisible();
  await expect(page.getByText(/预计 .* 前答复/)).toBeVisible();
  await saveScreenshot(page, testInfo, 'portal-ticket-filed-phone', { fullPage: false });

  // 2. The service centre replies (the first response) and resolves it.
  await desk.goto('/tickets');
  const link = desk.locator(`a[href="/tickets/${ticketId}"]`).first();
  await expect(link).toBeVisible({ timeout: 30_000 });
  await saveScreenshot(desk, testInfo, 'tickets-list-desktop');
  await link.click();
  await expect(desk.getByText(description).first()).toBeVisible();
  await desk.getByLabel('回复内容').fill('您好，已安排专卖人员核查该店价格，请留意后续回复。');
  await desk.getByRole('button', { name: /发\s*送/ }).click();
  await expect(desk.getByText('达标').first()).toBeVisible();
  await desk.getByLabel('说明').fill('已核查并约谈该店，价格已恢复正常。');
  await desk.getByRole('button', { name: '转为“已办结”' }).click();
  await expect(desk.getByText('已办结').first()).toBeVisible();
  await saveScreenshot(desk, testInfo, 'ticket-detail-desktop');

  // 3. The retailer sees the answer, confirms and rates it 4 stars.
  await page.reload();
  await expect(page.getByText('处理结果满意吗？')).toBeVisible();
  await expect(page.getByText('已核查并约谈该店，价格已恢复正常。', { exact: false }).first()).toBeVisible();
  await page.locator('.ant-rate-star').nth(3).click();
  await saveScreenshot(page, testInfo, 'portal-ticket-confirm-phone', { fullPage: false });
  await page.getByRole('button', { name: '满意，确认办结' }).click();
  await expect(page.getByText('您的评分：4 星')).toBeVisible();
  await expect(page.getByText('已确认').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'portal-ticket-confirmed-phone', { fullPage: false });

  // 4. The analysis counts it.
  await desk.goto('/tickets/analysis');
  const total = new Intl.NumberFormat('zh-CN').format(before.total + 1);
  await expect(desk.locator('.ant-statistic').filter({ hasText: '工单总数' })).toContainText(total);
  const after = (await (await desk.request.get('/api/v1/tickets-analysis')).json()) as {
    satisfaction: { rated: number };
  };
  expect(after.satisfaction.rated).toBeGreaterThan(0);
  await saveScreenshot(desk, testInfo, 'tickets-analysis-desktop');
  await desk.goto('/tickets/library');
  await expect(desk.getByText('送货延误')).toBeVisible();
  await saveScreenshot(desk, testInfo, 'tickets-library-desktop');
  await staff.close();
});
