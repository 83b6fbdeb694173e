import { cleanup, configure, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import type { TicketListItem } from '../../shared/tickets.api.ts';
import { stubApi } from '../../test/api-stub.ts';
import { TicketsPage } from './index.tsx';

const service: CurrentUser = {
  id: 3,
  username: 'service',
  displayName: '客服中心 陈静',
  role: 'service',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: { id: 2, name: '客服中心' },
  scope: { kind: 'org', orgUnitId: 1, orgUnitName: '漳州市烟草公司' },
  mustChangePassword: false,
  deploymentOperator: false,
};

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function ticket(id: number, storeName: string, extra: Partial<TicketListItem>): TicketListItem {
  return {
    id,
    type: 'complaint',
    channel: 'portal',
    status: 'in_progress',
    priority: 'normal',
    storeName,
    licenceNo: '350602100006',
    categoryName: '产品质量',
    assigneeName: '客服中心 陈静',
    description: '条盒破损',
    createdAt: '2026-12-01T01:00:00.000Z',
    firstRespondedAt: null,
    firstResponseDueAt: '2026-12-02T01:00:00.000Z',
    firstResponseSla: 'pending',
    resolvedAt: null,
    resolutionDueAt: '2026-12-03T01:00:00.000Z',
    resolutionSla: 'pending',
    escalated: false,
    rating: null,
    ...extra,
  };
}

function renderTickets(items: TicketListItem[]) {
  stubApi({
    'GET /tickets': { status: 200, body: { items, total: items.length } },
    'GET /tickets-workload': { status: 200, body: [] },
  });
  const router = createMemoryRouter([{ path: '/tickets', element: <TicketsPage /> }], {
    initialEntries: ['/tickets'],
  });
  render(
    <AppProviders>
      <SignedInUserProvider user={service}>
        <RouterProvider router={router} />
      </SignedInUserProvider>
    </AppProviders>,
  );
}

const rowOf = (storeName: string) => {
  const row = screen.getByText(storeName).closest('tr');
  if (!row) throw new Error(`no row for ${storeName}`);
  return row;
};

describe('TicketsPage 首次响应 column', () => {
  it('says when an answered ticket was answered, not its deadline', async () => {
    renderTickets([
      ticket(1, '芗城区惠民便利店', {
        firstRespondedAt: '2026-12-01T02:30:00.000Z',
        firstResponseSla: 'met',
      }),
    ]);
    await screen.findByText('芗城区惠民便利店');
    const row = rowOf('芗城区惠民便利店');
    expect(within(row).getByText('达标')).toBeTruthy();
    expect(within(row).getByText('2026-12-01 10:30 已响应')).toBeTruthy();
    expect(within(row).queryByText(/2026-12-02 09:00/)).toBeNull();
  });

  it('gives the deadline as a deadline while waiting, and when it was missed', async () => {
    renderTickets([ticket(2, '龙文区好运烟酒', {}), ticket(3, '漳浦县和顺商行', { firstResponseSla: 'breached' })]);
    await screen.findByText('龙文区好运烟酒');
    const waiting = rowOf('龙文区好运烟酒');
    // Both clocks still running: each says its own deadline.
    expect(within(waiting).getAllByText('计时中')).toHaveLength(2);
    expect(within(waiting).getByText('须于 2026-12-02 09:00 前')).toBeTruthy();
    expect(within(waiting).getByText('须于 2026-12-03 09:00 前')).toBeTruthy();
    const missed = rowOf('漳浦县和顺商行');
    expect(within(missed).getByText('超时')).toBeTruthy();
    expect(within(missed).getByText('须于 2026-12-02 09:00 前')).toBeTruthy();
  });

  it('gives the store column room of its own', async () => {
    renderTickets([ticket(4, '芗城区惠民便利店', {})]);
    await screen.findByText('芗城区惠民便利店');
    const header = screen.getByRole('columnheader', { name: '零售户' });
    const table = header.closest('table');
    const columnIndex = [...(header.parentElement?.children ?? [])].indexOf(header);
    const col = table?.querySelectorAll('colgroup col')[columnIndex];
    expect(col?.getAttribute('style')).toContain('width: 220px');
  });
});
