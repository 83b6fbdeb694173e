import { readFileSync } from 'node:fs';
import unzipper from 'unzipper';
import { saveScreenshot } from './screenshot.ts';
import { expect as baseExpect, type Page, test } from './test.ts';

// 陈列创意大赛 from the judges' side: a judge (the demo's inspector) scores two entries of the
// open contest, blind, in the scoring dialog; the administrator — an organiser who does not judge
// — sees the ranking the scores make; then last season's published contest shows its ranking
// and its winners' booklet downloads: a real .docx (a zip) naming the winning stores.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

async function signIn(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('kewo-demo-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

type ContestRow = { id: number; title: string; status: 'open' | 'published'; isJudge: boolean };
type RankingRow = { rank: number | null; customerName: string; winner: boolean };

async function contestsOf(page: Page): Promise<ContestRow[]> {
  const response = await page.request.get('/api/v1/contests');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: ContestRow[] }).items;
}

test('a judge scores entries → the ranking shows → the booklet downloads', async ({ page }, testInfo) => {
  // 1. The judge: the open contest's entries, each with only their own score; two scored here.
  await signIn(page, 'inspector');
  const open = (await contestsOf(page)).find((contest) => contest.status === 'open' && contest.isJudge);
  expect(open, 'the demo has an open contest the inspector judges').toBeDefined();
  await page.goto('/contests');
  await expect(page.getByRole('heading', { name: '陈列创意大赛' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'contests-list');
  await page.getByRole('link', { name: open?.title }).click();
  await expect(page.getByText(/只能看到自己的评分/)).toBeVisible();
  await expect(page.getByRole('tab', { name: '排名' })).toHaveCount(0);
  await expect(page.getByTestId('contest-entry').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'contests-judge-entries');

  for (const [index, scores] of [
    [9, 8.5, 8, 9],
    [7, 8, 6.5, 7],
  ].entries()) {
    const card = page.getByTestId('contest-entry').filter({ has: page.getByRole('button', { name: /评\s*分/ }) });
    await expect(card.first()).toBeVisible();
    const store = (await card.first().locator('strong').first().textContent()) ?? '';
    await card
      .first()
      .getByRole('button', { name: /评\s*分/ })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText(/评分独立进行/)).toBeVisible();
    const inputs = dialog.getByRole('spinbutton');
    const count = await inputs.count();
    for (let criterion = 0; criterion < count; criterion += 1)
      await inputs.nth(criterion).fill(String(scores[criterion % scores.length]));
    await dialog.getByLabel(/评语/).fill(`第 ${index + 1} 件：陈列整齐，层次分明`);
    await expect(dialog.getByText(/加权得分：/)).toBeVisible();
    if (index === 0) await saveScreenshot(page, testInfo, 'contests-score-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: /提交评分/ }).click();
    // The first score's message may still be showing when the second is submitted.
    await expect(page.getByText('评分已提交').last()).toBeVisible();
    await expect(
      page
        .getByTestId('contest-entry')
        .filter({ hasText: store })
        .first()
        .getByText(/我的评分：/),
    ).toBeVisible();
  }

  // 2. The administrator organises without judging: the ranking, mean of the judges, tie-break in words.
  await signIn(page, 'admin');
  await page.goto(`/contests/${open?.id}`);
  await page.getByRole('tab', { name: '排名' }).click();
  const ranking = page.getByTestId('contest-ranking');
  await expect(ranking.getByRole('row').nth(1)).toContainText(/^1/);
  await expect(page.getByText(/同分时依次比较/)).toBeVisible();
  await expect(page.getByRole('button', { name: /发布结果/ })).toBeVisible();
  await saveScreenshot(page, testInfo, 'contests-ranking-open');

  // 3. Last season's published contest: its ranking and the booklet.
  const published = (await contestsOf(page)).find((contest) => contest.status === 'published');
  expect(published, 'the demo has a published contest').toBeDefined();
  const stored = (await (await page.request.get(`/api/v1/contests/${published?.id}/ranking`)).json()) as {
    items: RankingRow[];
  };
  const winners = stored.items.filter((item) => item.winner).map((item) => item.customerName);
  expect(winners.length).toBeGreaterThan(0);
  await page.goto(`/contests/${published?.id}`);
  await page.getByRole('tab', { name: '排名' }).click();
  await expect(page.getByTestId('contest-ranking').getByText(winners[0]).first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'contests-ranking-published');

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('booklet-link').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/获奖作品集\.docx$/);
  const file = readFileSync((await download.path()) as string);
  expect([...file.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  const zip = await unzipper.Open.buffer(file);
  const documentXml = zip.files.find((entry) => entry.path === 'word/document.xml');
  expect(documentXml, 'the docx has word/document.xml').toBeDefined();
  const text = (await documentXml?.buffer())?.toString('utf8') ?? '';
  for (const winner of winners) expect(text).toContain(winner);
  expect(zip.files.some((entry) => entry.path.startsWith('word/media/'))).toBe(true);
});
