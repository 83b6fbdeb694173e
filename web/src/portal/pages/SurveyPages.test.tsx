import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { callsTo, sentBody, stubApi } from '../../test/api-stub.ts';
import { renderPortalPages } from '../../test/portal-pages.tsx';
import { SurveyAnswerPage } from './SurveyAnswerPage.tsx';
import { SurveyHomeCard } from './SurveyHomeCard.tsx';
import { SurveyListPage } from './SurveyListPage.tsx';
import type { PortalSurvey, PortalSurveyItem } from './surveys.api.ts';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const retailer = {
  id: 900,
  username: '350602100009',
  displayName: '红星便利',
  role: 'retailer',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: null,
  scope: { kind: 'customer', customerId: 9 },
  mustChangePassword: false,
} as unknown as CurrentUser;

const wave = 'a1b2c3d4-0000-4000-8000-000000000001';

const item = (waveId: string, title: string, status: PortalSurveyItem['status'], answered: boolean, closesOn: string) =>
  ({ waveId, title, status, answered, opensOn: '2026-11-01', closesOn, kind: 'needs' }) satisfies PortalSurveyItem;
const items: PortalSurveyItem[] = [
  item('w-closed', '2025 年满意度调查', 'closed', false, '2025-12-20'),
  item(wave, '2026 年客户服务需求调查', 'open', false, '2026-12-31'),
  item('w-done', '2026 年上半年满意度调查', 'open', true, '2026-12-25'),
  item('w-soon', '新品试销反馈', 'open', false, '2026-12-10'),
];

// Two pages: the need items (required), then the NPS question.
const definition = {
  pages: [
    {
      name: 'needs',
      elements: [
        {
          type: 'checkbox',
          name: 'needs',
          title: '您最需要哪些服务？',
          kewoRole: 'needs',
          isRequired: true,
          choices: [
            { value: 'settlement', text: '结算与刷卡服务' },
            { value: 'display', text: '陈列指导' },
          ],
        },
      ],
    },
    {
      name: 'nps',
      elements: [
        {
          type: 'rating',
          name: 'nps',
          title: '您愿意向同行推荐网上订货吗？',
          kewoRole: 'nps',
          rateMin: 0,
          rateMax: 10,
        },
      ],
    },
  ],
};

const open: PortalSurvey = {
  waveId: wave,
  title: '2026 年客户服务需求调查',
  status: 'open',
  answered: false,
  closesOn: '2026-12-31',
  survey: definition,
  draft: null,
  response: null,
};

function renderAt(path: string) {
  return renderPortalPages(
    [
      { path: '/portal', element: <SurveyHomeCard />, card: true },
      { path: '/portal/mine/surveys', element: <SurveyListPage /> },
      { path: '/portal/mine/surveys/:waveId', element: <SurveyAnswerPage /> },
    ],
    path,
    retailer,
  );
}

const problem = (status: number, code: string, detail: string) => ({
  status,
  body: { type: 'about:blank', title: 'Error', status, code, detail },
});

describe('问卷 on the portal home', () => {
  it('shows the open questionnaire closing soonest, links to it, and counts the others', async () => {
    stubApi({ 'GET /portal/surveys': { status: 200, body: { items } } });
    renderAt('/portal');
    const card = await screen.findByTestId('portal-survey-card');
    expect(within(card).getByText('新品试销反馈')).toBeTruthy();
    expect(within(card).getByText('2026-12-10 截止')).toBeTruthy();
    expect(within(card).getByRole('link', { name: '去填写' }).getAttribute('href')).toBe('/portal/mine/surveys/w-soon');
    expect(within(card).getByRole('link', { name: '另有 1 份问卷待填写' }).getAttribute('href')).toBe(
      '/portal/mine/surveys',
    );
  });

  it('shows nothing when every questionnaire is answered or closed, or the list fails', async () => {
    const api = stubApi({ 'GET /portal/surveys': { status: 200, body: { items: [items[0], items[2]] } } });
    renderAt('/portal');
    await waitFor(() => expect(callsTo(api, 'GET', '/portal/surveys')).toHaveLength(1));
    expect(screen.queryByTestId('portal-survey-card')).toBeNull();
  });
});

