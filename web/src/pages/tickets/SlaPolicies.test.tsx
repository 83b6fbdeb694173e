import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { PermissionsGate } from '../../shared/auth/PermissionsGate.tsx';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import type { SlaPolicies } from '../../shared/tickets.api.ts';
import { stubApi, stubPermissions } from '../../test/api-stub.ts';
import { ChannelKeysPage } from './ChannelKeys.tsx';
import { SlaPoliciesPage } from './SlaPolicies.tsx';

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
const manager: CurrentUser = { ...service, id: 5, username: 'manager01', role: 'manager', scope: { kind: 'own' } };
const admin: CurrentUser = { ...service, id: 1, username: 'admin', role: 'admin' };

const targets = (fr: number, res: number) => ({ firstResponseMinutes: fr, resolutionMinutes: res, custom: false });
const policies: SlaPolicies = {
  categories: [
    {
      code: 'quality',
      groupCode: 'product',
      name: '产品质量',
      active: true,
      businessHours: false,
      targets: {
        low: targets(2160, 10800),
        normal: targets(1440, 7200),
        high: targets(1080, 5400),
        urgent: targets(720, 3600),
      },
    },
  ],
  calendar: { weekdays: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30', holidays: ['2027-02-10'], extraWorkdays: [] },
};

// What GET /auth/permissions answers each (the part of it these pages ask about).
const operationsOf: Record<string, string[]> = {
  service: ['PUT /api/v1/ticket-sla-policies', 'PUT /api/v1/ticket-calendar', 'PATCH /api/v1/ticket-categories/:code'],
  manager01: [],
  admin: ['POST /api/v1/ticket-channel-keys', 'POST /api/v1/ticket-channel-keys/:id/revoke'],
};

function renderPage(user: CurrentUser, element: React.ReactNode) {
  stubPermissions(operationsOf[user.username] ?? []);
  const router = createMemoryRouter([{ path: '/', element }], { initialEntries: ['/'] });
  render(
    <AppProviders>
      <SignedInUserProvider user={user}>
        <PermissionsGate>
          <RouterProvider router={router} />
        </PermissionsGate>
      </SignedInUserProvider>
    </AppProviders>,
  );
}

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SlaPoliciesPage', () => {
  it('saves the whole table in whole minutes, and refuses a resolution shorter than the first response', async () => {
    const bodies: unknown[] = [];
    stubApi({
      'GET /ticket-sla-policies': { status: 200, body: policies },
      'PUT /ticket-sla-policies': (init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return { status: 200, body: policies };
      },
    });
    renderPage(service, <SlaPoliciesPage />);
    const firstResponse = await screen.findByLabelText('产品质量 紧急 首次响应');
    fireEvent.change(firstResponse, { target: { value: '70' } });
    expect(await screen.findByText('办结不能短于首次响应')).toBeTruthy();
    expect(screen.getByRole('button', { name: /保存时限/ }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(firstResponse, { target: { value: '1.5' } });
    await waitFor(() => expect(screen.queryByText('办结不能短于首次响应')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: /保存时限/ }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect((bodies[0] as { cells: unknown[] }).cells).toContainEqual({
      categoryCode: 'quality',
      priority: 'urgent',
      firstResponseMinutes: 90,
      resolutionMinutes: 3600,
    });
  });

  it('is read-only for a customer manager', async () => {
    stubApi({ 'GET /ticket-sla-policies': { status: 200, body: policies } });
    renderPage(manager, <SlaPoliciesPage />);
    expect(((await screen.findByLabelText('产品质量 紧急 首次响应')) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /保存时限/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /保存日历/ })).toBeNull();
    expect(screen.getByText('2027-02-10')).toBeTruthy();
  });
});

describe('ChannelKeysPage', () => {
  it('shows a new key once, in a dialog', async () => {
    stubApi({
      'GET /ticket-channel-keys': { status: 200, body: [] },
      'POST /ticket-channel-keys': { status: 201, body: { id: 4, channel: 'sms', key: 'kgw_secret' } },
    });
    renderPage(admin, <ChannelKeysPage />);
    fireEvent.change(await screen.findByLabelText('渠道'), { target: { value: 'sms' } });
    fireEvent.click(screen.getByRole('button', { name: /发放密钥/ }));
    expect(await screen.findByText('kgw_secret')).toBeTruthy();
    expect(screen.getByText('请立即复制并妥善保存：关闭后将无法再次查看。')).toBeTruthy();
  });
});
