import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, grants, sentBody, stubApi } from '../../test/api-stub.ts';
import { SessionsPage } from './index.tsx';
import { KpiPage } from './KpiPage.tsx';
import { SessionPage } from './SessionPage.tsx';
import { compactSegment, sessionInputOf } from './session-form.ts';
import { TrainersPage } from './TrainersPage.tsx';
import { kpis, marketing, renderAt, service, session, signups, trainers } from './training-test-fixtures.tsx';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const routes = [
  { path: '/trainings', element: <SessionsPage /> },
  { path: '/trainings/:id', element: <SessionPage /> },
  { path: '/training-trainers', element: <TrainersPage /> },
  { path: '/training-kpis', element: <KpiPage /> },
];

describe('SessionsPage', () => {
  it('lists the year’s sessions with kind, trainer, seats and check-ins, and offers a new one to organisers', async () => {
    stubApi({
      ...grants('POST /api/v1/trainings'),
      'GET /trainings': { status: 200, body: { items: [session] } },
    });
    renderAt('/trainings', routes, marketing);
    const row = (await screen.findByText('品牌培育大课堂：新品卖点与陈列')).closest('tr') as HTMLElement;
    expect(within(row).getByText('品牌培育大课堂')).toBeTruthy();
    expect(within(row).getByText('服务中心 陈')).toBeTruthy();
    expect(within(row).getByText('2 / 30')).toBeTruthy();
    expect(within(row).getByText('候补 1')).toBeTruthy();
    expect(within(row).getByText('市公司')).toBeTruthy();
    expect(await screen.findByRole('button', { name: /新建培训/ })).toBeTruthy();
  });

  it('shows no new-session button to those the server does not let organise', async () => {
    stubApi({ ...grants(), 'GET /trainings': { status: 200, body: { items: [session] } } });
    renderAt('/trainings', routes, service);
    await screen.findByText('品牌培育大课堂：新品卖点与陈列');
    await waitFor(() => expect(screen.queryByRole('button', { name: /新建培训/ })).toBeNull());
  });
});

describe('SessionPage', () => {
  it('shows the sign-ups with check-in, test and rating, the waitlist in order, and marks attendance', async () => {
    const fetchMock = stubApi({
      ...grants('POST /api/v1/trainings/:id/attendance'),
      'GET /trainings/7': { status: 200, body: session },
      'GET /trainings/7/signups': { status: 200, body: { items: signups } },
      'POST /trainings/7/attendance': { status: 200, body: { customerId: 102, present: true } },
    });
    renderAt('/trainings/7', routes, marketing);
    expect(await screen.findByText(/报名 2 \/ 30，候补 1，签到 1，测试合格 1/)).toBeTruthy();
    const first = (await screen.findByText('万家福超市')).closest('tr') as HTMLElement;
    expect(within(first).getByText('扫码签到')).toBeTruthy();
    expect(within(first).getByText('100 分 合格')).toBeTruthy();
    expect(within(first).getByText('很实用')).toBeTruthy();
    expect(within(first).getByRole('link', { name: /证书/ }).getAttribute('href')).toBe(
      '/api/v1/trainings/7/certificates/101',
    );
    const second = screen.getByText('红星便利').closest('tr') as HTMLElement;
    fireEvent.click(within(second).getByRole('button', { name: '登记出勤' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/trainings/7/attendance')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/trainings/7/attendance')[0])).toEqual({
      customerId: 102,
      present: true,
    });
    fireEvent.click(screen.getByRole('tab', { name: /候补/ }));
    expect(await screen.findByText('好又多商行')).toBeTruthy();
  });

  it('shows the trainer the rotating check-in code and its QR code', async () => {
    stubApi({
      ...grants(),
      'GET /trainings/7': { status: 200, body: { ...session, canManage: false, isTrainer: true } },
      'GET /trainings/7/signups': { status: 200, body: { items: [] } },
      'GET /trainings/7/check-in-code': {
        status: 200,
        body: {
          code: '482913',
          validUntil: '2026-12-10T06:40:00.000Z',
          link: '/portal/mine/training?session=7&code=482913',
        },
      },
    });
    renderAt('/trainings/7', routes, service);
    fireEvent.click(await screen.findByRole('tab', { name: '签到码' }));
    expect(await screen.findByTestId('check-in-code-digits')).toBeTruthy();
    expect(screen.getByText('482913')).toBeTruthy();
    expect(screen.getByTestId('check-in-code').querySelector('canvas, svg')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /取消培训/ })).toBeNull();
  });

  it('tells other staff the code is for the trainer and organisers', async () => {
    const fetchMock = stubApi({
      ...grants(),
      'GET /trainings/7': { status: 200, body: { ...session, canManage: false } },
      'GET /trainings/7/signups': { status: 200, body: { items: [] } },
    });
    renderAt('/trainings/7', routes, service);
    fireEvent.click(await screen.findByRole('tab', { name: '签到码' }));
    expect(await screen.findByText(/只有本场培训的讲师和组织者/)).toBeTruthy();
    expect(callsTo(fetchMock, 'GET', '/trainings/7/check-in-code')).toHaveLength(0);
  });
});

