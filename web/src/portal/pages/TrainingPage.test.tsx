import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { callsTo, sentBody, stubApi } from '../../test/api-stub.ts';
import { renderPortalPages } from '../../test/portal-pages.tsx';
import { TrainingPage } from './TrainingPage.tsx';
import { type PortalSession, scannedCheckIn, splitPortalSessions } from './training.api.ts';

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

const session = (overrides: Partial<PortalSession>): PortalSession => ({
  id: 1,
  title: '品牌培育大课堂：新品卖点',
  kind: 'brand_classroom',
  description: null,
  trainerName: '营销中心 林',
  place: '市公司三楼培训室',
  startsAt: '2099-12-10T06:30:00.000Z',
  endsAt: '2099-12-10T08:30:00.000Z',
  capacity: 30,
  seatsLeft: 12,
  signupDeadline: '2099-12-08T09:00:00.000Z',
  cancelDeadline: '2099-12-09T09:00:00.000Z',
  status: 'open',
  my: null,
  canSignUp: true,
  canCancel: false,
  canCheckIn: false,
  hasTest: true,
  certificateUrl: null,
  ...overrides,
});
const mine = (overrides: Partial<PortalSession>) =>
  session({
    id: 2,
    title: '法规与诚信经营',
    kind: 'law_integrity',
    canSignUp: false,
    my: {
      status: 'confirmed',
      waitlistPosition: null,
      checkedInAt: null,
      testScore: null,
      testPassed: null,
      rating: null,
    },
    ...overrides,
  });

function renderPage(path = '/portal/mine/training') {
  renderPortalPages([{ path: '/portal/mine/training', element: <TrainingPage /> }], path, retailer);
}

