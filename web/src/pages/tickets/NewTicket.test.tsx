import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import type { TicketCategory } from '../../shared/tickets.api.ts';
import { stubApi } from '../../test/api-stub.ts';
import { NewTicketPage } from './NewTicket.tsx';

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

const category = (code: string, groupCode: TicketCategory['groupCode'], name: string): TicketCategory => ({
  code,
  groupCode,
  name,
  position: 1,
  firstResponseMinutes: 1440,
  resolutionMinutes: 2880,
  businessHours: false,
  active: true,
});

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('NewTicketPage', () => {
  it('files a phone complaint for the store found by search and opens the ticket', async () => {
    const bodies: unknown[] = [];
    stubApi({
      'GET /ticket-categories': {
        status: 200,
        body: [category('delivery', 'service', '送货服务'), category('quality', 'product', '产品质量')],
      },
      'GET /customers': {
        status: 200,
        body: {
          items: [{ id: 280, licenceNo: '350602100280', name: '芗城便民店', owner: '王芳', branchName: '芗城' }],
        },
      },
      'POST /tickets': (init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return {
          status: 201,
          body: { id: 41, status: 'assigned', firstResponseDueAt: '2026-11-25T00:00:00Z', resolutionDueAt: '' },
        };
      },
    });
    const router = createMemoryRouter(
      [
        { path: '/tickets/new', element: <NewTicketPage /> },
        { path: '/tickets/:id', element: <p>opened</p> },
      ],
      { initialEntries: ['/tickets/new'] },
    );
    render(
      <AppProviders>
        <SignedInUserProvider user={service}>
          <RouterProvider router={router} />
        </SignedInUserProvider>
      </AppProviders>,
    );
    // Without a store and a description the form does not go out.
    fireEvent.click(await screen.findByRole('button', { name: /保存并打开/ }));
    expect(await screen.findByText('请选择零售户')).toBeTruthy();
    expect(bodies).toHaveLength(0);

    const store = screen.getByRole('combobox', { name: '零售户' });
    fireEvent.mouseDown(store);
    fireEvent.change(store, { target: { value: '芗城' } });
    fireEvent.click(await screen.findByText('芗城便民店 · 350602100280 · 王芳'));
    fireEvent.click(screen.getByText('走访'));
    fireEvent.click(screen.getByText('紧急'));
    fireEvent.change(screen.getByLabelText('问题描述'), { target: { value: '送货迟到两小时' } });
    fireEvent.click(screen.getByRole('button', { name: /保存并打开/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/tickets/41'));
    expect(bodies).toEqual([
      {
        customerId: 280,
        type: 'complaint',
        channel: 'visit',
        priority: 'urgent',
        description: '送货迟到两小时',
      },
    ]);
  });
});
