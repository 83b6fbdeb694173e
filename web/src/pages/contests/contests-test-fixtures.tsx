import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import type { Contest, Entry, Ranking } from './contests.api.ts';

// The contest pages' tests: who signs in, and what the server answers for the seed city's contest.

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

export const judgeUser: CurrentUser = {
  ...marketing,
  id: 31,
  username: 'service01',
  displayName: '服务中心 陈',
  role: 'service',
};

export const contest: Contest = {
  id: 5,
  title: '2026 年冬季陈列创意大赛',
  rules: '每店限投一件作品，照片须为本店柜台实拍。',
  startsOn: '2026-11-01',
  entryDeadline: '2026-11-30',
  endsOn: '2026-12-20',
  criteria: [
    { key: 'c1', label: '创意性', weight: 40, maxScore: 10 },
    { key: 'c2', label: '整洁度', weight: 30, maxScore: 10 },
    { key: 'c3', label: '丰富度', weight: 30, maxScore: 10 },
  ],
  winnerCount: 2,
  status: 'open',
  judges: [
    { id: 31, displayName: '服务中心 陈' },
    { id: 32, displayName: '稽查 王' },
  ],
  entryCount: 3,
  isJudge: false,
  publishedAt: null,
};

const entry = (id: number, customerName: string, title: string, overrides: Partial<Entry> = {}): Entry => ({
  id,
  customerId: 100 + id,
  customerName,
  branchName: '芗城分公司',
  title,
  description: null,
  photoIds: [id * 10],
  submittedAt: '2026-11-10T02:00:00.000Z',
  myScore: null,
  canScore: false,
  ...overrides,
});

export const entries: Entry[] = [
  entry(1, '红星便利店', '烟柜焕新'),
  entry(2, '万家福超市', '品牌墙'),
  entry(3, '好又多商行', '节日主题陈列'),
];

export const ranking: Ranking = {
  contestId: 5,
  status: 'open',
  tieBreak: 'score = mean …',
  items: [
    {
      entryId: 2,
      rank: 1,
      score: 86.5,
      judges: 2,
      criteria: { c1: 0.9, c2: 0.85, c3: 0.8 },
      separatedBy: null,
      customerName: '万家福超市',
      title: '品牌墙',
      winner: true,
    },
    {
      entryId: 1,
      rank: 2,
      score: 80,
      judges: 2,
      criteria: { c1: 0.85, c2: 0.8, c3: 0.75 },
      separatedBy: 'score',
      customerName: '红星便利店',
      title: '烟柜焕新',
      winner: true,
    },
    {
      entryId: 3,
      rank: 3,
      score: 80,
      judges: 2,
      criteria: { c1: 0.8, c2: 0.8, c3: 0.8 },
      separatedBy: 'criterion:c1',
      customerName: '好又多商行',
      title: '节日主题陈列',
      winner: false,
    },
  ],
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
