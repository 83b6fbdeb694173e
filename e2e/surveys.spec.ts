import { useDemoClock } from './demo-clock.ts';
import { saveScreenshot } from './screenshot.ts';
import { expect as baseExpect, type Page, test } from './test.ts';

// 需求调研、满意度 from both ends: the marketing centre sends a satisfaction wave to a stratified
// sample (small enough a segment that the sample is the whole segment, so the demo retailer is in
// it); the retailer answers it on a phone from the portal's home — stops after the first page and
// finds its answers again — and submits; the wave's results count the answer at once, the store's
// 360° view shows it, a second answer is refused; and the year's annual report downloads.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

const licenceNo = '350602100009';
const year = '2026';

type Customer = {
  id: number;
  name: string;
  district: { code: string };
  urbanRural: string;
  format: string;
  branchId: number;
  class: string | null;
};
type Results = { responses: number; responseRate: number | null; satisfactionIndex: number | null };
type Preview = { population: number; sampleSize: number };

async function signIn(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

// A short satisfaction questionnaire: one SERVQUAL item (expectation and perception), then the
// overall satisfaction and the NPS question on a second page.
const rating = (name: string, title: string, extra: Record<string, unknown>, rateMin = 1, rateMax = 5) => ({
  type: 'rating',
  name,
  title,
  isRequired: true,
  rateMin,
  rateMax,
  ...extra,
});
const definition = {
  pages: [
    {
      name: 'servqual',
      elements: [
        rating('R1e', '（期望）配送人员应准时送货', {
          kewoRole: 'expectation',
          servqual: 'reliability',
          servqualItem: 'R1',
        }),
        rating('R1p', '（感知）配送人员准时送货', {
          kewoRole: 'perception',
          servqual: 'reliability',
          servqualItem: 'R1',
        }),
      ],
    },
    {
      name: 'overall',
      elements: [
        rating('overall', '总体而言，您对我们的服务满意吗？', { kewoRole: 'overall' }),
        rating('nps', '您愿意向同行推荐通过我们订货吗？', { kewoRole: 'nps' }, 0, 10),
      ],
    },
  ],
};

// Chooses a rating's value in the form library's question.
async function rate(page: Page, title: string, value: number) {
  const question = page.locator('.sd-question', { hasText: title });
  await question
    .locator('.sd-rating__item', { hasText: new RegExp(`^\\s*${value}\\s*$`) })
    .first()
    .click();
}

test('marketing sends a wave to a sample; a retailer answers on a phone; the results move and the annual report downloads', async ({
  page,
  browser,
}, testInfo) => {
  await signIn(page, 'marketing');

  // The demo retailer's own segment: its district, urban/rural, format, branch and class.
  const found = (await (await page.request.get(`/api/v1/customers?q=${licenceNo}&limit=1`)).json()) as {
    items: { id: number }[];
  };
  const storeId = found.items[0]?.id;
  expect(storeId, 'the demo retailer').toBeDefined();
  const store = (await (await page.request.get(`/api/v1/customers/${storeId}`)).json()) as Customer;
  const segment = {
    districtCodes: [store.district.code],
    urbanRural: [store.urbanRural],
    formats: [store.format],
    branchIds: [store.branchId],
    ...(store.class ? { classes: [store.class] } : {}),
  };
  // ±1 % at 99 %: for a segment of up to ~130 stores the sample is the whole segment.
  const sample = { kind: 'sample', segment, marginOfError: 0.01, confidence: 0.99, seed: 'e2e' } as const;
  const preview = await page.request.post('/api/v1/surveys/waves/sample-preview', {
    data: { segment, marginOfError: 0.01, confidence: 0.99 },
  });
  expect(preview.status(), await preview.text()).toBe(200);
  const sized = (await preview.json()) as Preview;
  expect(sized.sampleSize, 'the sample is the whole segment').toBe(sized.population);

  // 1. Marketing: the questionnaire, then the wave to the sample, opened (the stores are notified).
  const created = await page.request.post('/api/v1/surveys/questionnaires', {
    data: { title: `E2E 满意度快速调查 ${Date.now()}`, kind: 'satisfaction', definition },
  });
  expect(created.status(), await created.text()).toBe(201);
  const questionnaire = (await created.json()) as { id: string };
  const title = `E2E 满意度调查 ${Date.now()}`;
  const waveCreated = await page.request.post('/api/v1/surveys/waves', {
    data: { questionnaireId: questionnaire.id, title, opensOn: '2026-12-02', closesOn: '2026-12-31', target: sample },
  });
  expect(waveCreated.status(), await waveCreated.text()).toBe(201);
  const wave = (await waveCreated.json()) as { id: string };
  const opened = await page.request.post(`/api/v1/surveys/waves/${wave.id}/open`);
  expect(opened.status(), await opened.text()).toBeLessThan(300);
  const before = (await (await page.request.get(`/api/v1/surveys/waves/${wave.id}/results`)).json()) as Results;
  expect(before.responses).toBe(0);

  // 2. The retailer, on a phone: the questionnaire is on the home page.
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
  await retailer.getByLabel('专卖许可证号').fill(licenceNo);
  await retailer.getByLabel('密码', { exact: true }).fill('kewo-demo-2026');
  await retailer.getByRole('button', { name: /登\s*录/ }).click();
  await expect(retailer).toHaveURL(/\/portal$/);
  const card = retailer.getByTestId('portal-survey-card');
  await expect(card).toBeVisible();
  // The soonest closing open questionnaire is shown; ours closes at the month's end, so it may
  // be in the list behind another one.
  if (!((await card.textContent()) ?? '').includes(title)) {
    await retailer.goto('/portal/mine/surveys');
    await retailer.getByTestId('portal-survey-row').filter({ hasText: title }).click();
  } else {
    await saveScreenshot(retailer, testInfo, 'surveys-portal-home-phone', { fullPage: false });
    await card.getByRole('link', { name: '去填写' }).click();
  }
  await expect(retailer).toHaveURL(new RegExp(`/portal/mine/surveys/${wave.id}$`));
  await expect(retailer.getByText('（期望）配送人员应准时送货')).toBeVisible();
  await rate(retailer, '（期望）配送人员应准时送货', 5);
  await rate(retailer, '（感知）配送人员准时送货', 4);
  await saveScreenshot(retailer, testInfo, 'surveys-portal-answer-phone', { fullPage: false });
  const draftSaved = retailer.waitForResponse(
    (response) => response.url().endsWith(`/portal/surveys/${wave.id}/draft`) && response.request().method() === 'PUT',
  );
  await retailer.getByRole('button', { name: '下一页' }).click();
  expect((await draftSaved).status()).toBe(204);

  // Stopped after the first page, and back later: the answers and the page are kept.
  await retailer.goto('/portal');
  await retailer.goto(`/portal/mine/surveys/${wave.id}`);
  await expect(retailer.getByTestId('portal-survey-resumed')).toBeVisible();
  await expect(retailer.getByText('总体而言，您对我们的服务满意吗？')).toBeVisible();
  await rate(retailer, '总体而言，您对我们的服务满意吗？', 4);
  await rate(retailer, '您愿意向同行推荐通过我们订货吗？', 9);
  await retailer.getByRole('button', { name: '提交问卷' }).click();
  await expect(retailer.getByText('提交成功，感谢您的参与！')).toBeVisible();
  await saveScreenshot(retailer, testInfo, 'surveys-portal-thanks-phone', { fullPage: false });

  // One answer per store: a second is refused, and the page says it was answered.
  const again = await retailer.request.post(`/api/v1/portal/surveys/${wave.id}/responses`, {
    data: { data: { R1e: 5, R1p: 4, overall: 4, nps: 9 } },
  });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { code: string }).code).toBe('ALREADY_ANSWERED');
  await retailer.goto(`/portal/mine/surveys/${wave.id}`);
  await expect(retailer.getByText('您已经提交过这份问卷')).toBeVisible();
  await phone.close();

  // 3. Marketing: the wave's results count the answer at once, and its page shows it.
  const after = (await (await page.request.get(`/api/v1/surveys/waves/${wave.id}/results`)).json()) as Results;
  expect(after.responses).toBe(before.responses + 1);
  expect(after.satisfactionIndex).not.toBeNull();
  await page.goto(`/surveys/waves/${wave.id}`);
  await expect(page.getByText(title).first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'surveys-wave-after-answer');

  // The store's 360° view: 问卷调研 has the answer, by the store itself.
  await page.goto(`/customers/${storeId}?tab=surveys`);
  const answered = page.getByTestId('customer-surveys-answered');
  await expect(answered.getByText(title)).toBeVisible();
  await expect(answered.getByText('客户自填').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'surveys-customer-tab');

  // 4. The annual report: a .docx (a zip) for the year.
  const report = await page.request.get(`/api/v1/surveys/annual-report?year=${year}`, { timeout: 60_000 });
  expect(report.status(), report.status() === 200 ? '' : await report.text()).toBe(200);
  expect(report.headers()['content-type']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml');
  const body = await report.body();
  expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(body.length).toBeGreaterThan(10_000);
});
