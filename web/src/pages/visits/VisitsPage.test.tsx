import { cleanup, configure, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { PermissionsGate } from '../../shared/auth/PermissionsGate.tsx';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import { callsTo, stubApi } from '../../test/api-stub.ts';
import { VisitsPage } from './index.tsx';
import type { Plan } from './visits.api.ts';

const inspector: CurrentUser = {
  id: 4,
  username: 'inspector',
  displayName: '专卖稽查 郑伟',
  role: 'inspector',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: { id: 3, name: '专卖科' },
  scope: { kind: 'org', orgUnitId: 1, orgUnitName: '漳州市烟草公司' },
  mustChangePassword: false,
  deploymentOperator: false,
};
const service: CurrentUser = { ...inspector, id: 3, username: 'service', role: 'service' };
const manager: CurrentUser = { ...inspector, id: 5, username: 'manager01', role: 'manager', scope: { kind: 'own' } };

// What GET /auth/permissions answers each (the part of it this page asks about): every staff
// role reads the plan; only the plan's adjusters (a manager on their own) may drop a visit.
const reading = ['GET /api/v1/visits/plan'];
const adjusting = [...reading, 'POST /api/v1/visits/plan/items/:id/drop', 'POST /api/v1/visits/plans/generate'];

// The page's month and "today" are Beijing's: the planned visit is today, so it is still to do.
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const plan: Plan = {
  month: today.slice(0, 7),
  managerId: 5,
  workingDays: [today],
  items: [
    {
      id: 11,
      customerId: 280,
      customerName: '红星便利',
      classCode: 'growth',
      managerId: 5,
      date: today,
      status: 'planned',
      source: 'generated',
      visitId: null,
    },
    {
      id: 12,
      customerId: 281,
      customerName: '万家福超市',
      classCode: 'ordinary',
      managerId: 5,
      date: today,
      status: 'done',
      source: 'generated',
      visitId: 90,
    },
  ],
};

function renderPlan(user: CurrentUser, operations: string[]) {
  const fetchMock = stubApi({
    'GET /auth/permissions': { status: 200, body: { operations } },
    'GET /visits/plan': { status: 200, body: plan },
    'GET /customers/reference': {
      status: 200,
      body: { managers: [{ id: 5, name: '客户经理 陈明', username: 'manager01' }], branches: [], districts: [] },
    },
  });
  const router = createMemoryRouter([{ path: '/visits', element: <VisitsPage /> }], {
    initialEntries: ['/visits?tab=plan'],
  });
  render(
    <AppProviders>
      <SignedInUserProvider user={user}>
        <PermissionsGate>
          <RouterProvider router={router} />
        </PermissionsGate>
      </SignedInUserProvider>
    </AppProviders>,
  );
  return fetchMock;
}

// Staff other than managers see a manager's plan once they pick the manager.
async function pickManager() {
  expect(await screen.findByText('选择一位客户经理，查看他本月的走访计划。')).toBeTruthy();
  const picker = screen.getByRole('combobox', { name: '选择客户经理' });
  fireEvent.mouseDown(picker);
  fireEvent.click(await screen.findByText('客户经理 陈明（manager01）'));
}

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('VisitsPage, the month plan', () => {
  it.each([
    ['an inspector', inspector],
    ['the service centre', service],
  ])('offers %s no 取消 on a planned visit, only its state', async (_name, user) => {
    const fetchMock = renderPlan(user, reading);
    await pickManager();
    expect(await screen.findByText('红星便利')).toBeTruthy();
    // One manager's plan is asked for, never the whole city's.
    expect(callsTo(fetchMock, 'GET', '/visits/plan').map(([input]) => String(input))).toEqual([
      expect.stringContaining('managerId=5'),
    ]);
    expect(screen.getByText('待走访')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /取\s*消/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /生成本月计划/ })).toBeNull();
    expect(document.querySelectorAll('[data-action]')).toHaveLength(0);
  });

  it('offers a manager 取消 on the planned visit (not on the done one), marked with its operation', async () => {
    renderPlan(manager, adjusting);
    expect(await screen.findByText('红星便利')).toBeTruthy();
    const drops = screen.getAllByRole('button', { name: /取\s*消/ });
    expect(drops).toHaveLength(1);
    expect(drops[0].getAttribute('data-action')).toBe('POST /api/v1/visits/plan/items/:id/drop');
    expect(screen.getByText('已完成')).toBeTruthy();
    expect(screen.getByRole('button', { name: /重新生成/ }).getAttribute('data-action')).toBe(
      'POST /api/v1/visits/plans/generate',
    );
  });
});
