import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import type { Session, Signup, Trainer, TrainingKpis } from './training.api.ts';

// The training pages' tests: who signs in, and what the server answers.

export const marketing: CurrentUser = {
  id: 2,
  username: 'marketing',
  displayName: '营销中心 林',
  role: 'marketing',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: { id: 1, name: '漳州市烟草公司' },
  scope: { kind: 'org', orgUnitId: 1, orgUnitName: '漳州市烟草公司' },
  mustChangePassword: false,
  deploymentOperator: false,
};

export const service: CurrentUser = {
  ...marketing,
  id: 31,
  username: 'service01',
  displayName: '服务中心 陈',
  role: 'service',
};

export const session: Session = {
  id: 7,
  title: '品牌培育大课堂：新品卖点与陈列',
  kind: 'brand_classroom',
  description: '新品知识、陈列方法与真假烟识别。',
  branchId: null,
  branchName: null,
  trainer: { kind: 'staff', id: 31, name: '服务中心 陈' },
  place: '市公司三楼培训室',
  startsAt: '2026-12-10T06:30:00.000Z',
  endsAt: '2026-12-10T08:30:00.000Z',
  capacity: 30,
  segment: null,
  signupDeadline: '2026-12-08T09:00:00.000Z',
  cancelDeadline: '2026-12-09T09:00:00.000Z',
  status: 'open',
  questions: [{ text: '真烟的防伪标识在？', options: ['条盒封签', '烟丝'], answer: 0 }],
  passPercent: 60,
  confirmed: 2,
  waitlisted: 1,
  checkedIn: 1,
  passed: 1,
  ratings: 1,
  ratingAverage: 5,
  canManage: true,
  isTrainer: false,
};

const signup = (id: number, customerName: string, overrides: Partial<Signup> = {}): Signup => ({
  id,
  customerId: 100 + id,
  customerName,
  licenceNo: `3506021000${id}`,
  branchName: '芗城分公司',
  status: 'confirmed',
  waitlistPosition: null,
  signedUpAt: '2026-12-01T02:00:00.000Z',
  checkedInAt: null,
  checkInMethod: null,
  testScore: null,
  testPassed: null,
  rating: null,
  ratingComment: null,
  certificate: false,
  ...overrides,
});

export const signups: Signup[] = [
  signup(1, '万家福超市', {
    checkedInAt: '2026-12-10T06:35:00.000Z',
    checkInMethod: 'code',
    testScore: 100,
    testPassed: true,
    rating: 5,
    ratingComment: '很实用',
    certificate: true,
  }),
  signup(2, '红星便利'),
  signup(3, '好又多商行', { status: 'waitlisted', waitlistPosition: 1 }),
];

export const trainers: Trainer[] = [
  {
    customerId: 101,
    customerName: '万家福超市',
    licenceNo: '350602100001',
    branchName: '芗城分公司',
    topics: ['陈列', '真假识别'],
    active: true,
    designatedAt: '2026-03-01T02:00:00.000Z',
    sessionsLed: 3,
    hours: 6,
    ratings: 40,
    ratingAverage: 4.6,
  },
];

export const kpis: TrainingKpis = {
  from: '2025-12-31T16:00:00.000Z',
  to: '2026-12-31T16:00:00.000Z',
  rows: [
    {
      key: 4,
      label: '芗城分公司',
      sessions: 5,
      signups: 120,
      checkIns: 108,
      attendanceRate: 0.9,
      trainerHours: 10,
      inHouseTrainerHours: 4,
    },
  ],
  total: { signups: 120, checkIns: 108, attendanceRate: 0.9, trainerHours: 10 },
};

export function renderAt(path: string, routes: { path: string; element: ReactElement }[], user: CurrentUser) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProviders>
      <SignedInUserProvider user={user}>
        <RouterProvider router={router} />
      </SignedInUserProvider>
    </AppProviders>,
  );
  return router;
}
