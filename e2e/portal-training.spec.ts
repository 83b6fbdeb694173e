import { useDemoClock } from './demo-clock.ts';
import { saveScreenshot } from './screenshot.ts';
import { expect, test } from './test.ts';

// 培训 end to end: on a phone the training demo store signs up for a session to come and checks in
// at today's session with the code the trainer shows (read here through the staff API, as the
// session page shows it; a desktop browser in the same test shows the QR code).
type Session = { id: number; title: string; startsAt: string; endsAt: string };
type Signup = { customerId: number; licenceNo: string; status: string; checkedInAt: string | null };

test('a store signs up for a session on a phone and checks in with the code shown at the session', async ({
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
  await desk.getByLabel('用户名').fill('marketing');
  await desk.getByLabel('密码').fill('kewo-demo-2026');
  await desk.getByRole('button', { name: /登\s*录/ }).click();
  await expect(desk).not.toHaveURL(/\/login/);

  // Today's session (in progress) and the demo store confirmed for it, not yet checked in.
  const now = await desk.evaluate(() => Date.now());
  const sessions = (await (await desk.request.get('/api/v1/trainings?from=2026-01-01&to=2027-01-01')).json()) as {
    items: Session[];
  };
  const today = sessions.items.find(
    (session) => new Date(session.startsAt).getTime() <= now && new Date(session.endsAt).getTime() > now,
  );
  expect(today, 'a session in progress').toBeTruthy();
  const signups = (await (await desk.request.get(`/api/v1/trainings/${today?.id}/signups`)).json()) as {
    items: Signup[];
  };
  const store = signups.items.find((signup) => signup.status === 'confirmed' && !signup.checkedInAt);
  expect(store, 'a confirmed store not yet checked in').toBeTruthy();

  // 1. On the phone: 我的 › 培训报名与签到, sign up for the first session to come.
  await page.goto('/portal/login');
  await page.getByLabel('专卖许可证号').fill(store?.licenceNo ?? '');
  await page.getByLabel('密码', { exact: true }).fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/portal/mine');
  await page.getByRole('link', { name: '培训报名与签到' }).click();
  await expect(page.getByRole('heading', { name: '培训', exact: true })).toBeVisible();
  await saveScreenshot(page, testInfo, 'portal-training-list-phone', { fullPage: false });
  const upcoming = page.getByTestId('portal-training').filter({ has: page.getByRole('button', { name: /^报\s*名$/ }) });
  const first = upcoming.first();
  const title = (await first.locator('h3').textContent()) ?? '';
  await first.getByRole('button', { name: /^报\s*名$/ }).click();
  await expect(page.getByText(/报名成功|候补第/).first()).toBeVisible();
  await expect(
    page
      .getByTestId('portal-training')
      .filter({ hasText: title })
      .getByText(/已报名|候补第/),
  ).toBeVisible();

  // 2. The trainer shows the code (the session page's QR code; its digits through the API).
  await desk.goto(`/trainings/${today?.id}`);
  await desk.getByRole('tab', { name: '签到码' }).click();
  await expect(desk.getByTestId('check-in-code-digits')).toBeVisible();
  await saveScreenshot(desk, testInfo, 'training-session-code-desktop');
  const { code } = (await (await desk.request.get(`/api/v1/trainings/${today?.id}/check-in-code`)).json()) as {
    code: string;
  };

  // 3. The store types the code on the phone and is checked in.
  const card = page
    .getByTestId('portal-training')
    .filter({ hasText: today?.title ?? '' })
    .first();
  await card.getByLabel('签到码').fill(code);
  await card.getByRole('button', { name: '确认签到' }).click();
  await expect(card.getByText(/已签到/)).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'portal-training-checked-in-phone', { fullPage: false });

  // The trainer's list shows it (it asks again every 15 s; opened afresh here).
  await desk.reload();
  await desk.getByRole('tab', { name: /报名与签到/ }).click();
  await expect(
    desk
      .locator('tr')
      .filter({ hasText: store?.licenceNo ?? '' })
      .getByText('扫码签到'),
  ).toBeVisible();
  await staff.close();
});