describe('TrainingPage (portal)', () => {
  it('signs up for an open session and says when it went to the waitlist', async () => {
    const fetchMock = stubApi({
      'GET /portal/trainings': { status: 200, body: { items: [session({})] } },
      'POST /portal/trainings/1/signups': { status: 201, body: { status: 'waitlisted', waitlistPosition: 3 } },
    });
    renderPage();
    const card = await screen.findByTestId('portal-training');
    expect(within(card).getByText('品牌培育大课堂：新品卖点')).toBeTruthy();
    expect(within(card).getByText(/剩余名额 12/)).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: '报 名' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/portal/trainings/1/signups')).toHaveLength(1));
    expect((await screen.findAllByText(/候补第 3 位/)).length).toBeGreaterThan(0);
  });

  it('checks in with a typed code and shows a wrong code’s error', async () => {
    let attempts = 0;
    const fetchMock = stubApi({
      'GET /portal/trainings': { status: 200, body: { items: [mine({ canCheckIn: true })] } },
      'POST /portal/trainings/2/check-in': () =>
        attempts++ === 0
          ? {
              status: 400,
              body: { status: 400, code: 'TRAINING_CODE_WRONG', title: '签到码不正确，请核对现场显示的签到码。' },
            }
          : { status: 200, body: { checkedInAt: '2099-12-10T06:35:00.000Z' } },
    });
    renderPage();
    const card = await screen.findByTestId('portal-training');
    expect(within(card).getByText('已报名')).toBeTruthy();
    const input = within(card).getByRole('textbox', { name: '签到码' });
    fireEvent.change(input, { target: { value: '12a3456' } });
    expect((input as HTMLInputElement).value).toBe('123456');
    fireEvent.click(within(card).getByRole('button', { name: '确认签到' }));
    expect(await within(card).findByText(/签到码不正确/)).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: '确认签到' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/portal/trainings/2/check-in')).toHaveLength(2));
    expect(sentBody(callsTo(fetchMock, 'POST', '/portal/trainings/2/check-in')[1])).toEqual({ code: '123456' });
  });

  it('checks in at once from a scanned link', async () => {
    const fetchMock = stubApi({
      'GET /portal/trainings': { status: 200, body: { items: [mine({ canCheckIn: true })] } },
      'POST /portal/trainings/2/check-in': { status: 200, body: { checkedInAt: '2099-12-10T06:35:00.000Z' } },
    });
    renderPage('/portal/mine/training?session=2&code=654321');
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/portal/trainings/2/check-in')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/portal/trainings/2/check-in')[0])).toEqual({ code: '654321' });
  });

  it('takes the post-test, rates the session and offers the certificate', async () => {
    const checkedIn = mine({
      my: {
        status: 'confirmed',
        waitlistPosition: null,
        checkedInAt: '2099-12-10T06:35:00.000Z',
        testScore: null,
        testPassed: null,
        rating: null,
      },
    });
    const fetchMock = stubApi({
      'GET /portal/trainings': { status: 200, body: { items: [checkedIn] } },
      'GET /portal/trainings/2/test': {
        status: 200,
        body: {
          passPercent: 60,
          questions: [
            { text: '真烟的防伪标识在？', options: ['条盒封签', '烟丝'] },
            { text: '明码标价应当？', options: ['一货一签', '不标'] },
          ],
        },
      },
      'POST /portal/trainings/2/test': { status: 200, body: { score: 100, passed: true, right: 2, total: 2 } },
      'POST /portal/trainings/2/rating': { status: 200, body: { rating: 5 } },
    });
    renderPage();
    const card = await screen.findByTestId('portal-training');
    fireEvent.click(within(card).getByRole('button', { name: '参加课后测试' }));
    fireEvent.click(await within(card).findByRole('radio', { name: '条盒封签' }));
    expect(within(card).getByRole('button', { name: '请回答全部题目' })).toBeTruthy();
    fireEvent.click(within(card).getByRole('radio', { name: '一货一签' }));
    fireEvent.click(within(card).getByRole('button', { name: '提交答卷' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/portal/trainings/2/test')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/portal/trainings/2/test')[0])).toEqual({ answers: [0, 0] });

    const stars = card.querySelectorAll('.ant-rate-star > div');
    fireEvent.click(stars[stars.length - 1] as HTMLElement);
    fireEvent.click(within(card).getByRole('button', { name: '提交评价' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST', '/portal/trainings/2/rating')).toHaveLength(1));
    expect(sentBody(callsTo(fetchMock, 'POST', '/portal/trainings/2/rating')[0])).toEqual({ rating: 5, comment: null });
  });

  it('offers the certificate of a passed session', async () => {
    stubApi({
      'GET /portal/trainings': {
        status: 200,
        body: {
          items: [
            mine({
              my: {
                status: 'confirmed',
                waitlistPosition: null,
                checkedInAt: '2026-12-01T06:35:00.000Z',
                testScore: 100,
                testPassed: true,
                rating: 5,
              },
              certificateUrl: '/api/v1/portal/trainings/2/certificate',
            }),
          ],
        },
      },
    });
    renderPage();
    const card = await screen.findByTestId('portal-training');
    expect(within(card).getByTestId('portal-certificate-link').getAttribute('href')).toBe(
      '/api/v1/portal/trainings/2/certificate',
    );
    expect(within(card).getByText('我的评价：5 星')).toBeTruthy();
  });

  it('says when nothing is open', async () => {
    stubApi({ 'GET /portal/trainings': { status: 200, body: { items: [] } } });
    renderPage();
    expect(await screen.findByText('暂时没有面向您的培训')).toBeTruthy();
  });
});

describe('portal training helpers', () => {
  it('puts my sessions first and leaves cancelled sign-ups among the others', () => {
    const cancelled = mine({
      id: 3,
      my: {
        status: 'cancelled',
        waitlistPosition: null,
        checkedInAt: null,
        testScore: null,
        testPassed: null,
        rating: null,
      },
    });
    const split = splitPortalSessions([session({}), mine({}), cancelled]);
    expect(split.mine.map((item) => item.id)).toEqual([2]);
    expect(split.open.map((item) => item.id)).toEqual([1, 3]);
  });
  it.each([
    ['?session=2&code=123456', { id: 2, code: '123456' }],
    ['?session=2&code=12345', null],
    ['?session=x&code=123456', null],
    ['', null],
  ])('reads %s', (search, expected) => expect(scannedCheckIn(search)).toEqual(expected));
});