describe('我的问卷', () => {
  it('lists the questionnaires to answer first, then answered, then closed', async () => {
    stubApi({ 'GET /portal/surveys': { status: 200, body: { items } } });
    renderAt('/portal/mine/surveys');
    const rows = await screen.findAllByTestId('portal-survey-row');
    expect(rows.map((row) => row.textContent)).toEqual([
      '新品试销反馈2026-12-10 截止待填写',
      '2026 年客户服务需求调查2026-12-31 截止待填写',
      '2026 年上半年满意度调查2026-12-25 截止已提交',
      '2025 年满意度调查2025-12-20 截止已结束',
    ]);
    expect(rows[1]?.getAttribute('href')).toBe(`/portal/mine/surveys/${wave}`);
  });

  it('says when there is nothing to answer', async () => {
    stubApi({ 'GET /portal/surveys': { status: 200, body: { items: [] } } });
    renderAt('/portal/mine/surveys');
    expect(await screen.findByText('目前没有需要填写的问卷。')).toBeTruthy();
  });
});

describe('answering a questionnaire', () => {
  it('saves a draft at each page turn, submits the answers and thanks the store', async () => {
    const api = stubApi({
      [`GET /portal/surveys/${wave}`]: { status: 200, body: open },
      [`PUT /portal/surveys/${wave}/draft`]: { status: 204 },
      [`POST /portal/surveys/${wave}/responses`]: {
        status: 201,
        body: { id: 'r1', submittedAt: '2026-12-02T02:00:00.000Z' },
      },
    });
    renderAt(`/portal/mine/surveys/${wave}`);
    // The checkbox question's title shows twice: as text and as its group's hidden legend.
    expect(await screen.findByText('您最需要哪些服务？', { selector: 'span' }, { timeout: 20_000 })).toBeTruthy();
    expect(screen.queryByTestId('portal-survey-resumed')).toBeNull();

    // Required: the next page waits for an answer.
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(await screen.findByText('请填写此问题')).toBeTruthy();
    expect(callsTo(api, 'PUT', `/portal/surveys/${wave}/draft`)).toHaveLength(0);

    fireEvent.click(screen.getByText('结算与刷卡服务'));
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(await screen.findByText('您愿意向同行推荐网上订货吗？')).toBeTruthy();
    await waitFor(() => expect(callsTo(api, 'PUT', `/portal/surveys/${wave}/draft`)).toHaveLength(1));
    expect(sentBody(callsTo(api, 'PUT', `/portal/surveys/${wave}/draft`)[0])).toEqual({
      data: { needs: ['settlement'] },
      page: 1,
    });

    fireEvent.click(screen.getByText('9'));
    fireEvent.click(screen.getByRole('button', { name: '提交问卷' }));
    expect(await screen.findByText('提交成功，感谢您的参与！')).toBeTruthy();
    expect(sentBody(callsTo(api, 'POST', `/portal/surveys/${wave}/responses`)[0])).toEqual({
      data: { needs: ['settlement'], nps: 9 },
    });
  });

  it('restores a saved draft on the page it was left', async () => {
    stubApi({
      [`GET /portal/surveys/${wave}`]: {
        status: 200,
        body: { ...open, draft: { data: { needs: ['display'] }, page: 1 } },
      },
    });
    renderAt(`/portal/mine/surveys/${wave}`);
    expect(await screen.findByText('您愿意向同行推荐网上订货吗？', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByTestId('portal-survey-resumed').textContent).toContain('已恢复上次填写的内容');
    fireEvent.click(screen.getByRole('button', { name: '上一页' }));
    const chosen = (await screen.findByText('陈列指导')).closest('label')?.querySelector('input') as HTMLInputElement;
    expect(chosen.checked).toBe(true);
  });

  it('says the questionnaire was already answered when the server refuses a second answer', async () => {
    stubApi({
      [`GET /portal/surveys/${wave}`]: {
        status: 200,
        body: { ...open, draft: { data: { needs: ['display'], nps: 10 }, page: 1 } },
      },
      [`POST /portal/surveys/${wave}/responses`]: problem(409, 'ALREADY_ANSWERED', '本店已经提交过这份问卷。'),
    });
    renderAt(`/portal/mine/surveys/${wave}`);
    fireEvent.click(await screen.findByRole('button', { name: '提交问卷' }, { timeout: 20_000 }));
    expect(await screen.findByText('您已经提交过这份问卷')).toBeTruthy();
    expect(screen.getByText('每家门店只需填写一次，感谢您的参与。')).toBeTruthy();
  });

  it('keeps the form open and says why when the answers are refused', async () => {
    stubApi({
      [`GET /portal/surveys/${wave}`]: {
        status: 200,
        body: { ...open, draft: { data: { needs: ['display'], nps: 10 }, page: 1 } },
      },
      [`POST /portal/surveys/${wave}/responses`]: problem(400, 'SURVEY_RESPONSE_INVALID', '第 2 题的答案超出范围。'),
    });
    renderAt(`/portal/mine/surveys/${wave}`);
    fireEvent.click(await screen.findByRole('button', { name: '提交问卷' }, { timeout: 20_000 }));
    expect(await screen.findByText('第 2 题的答案超出范围。')).toBeTruthy();
    expect(screen.getByText('您愿意向同行推荐网上订货吗？')).toBeTruthy();
  });

  it('shows the store its own answers, read-only, once answered', async () => {
    stubApi({
      [`GET /portal/surveys/${wave}`]: {
        status: 200,
        body: {
          ...open,
          answered: true,
          response: { data: { needs: ['display'], nps: 8 }, submittedAt: '2026-12-01T02:00:00.000Z' },
        },
      },
    });
    renderAt(`/portal/mine/surveys/${wave}`);
    expect(await screen.findByText('您已经提交过这份问卷')).toBeTruthy();
    const mine = screen.getByTestId('portal-survey-my-answers');
    expect(within(mine).getByText('我的答卷')).toBeTruthy();
    // Every page at once, nothing to change or submit.
    expect(await within(mine).findByText('您愿意向同行推荐网上订货吗？', {}, { timeout: 20_000 })).toBeTruthy();
    const chosen = within(mine).getByText('陈列指导').closest('label')?.querySelector('input') as HTMLInputElement;
    expect(chosen.checked).toBe(true);
    expect(within(mine).queryByRole('button', { name: '提交问卷' })).toBeNull();
  });

  it.each([
    ['an answered questionnaire', { status: 200, body: { ...open, answered: true } }, '您已经提交过这份问卷'],
    ['a closed wave', { status: 200, body: { ...open, status: 'closed' } }, '本次调查已结束'],
    ['a wave not sent to the store', problem(404, 'SURVEY_WAVE_NOT_FOUND', '找不到这次调查。'), '找不到这份问卷'],
    [
      'a wave closed on the server',
      problem(409, 'SURVEY_WAVE_CLOSED', '这次调查已于 12 月 1 日结束。'),
      '本次调查已结束',
    ],
  ])('says so for %s, without the form', async (_, reply, title) => {
    stubApi({ [`GET /portal/surveys/${wave}`]: reply });
    renderAt(`/portal/mine/surveys/${wave}`);
    expect(await screen.findByText(title)).toBeTruthy();
    expect(screen.queryByTestId('survey-form')).toBeNull();
    expect(screen.getByRole('button', { name: '返回我的问卷' })).toBeTruthy();
  });
});
