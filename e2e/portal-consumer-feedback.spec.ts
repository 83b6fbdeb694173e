import { useDemoClock } from './demo-clock.ts';
import { saveScreenshot } from './screenshot.ts';
import { chooseOption } from './select.ts';
import { expect, test } from './test.ts';

// 消费者意见 end to end: on a phone a store relays what a consumer said; the service centre (a
// desktop browser in the same test) finds it in the queue and answers it; the store sees the answer.
const licenceNo = '350602100009';

test('a store relays consumer feedback from a phone, the service centre answers, the store sees it', async ({
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

  // 1. The store relays what a consumer said, from 我的 › 消费者意见.
  await page.goto('/portal/login');
  await page.getByLabel('专卖许可证号').fill(licenceNo);
  await page.getByLabel('密码', { exact: true }).fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/portal/mine');
  await page.getByRole('link', { name: '反馈消费者意见' }).click();
  await expect(page.getByRole('heading', { name: '消费者意见' })).toBeVisible();
  await chooseOption(page, page.getByLabel('意见主题'), '货源');
  const text = `顾客说这款烟最近买不到，问什么时候有货（${Date.now()}）`;
  await page.getByLabel('顾客怎么说').fill(text);
  await saveScreenshot(page, testInfo, 'portal-consumer-feedback-form-phone', { fullPage: false });
  await page.getByRole('button', { name: /^提\s*交$/ }).click();
  await expect(page.getByText('已提交', { exact: false }).first()).toBeVisible();
  await expect(page.getByText(text)).toBeVisible();
  await expect(page.getByText(/等待答复/).first()).toBeVisible();

  // 2. The service centre answers it from the queue.
  await desk.goto('/consumer-feedback');
  // Unanswered first, the earliest due first: the demo's overdue items lead; narrow to the topic.
  await chooseOption(desk, desk.getByLabel('主题'), '货源');
  const row = desk.locator('tr').filter({ hasText: text });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await saveScreenshot(desk, testInfo, 'consumer-feedback-queue-desktop');
  await row.getByRole('button', { name: /答\s*复/ }).click();
  const answer = '已向营销中心反映，下周起该规格增加投放，请及时订货。';
  await desk.getByRole('dialog').getByRole('textbox').fill(answer);
  await desk
    .getByRole('dialog')
    .getByRole('button', { name: /答\s*复/ })
    .click();
  await expect(desk.getByText('已答复，门店可在门户中看到')).toBeVisible();
  await desk.goto('/consumer-feedback/summary');
  await expect(desk.getByText('意见条数')).toBeVisible();
  await saveScreenshot(desk, testInfo, 'consumer-feedback-summary-desktop');

  // 3. The store sees the answer.
  await page.reload();
  const item = page.getByTestId('portal-feedback-item').filter({ hasText: text });
  await expect(item.getByTestId('portal-feedback-answer')).toContainText(answer);
  await item.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'portal-consumer-feedback-answered-phone', { fullPage: false });
  await staff.close();
});
