import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, grants, sentBody, stubApi } from '../../test/api-stub.ts';
import { renderCustomerTab } from '../../test/customer-tab.tsx';
import { CustomerSurveys } from './components/CustomerSurveys.tsx';
import { VisitSurveys } from './components/VisitSurveys.tsx';
import type { CustomerSurveys as Answer, CustomerOpenSurvey } from './customer-surveys.api.ts';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const wave = 'a1b2c3d4-0000-4000-8000-000000000002';
const openSurvey: CustomerOpenSurvey = {
  waveId: wave,
  title: '2026 年客户满意度调查（第二期）',
  kind: 'satisfaction',
  closesOn: '2026-12-20',
  survey: {
    elements: [
      {
        type: 'rating',
        name: 'overall',
        title: '总体而言，您对我们的服务满意吗？',
        kewoRole: 'overall',
        isRequired: true,
        rateMin: 1,
        rateMax: 5,
      },
    ],
  },
};

const answers: Answer = {
  items: [
    {
      waveId: 'w1',
      responseId: 'r1',
      title: '2026 年客户服务需求调查',
      kind: 'needs',
      submittedAt: '2026-03-02T02:00:00.000Z',
      channel: 'portal',
      answers: [
        { title: '您最需要哪些服务？', value: '结算与刷卡服务、陈列指导' },
        { title: '最急需的服务（排序）', value: '1. 结算与刷卡服务 2. 陈列指导' },
      ],
    },
    {
      waveId: 'w2',
      responseId: 'r2',
      title: '2026 年客户满意度调查（第一期）',
      kind: 'satisfaction',
      submittedAt: '2026-06-10T06:30:00.000Z',
      channel: 'visit',
      answers: [{ title: '您愿意推荐吗？', value: '9' }],
    },
  ],
  open: [openSurvey],
};

describe('CustomerSurveys (360° tab)', () => {
  it('lists the store’s answers newest first, opening to each answer, and the questionnaires still to answer', async () => {
    stubApi({
      ...grants('POST /api/v1/surveys/waves/:id/responses'),
      'GET /customers/280/survey-responses': { status: 200, body: answers },
    });
    renderCustomerTab(<CustomerSurveys customerId={280} />, 'surveys');
    const answered = await screen.findByTestId('customer-surveys-answered');
    const headers = within(answered).getAllByRole('button');
    expect(headers.map((header) => header.textContent)).toEqual([
      expect.stringContaining('2026 年客户满意度调查（第一期）满意度调查走访代填提交于 2026-06-10 14:30'),
      expect.stringContaining('2026 年客户服务需求调查需求调查客户自填提交于 2026-03-02 10:00'),
    ]);
    fireEvent.click(headers[1] as HTMLElement);
    expect(await within(answered).findByText('结算与刷卡服务、陈列指导')).toBeTruthy();
    expect(within(answered).getByText('最急需的服务（排序）')).toBeTruthy();

    const open = screen.getByTestId('customer-surveys-open');
    expect(within(open).getByText('2026 年客户满意度调查（第二期）')).toBeTruthy();
    expect(within(open).getByText('2026-12-20 截止')).toBeTruthy();
    expect(await within(open).findByRole('button', { name: /现在作答/ })).toBeTruthy();
  });

  it('says so when the store has answered nothing, and offers no answering without the right', async () => {
    stubApi({ 'GET /customers/280/survey-responses': { status: 200, body: { items: [], open: [openSurvey] } } });
    renderCustomerTab(<CustomerSurveys customerId={280} />, 'surveys');
    expect(await screen.findByText('该客户还没有作答过问卷。')).toBeTruthy();
    expect(screen.getByText('2026 年客户满意度调查（第二期）')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /现在作答/ })).toBeNull();
  });
});

describe('VisitSurveys (the visit form’s section)', () => {
  it('answers an open questionnaire for the store in a drawer, sent with the store', async () => {
    let answered = false;
    const api = stubApi({
      ...grants('POST /api/v1/surveys/waves/:id/responses'),
      'GET /customers/280/survey-responses': () => ({
        status: 200,
        body: { items: [], open: answered ? [] : [openSurvey] },
      }),
      [`POST /surveys/waves/${wave}/responses`]: () => {
        answered = true;
        return { status: 201, body: { id: 'r3', submittedAt: '2026-12-02T02:00:00.000Z' } };
      },
    });
    renderCustomerTab(<VisitSurveys customerId={280} />, 'visits');
    const section = await screen.findByTestId('visit-surveys');
    expect(within(section).getByText('2026 年客户满意度调查（第二期）')).toBeTruthy();
    fireEvent.click(await within(section).findByRole('button', { name: /现在作答/ }));
    expect(await screen.findByText('代客户作答：2026 年客户满意度调查（第二期）')).toBeTruthy();
    expect(await screen.findByText('总体而言，您对我们的服务满意吗？', {}, { timeout: 20_000 })).toBeTruthy();
    fireEvent.click(screen.getByText('4'));
    fireEvent.click(screen.getByRole('button', { name: '提交问卷' }));
    expect(await screen.findByText('答卷已提交（走访代填）')).toBeTruthy();
    expect(sentBody(callsTo(api, 'POST', `/surveys/waves/${wave}/responses`)[0])).toEqual({
      customerId: 280,
      data: { overall: 4 },
    });
    // Answered, the questionnaire leaves the section (and the section, having nothing more, goes).
    await waitFor(() => expect(screen.queryByTestId('visit-surveys')).toBeNull());
  });

  it('shows nothing when the store has no open questionnaire', async () => {
    const api = stubApi({
      ...grants('POST /api/v1/surveys/waves/:id/responses'),
      'GET /customers/280/survey-responses': { status: 200, body: { items: [], open: [] } },
    });
    renderCustomerTab(<VisitSurveys customerId={280} />, 'visits');
    await waitFor(() => expect(callsTo(api, 'GET', '/customers/280/survey-responses')).toHaveLength(1));
    expect(screen.queryByTestId('visit-surveys')).toBeNull();
  });
});
