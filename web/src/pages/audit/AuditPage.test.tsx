import { cleanup, configure, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import { changeLocale } from '../../shared/i18n/i18n.ts';
import { stubApi } from '../../test/api-stub.ts';
import type { AuditEntry } from './audit.api.ts';
import { AuditPage } from './index.tsx';

const admin: CurrentUser = {
  id: 1,
  username: 'admin',
  displayName: '系统管理员',
  role: 'admin',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: { id: 1, name: '漳州市烟草公司' },
  scope: { kind: 'org', orgUnitId: 1, orgUnitName: '漳州市烟草公司' },
  mustChangePassword: false,
  deploymentOperator: false,
};

const entry = (id: number, fields: Partial<AuditEntry>): AuditEntry => ({
  id,
  at: '2026-12-02T02:00:00.000Z',
  actorId: null,
  actorName: 'demo',
  action: 'seed_demo',
  entity: 'customer',
  entityId: '',
  before: null,
  after: null,
  ip: 'local',
  ...fields,
});

// What the demo leaves in the trail: seeded data by no one user, a set-wide change recorded with
// id 0 by older versions, and staff's own writes.
const entries: AuditEntry[] = [
  entry(5, { action: 'seed_demo', entity: 'customer', after: { customers: 24000 } }),
  entry(4, { action: 'compute', entity: 'classification_run', entityId: '0' }),
  entry(3, { actorId: 2, actorName: '营销中心 林晓东', action: 'set_products', entity: 'order_cycle', entityId: '12' }),
  entry(2, { actorId: null, actorName: 'sla-sweep', action: 'transition:resolved', entity: 'ticket', entityId: '77' }),
];

function renderPage() {
  const router = createMemoryRouter([{ path: '/', element: <AuditPage /> }], { initialEntries: ['/'] });
  render(
    <AppProviders>
      <SignedInUserProvider user={admin}>
        <RouterProvider router={router} />
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
afterAll(() => changeLocale('zh-CN'));

const rowOf = async (text: string) => (await screen.findByText(text)).closest('tr') as HTMLElement;

describe('AuditPage', () => {
  it('says in Chinese what was done, to what and by whom, with no raw codes and no object 0', async () => {
    await changeLocale('zh-CN');
    stubApi({
      'GET /audit': { status: 200, body: { items: entries, nextCursor: null } },
      'GET /users': { status: 200, body: { items: [], total: 0 } },
    });
    renderPage();
    const seeded = await rowOf('生成演示数据');
    expect(within(seeded).getByText('演示数据')).toBeTruthy();
    expect(within(seeded).getByText('客户')).toBeTruthy();
    expect(within(seeded).getByText('—')).toBeTruthy();
    const run = await rowOf('测算');
    expect(within(run).getByText('分类测算')).toBeTruthy();
    expect(within(run).getByText('—')).toBeTruthy();
    const cycle = await rowOf('设置投放卷烟');
    expect(within(cycle).getByText('营销中心 林晓东')).toBeTruthy();
    expect(within(cycle).getByText('订货周期')).toBeTruthy();
    expect(within(cycle).getByRole('link', { name: '12' }).getAttribute('href')).toBe('/supply/cycles/12');
    const ticket = await rowOf('转为“已办结”');
    expect(within(ticket).getByText('时限巡检任务')).toBeTruthy();
    const table = screen.getByRole('table');
    for (const code of ['seed_demo', 'set_products', 'classification_run', 'order_cycle', 'sla-sweep'])
      expect(within(table).queryByText(code)).toBeNull();
    expect(within(table).queryByText('demo')).toBeNull();
    expect(within(table).queryByText('0')).toBeNull();
  });

  it('says it in English too', async () => {
    await changeLocale('en');
    stubApi({
      'GET /audit': { status: 200, body: { items: entries, nextCursor: null } },
      'GET /users': { status: 200, body: { items: [], total: 0 } },
    });
    renderPage();
    const seeded = await rowOf('Seed demo data');
    expect(within(seeded).getByText('Demo seed')).toBeTruthy();
    expect(within(seeded).getByText('Customer')).toBeTruthy();
    expect(await screen.findByText('Set products')).toBeTruthy();
    expect(screen.getByText('Classification run')).toBeTruthy();
  });
});
