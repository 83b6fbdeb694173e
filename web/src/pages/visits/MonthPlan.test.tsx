import { cleanup, configure, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import { grants, stubApi } from '../../test/api-stub.ts';
import { VisitsPage } from './index.tsx';
import type { PlanItem } from './visits.api.ts';

const manager: CurrentUser = {
  id: 5,
  username: 'manager01',
  displayName: '客户经理 王磊',
  role: 'manager',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: { id: 3, name: '芗城营销部' },
  scope: { kind: 'own' },
  mustChangePassword: false,
  deploymentOperator: false,
};

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  // 2026-12-02 10:00 in Beijing; only the clock is faked, timers stay real.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-02T02:00:00Z'));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function item(id: number, customerName: string, date: string, extra: Partial<PlanItem> = {}): PlanItem {
  return {
    id,
    customerId: 100 + id,
    customerName,
    classCode: 'growth',
    managerId: 5,
    date,
    status: 'planned',
    source: 'generated',
    visitId: null,
    ...extra,
  };
}

function renderPlan(items: PlanItem[]) {
  stubApi({
    ...grants('POST /api/v1/visits/plan/items/:id/drop', 'POST /api/v1/visits/plans/generate'),
    'GET /visits/plan': {
      status: 200,
      body: { month: '2026-12', managerId: 5, workingDays: ['2026-12-01', '2026-12-02', '2026-12-03'], items },
    },
  });
  const router = createMemoryRouter([{ path: '/visits', element: <VisitsPage /> }], {
    initialEntries: ['/visits?tab=plan'],
  });
  render(
    <AppProviders>
      <SignedInUserProvider user={manager}>
        <RouterProvider router={router} />
      </SignedInUserProvider>
    </AppProviders>,
  );
}

const dayCard = (title: string) => {
  const card = screen.getAllByTestId('plan-day').find((element) => element.textContent?.startsWith(title));
  if (!card) throw new Error(`no card ${title}`);
  return card;
};

describe('VisitsPage 月计划', () => {
  it('shows a past visit never made as 未完成, with nothing to cancel; today and later can still be dropped', async () => {
    renderPlan([
      item(1, '惠民便利店', '2026-12-01'),
      item(2, '好运烟酒', '2026-12-01', { status: 'done', visitId: 9 }),
      item(3, '和顺商行', '2026-12-02'),
      item(4, '新华超市', '2026-12-03'),
    ]);
    await screen.findByText('惠民便利店');
    // Today's visit can still be dropped (once the permissions are in).
    expect(await within(dayCard('2026-12-02')).findByRole('button', { name: '取消' })).toBeTruthy();
    const yesterday = dayCard('2026-12-01');
    expect(within(yesterday).getByText('未完成')).toBeTruthy();
    expect(within(yesterday).getByText('已完成')).toBeTruthy();
    expect(within(yesterday).queryByRole('button', { name: '取消' })).toBeNull();
    expect(within(dayCard('2026-12-02')).getByRole('button', { name: '取消' })).toBeTruthy();
    expect(within(dayCard('2026-12-03')).getByRole('button', { name: '取消' })).toBeTruthy();
  });

  it('says how unclassified stores are planned only when the plan has some', async () => {
    renderPlan([item(1, '惠民便利店', '2026-12-02'), item(2, '好运烟酒', '2026-12-03', { classCode: 'ordinary' })]);
    await screen.findByText('惠民便利店');
    expect(screen.queryByText(/尚未分类的客户/)).toBeNull();
    cleanup();
    renderPlan([item(1, '惠民便利店', '2026-12-02'), item(2, '好运烟酒', '2026-12-03', { classCode: null })]);
    await screen.findByText('惠民便利店');
    expect(screen.getByText(/尚未分类的客户/)).toBeTruthy();
  });
});
