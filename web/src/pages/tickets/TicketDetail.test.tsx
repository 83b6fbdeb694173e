import { cleanup, configure, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { PermissionsGate } from '../../shared/auth/PermissionsGate.tsx';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import type { TicketDetail } from '../../shared/tickets.api.ts';
import { stubApi } from '../../test/api-stub.ts';
import { TicketDetailPage } from './TicketDetail.tsx';

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
const inspector: CurrentUser = {
  ...service,
  id: 4,
  username: 'inspector',
  displayName: '专卖稽查 郑伟',
  role: 'inspector',
};

// What GET /auth/permissions answers each (the part of it this page asks about): the server
// lets the service centre handle tickets, an inspector only read them.
const reading = ['GET /api/v1/tickets/:id', 'GET /api/v1/service-failures'];
const handling = [
  ...reading,
  'PATCH /api/v1/tickets/:id',
  'POST /api/v1/tickets/:id/replies',
  'POST /api/v1/tickets/:id/transitions',
  'POST /api/v1/tickets/:id/escalate',
];

const ticket: TicketDetail = {
  id: 7,
  type: 'complaint',
  channel: 'portal',
  status: 'in_progress',
  priority: 'normal',
  description: '送货员态度很差，还迟到了两个小时。',
  customerId: 280,
  storeName: '红星便利',
  licenceNo: '350602100562',
  storePhone: '18806360775',
  branchName: '市区营销部',
  categoryCode: 'attitude',
  categoryName: '服务态度',
  categoryGroup: 'service',
  assigneeId: 3,
  assigneeName: '客服中心 陈静',
  createdAt: '2026-12-01T02:00:00.000Z',
  firstRespondedAt: '2026-12-01T03:00:00.000Z',
  firstResponseDueAt: '2026-12-02T02:00:00.000Z',
  firstResponseSla: 'met',
  resolutionDueAt: '2026-12-06T02:00:00.000Z',
  resolutionSla: 'pending',
  waitingOnCustomer: false,
  escalated: false,
  resolvedAt: null,
  confirmedAt: null,
  closedAt: null,
  rating: null,
  reopenCount: 0,
  failure: null,
  // The workflow allows these from in_progress whoever asks; whether the caller may is a matter of role.
  allowedTransitions: ['resolved'],
  events: [],
  attachments: [],
} as unknown as TicketDetail;

function renderTicket(user: CurrentUser, operations: string[], shown: TicketDetail = ticket) {
  stubApi({
    'GET /auth/permissions': { status: 200, body: { operations } },
    'GET /tickets/7': { status: 200, body: shown },
    'GET /service-failures': { status: 200, body: [] },
  });
  const router = createMemoryRouter([{ path: '/tickets/:id', element: <TicketDetailPage /> }], {
    initialEntries: ['/tickets/7'],
  });
  render(
    <AppProviders>
      <SignedInUserProvider user={user}>
        {/* As in the console: pages open once the permissions are in. */}
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

describe('TicketDetailPage', () => {
  it('offers an inspector nothing the server would refuse: no move, no escalation, no reply box', async () => {
    renderTicket(inspector, reading);
    expect(await screen.findByText(ticket.description)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /已办结/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /升级/ })).toBeNull();
    expect(screen.queryByPlaceholderText('回复内容')).toBeNull();
    expect(screen.queryByRole('button', { name: /发\s*送/ })).toBeNull();
    expect(document.querySelectorAll('[data-action]')).toHaveLength(0);
  });

  it('offers the service centre the moves, escalation and reply box, each marked with its operation', async () => {
    renderTicket(service, handling);
    const resolve = await screen.findByRole('button', { name: /转为“已办结”/ });
    expect(resolve.getAttribute('data-action')).toBe('POST /api/v1/tickets/:id/transitions');
    const escalate = screen.getByRole('button', { name: /升级/ });
    expect(escalate.getAttribute('data-action')).toBe('POST /api/v1/tickets/:id/escalate');
    const reply = screen.getByPlaceholderText('回复内容');
    expect(reply.hasAttribute('disabled')).toBe(false);
    expect(reply.getAttribute('data-action')).toBe('POST /api/v1/tickets/:id/replies');
    const actions = [...document.querySelectorAll('[data-action]')].map((element) =>
      element.getAttribute('data-action'),
    );
    expect(actions.every((action) => handling.includes(action ?? ''))).toBe(true);
    // Nothing to judge until the ticket may be closed.
    expect(screen.queryByRole('combobox', { name: '投诉定性' })).toBeNull();
  });

  it('offers the judgement (属实 by default) with the close, and shows a closed ticket’s judgement', async () => {
    renderTicket(service, handling, { ...ticket, status: 'confirmed', allowedTransitions: ['closed', 'in_progress'] });
    expect(await screen.findByRole('button', { name: /转为“已关闭”/ })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '投诉定性' })).toBeTruthy();
    expect(screen.getByText('投诉定性：属实')).toBeTruthy();
    cleanup();
    renderTicket(service, handling, {
      ...ticket,
      status: 'closed',
      closedAt: '2026-12-03T02:00:00.000Z',
      judgement: 'unfounded',
      allowedTransitions: [],
    });
    expect(await screen.findByText('定性：不属实')).toBeTruthy();
  });
});