describe('TrainersPage and KpiPage', () => {
  it('lists 内训师 with topics, sessions, hours and ratings', async () => {
    stubApi({
      ...grants('PUT /api/v1/trainings/trainers/:customerId'),
      'GET /trainings/trainers': { status: 200, body: { items: trainers } },
    });
    renderAt('/training-trainers', routes, marketing);
    const row = (await screen.findByText('万家福超市')).closest('tr') as HTMLElement;
    expect(within(row).getByText('真假识别')).toBeTruthy();
    expect(within(row).getByText('4.6（40）')).toBeTruthy();
    expect(within(row).getByText('在任')).toBeTruthy();
    expect(await screen.findByRole('button', { name: /认定内训师/ })).toBeTruthy();
  });

  it('shows attendance rate and trainer hours by branch with a total', async () => {
    const fetchMock = stubApi({ ...grants(), 'GET /trainings/kpis': { status: 200, body: kpis } });
    renderAt('/training-kpis', routes, marketing);
    const row = (await screen.findByText('芗城分公司')).closest('tr') as HTMLElement;
    expect(within(row).getByText('90%')).toBeTruthy();
    expect(screen.getByText('合计')).toBeTruthy();
    const url = String(fetchMock.mock.calls.find(([input]) => String(input).includes('/trainings/kpis'))?.[0]);
    expect(url).toContain(`from=${dayjs().startOf('year').format('YYYY-MM-DD')}`);
  });
});

describe('session form', () => {
  it('sends instants with their offset, options one a line, 1-based answers as indexes, and no empty segment', () => {
    const start = dayjs('2026-12-10T14:30:00+08:00');
    const input = sessionInputOf({
      title: ' 经营技能 ',
      kind: 'business_skills',
      trainerKind: 'store',
      trainerUserId: 5,
      trainerCustomerId: 101,
      place: '芗城分公司会议室',
      time: [start, start.add(2, 'hour')],
      capacity: 40,
      signupDeadline: start.subtract(1, 'day'),
      cancelDeadline: start.subtract(1, 'day'),
      segment: { classes: [], formats: [] },
      questions: [{ text: '题', options: 'A\n\n B \nC', answer: 2 }],
      passPercent: 80,
    });
    expect(input).toMatchObject({
      title: '经营技能',
      trainerUserId: null,
      trainerCustomerId: 101,
      segment: null,
      questions: [{ text: '题', options: ['A', 'B', 'C'], answer: 1 }],
      passPercent: 80,
    });
    expect(new Date(input.startsAt).toISOString()).toBe('2026-12-10T06:30:00.000Z');
    expect(compactSegment({ gradeMin: 5, formats: ['supermarket'] })).toEqual({
      formats: ['supermarket'],
      gradeMin: 5,
    });
  });
});
