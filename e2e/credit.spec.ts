import { useDemoClock } from './demo-clock.ts';
import { saveScreenshot } from './screenshot.ts';
import { expect as baseExpect, type Page, test } from './test.ts';

// 零售客户信用 from three ends: the marketing centre makes a new version of the model with a weight
// changed (连续订货 +3 → +4), previews the distribution, approves it, runs November on it and
// publishes the run; a store whose level one deduction holds down appeals that deduction on a
// phone; the inspector accepts the appeal, and the store's level changes at once.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 420_000 });

const password = 'kewo-demo-2026';
const month = '2026-11';

type Item = { key: string; rule: string; label: string; points: number; source: { kind: string } };
type Credit = {
  level: string | null;
  score: number | null;
  items: Item[];
  caps: unknown[];
  appeal: { status: string } | null;
};
type RunStores = {
  items: Array<{ customerId: number; licenceNo: string; name: string; score: number; level: string }>;
};
type Model = {
  id: number;
  version: number;
  status: string;
  definition: { bands: Array<{ level: string; min: number | null }> };
};

async function signIn(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

// The level a score reaches under the model's bands (highest first; the last band has no minimum).
function levelOf(bands: Model['definition']['bands'], score: number): string {
  return (bands.find((band) => band.min === null || score >= band.min) ?? bands[bands.length - 1]).level;
}

test('marketing changes a weight, previews, runs and publishes; a store appeals on a phone; the inspector accepts and its level changes', async ({
  page,
  browser,
}, testInfo) => {
  // 1. Marketing: a new version of the model from the approved one, a weight changed, previewed, approved.
  await signIn(page, 'marketing');
  await page.goto('/credit/models');
  await expect(page.getByRole('heading', { name: '信用模型' })).toBeVisible();
  await page.getByRole('button', { name: '新建版本' }).click();
  await expect(page).toHaveURL(/\/credit\/models\/\d+$/);
  const modelId = Number(page.url().split('/').at(-1));
  const streak = page.locator('tr', { has: page.locator('code', { hasText: /^ordering_streak$/ }) });
  const points = streak.getByLabel('分值');
  await points.fill('4');
  await points.blur();
  await page.getByRole('button', { name: '预览分布' }).click();
  const preview = page.getByTestId('credit-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByText(/A/).first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'credit-model-preview');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByRole('button', { name: /批\s*准/ }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByText('已批准').first()).toBeVisible();
  const model = (await (await page.request.get(`/api/v1/credit/models/${modelId}`)).json()) as Model;
  expect(model.status).toBe('approved');

  // 2. Marketing: November's run on the new version, then published from the 1st of December.
  await page.goto('/credit/runs');
  await page.getByRole('button', { name: '运行月度评价' }).click();
  const dialog = page.getByRole('dialog', { name: '运行月度评价' });
  await expect(dialog.locator('.ant-select-content')).toContainText(`第 ${model.version} 版`);
  const monthInput = dialog.getByLabel('评价月份');
  await monthInput.click();
  await monthInput.fill(month);
  await monthInput.press('Enter');
  await dialog.getByRole('button', { name: '运行月度评价' }).click();
  await expect(page).toHaveURL(/\/credit\/runs\/\d+$/, { timeout: 120_000 });
  const runId = Number(page.url().split('/').at(-1));
  await expect(page.getByRole('button', { name: /发\s*布/ })).toBeEnabled({ timeout: 120_000 });
  await saveScreenshot(page, testInfo, 'credit-run-computed');
  await page.getByRole('button', { name: /发\s*布/ }).click();
  const publish = page.getByRole('dialog', { name: '发布评价结果' });
  await publish.getByRole('button', { name: /发\s*布/ }).click();
  await expect(page.getByText(/已于 .* 发布/)).toBeVisible();
  await saveScreenshot(page, testInfo, 'credit-run-published');

  // A store that one deduction holds below the next band, with no cap and no appeal: appealing that
  // deduction, if accepted, moves it up a level. The lowest levels first.
  let target:
    | { customerId: number; licenceNo: string; name: string; item: Item; level: string; to: string }
    | undefined;
  for (const level of ['B', 'C', 'A']) {
    const stores = (await (
      await page.request.get(`/api/v1/credit/runs/${runId}/stores?level=${level}&pageSize=200`)
    ).json()) as RunStores;
    for (const store of [...stores.items].reverse()) {
      const credit = (await (await page.request.get(`/api/v1/customers/${store.customerId}/credit`)).json()) as Credit;
      if (credit.appeal?.status === 'open' || credit.caps.length > 0 || credit.score === null) continue;
      const item = credit.items.find(
        (entry) =>
          entry.points < 0 &&
          ['order', 'violation'].includes(entry.source.kind) &&
          levelOf(model.definition.bands, (credit.score as number) - entry.points) !== credit.level,
      );
      if (item && credit.level) {
        target = {
          ...store,
          item,
          level: credit.level,
          to: levelOf(model.definition.bands, (credit.score as number) - item.points),
        };
        break;
      }
    }
    if (target) break;
  }
  if (!target) throw new Error('no store is one deduction away from the next level');

  // 3. The store, on a phone: its level, the deduction, the appeal.
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
  await retailer.getByLabel('专卖许可证号').fill(target.licenceNo);
  await retailer.getByLabel('密码', { exact: true }).fill(password);
  await retailer.getByRole('button', { name: /登\s*录/ }).click();
  await expect(retailer).toHaveURL(/\/portal$/);
  await retailer.goto('/portal/mine/credit');
  const hero = retailer.getByTestId('portal-credit-hero');
  await expect(hero.getByText(`${target.level} 级`)).toBeVisible();
  const row = retailer.getByTestId('portal-credit-item').filter({ hasText: target.item.label }).first();
  await expect(row).toBeVisible();
  await saveScreenshot(retailer, testInfo, 'credit-portal-level-phone', { fullPage: true });
  await row.getByRole('link', { name: '申诉' }).click();
  await expect(retailer).toHaveURL(/\/portal\/mine\/credit\/appeal/);
  await expect(retailer.getByTestId('portal-appeal-item')).toContainText(target.item.label);
  await retailer.getByLabel('申诉理由').fill(`E2E ${testInfo.retry}：该笔记录有误，银行扣款延迟并非本店原因。`);
  await saveScreenshot(retailer, testInfo, 'credit-portal-appeal-phone', { fullPage: false });
  await retailer.getByRole('button', { name: '提交申诉' }).click();
  await expect(retailer.getByText('申诉已提交，督察人员将在 15 个工作日内处理')).toBeVisible();
  await expect(retailer.getByTestId('portal-credit-appeal')).toContainText('前答复');

  // 4. The inspector: the appeal in the list, accepted with a note.
  await signIn(page, 'inspector');
  await page.goto('/credit/appeals');
  await expect(page.getByRole('heading', { name: '信用申诉' })).toBeVisible();
  await page.getByRole('link', { name: target.name, exact: true }).first().click();
  await expect(page).toHaveURL(/\/credit\/appeals\/\d+$/);
  await page.getByLabel('说明').fill('核实银行流水，扣款延迟系银行原因，予以采纳。');
  await saveScreenshot(page, testInfo, 'credit-appeal-decide');
  await page.getByRole('button', { name: /采\s*纳/ }).click();
  const confirm = page.locator('.ant-popconfirm, .ant-modal-confirm');
  if (await confirm.count())
    await confirm
      .getByRole('button', { name: /确\s*定|OK/ })
      .first()
      .click();
  await expect(page.getByText('已处理').first()).toBeVisible();

  // The level changed: on the staff's side at once, and on the store's phone.
  const after = (await (await page.request.get(`/api/v1/customers/${target.customerId}/credit`)).json()) as Credit;
  expect(after.level).toBe(target.to);
  expect(after.items.some((item) => item.key === target?.item.key)).toBe(false);
  await retailer.reload();
  await expect(retailer.getByTestId('portal-credit-hero').getByText(`${target.to} 级`)).toBeVisible();
  await saveScreenshot(retailer, testInfo, 'credit-portal-after-phone', { fullPage: true });
  await phone.close();
});
