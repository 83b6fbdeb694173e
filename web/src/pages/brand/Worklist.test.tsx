import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, grants, sentBody, stubApi } from '../../test/api-stub.ts';
import type { WorklistItem } from './brand.api.ts';
import { manager, renderAt, summary } from './brand-test-fixtures.tsx';
import { BrandWorklistPage } from './Worklist.tsx';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const item = (customerId: number, name: string, extra: Partial<WorklistItem> = {}): WorklistItem => ({
  programmeId: 7,
  programmeName: summary.name,
  customerId,
  code: `350602100${customerId}`,
  name,
  managerId: 5,
  managerName: '客户经理 陈',
  status: 'not_shelved',
  reason: '期内未订购目标产品',
  plannedThisWeek: false,
  ...extra,
});

function renderWorklist(operations: string[]) {
  const fetchMock = stubApi({
    ...grants(...operations),
    'GET /brand-programmes': { status: 200, body: { items: [summary] } },
    'GET /brand-worklist': {
      status: 200,
      body: {
        items: [
          item(280, '芗城便民店'),
          item(281, '胜利烟酒行', { status: 'not_reordered', reason: '10月第2周后未再订购' }),
          item(282, '新华超市', { status: 'over_stock', reason: '存销比 2.4，高于上限 1.5' }),
          item(283, '东方便利', { plannedThisWeek: true }),
        ],
      },
    },
    'POST /brand-worklist/plan': { status: 200, body: { added: 2, alreadyPlanned: 0 } },
  });
  renderAt('/brand-worklist', [{ path: '/brand-worklist', element: <BrandWorklistPage /> }], manager);
  return fetchMock;
}

describe('BrandWorklistPage', () => {
  it('lists the stores to follow up with the reason, filtered by status', async () => {
    renderWorklist([]);
    const row = (await screen.findByText('胜利烟酒行')).closest('tr') as HTMLElement;
    expect(within(row).getByText('未动销')).toBeTruthy();
    expect(within(row).getByText('10月第2周后未再订购')).toBeTruthy();
    expect(within(screen.getByText('东方便利').closest('tr') as HTMLElement).getByText('已在本周计划')).toBeTruthy();
    fireEvent.mouseDown(screen.getByLabelText('状态'));
    fireEvent.click(await screen.findByTitle('积压'));
    await waitFor(() => expect(screen.queryByText('胜利烟酒行')).toBeNull());
    expect(screen.getByText('新华超市')).toBeTruthy();
  });

  it('adds the selected stores to this week’s visit plan and says what happened', async () => {
    const fetchMock = renderWorklist(['POST /api/v1/brand-worklist/plan']);
    await screen.findByText('芗城便民店');
    const plan = screen.getByRole('button', { name: /加入本周拜访计划/ });
    expect(plan.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText('芗城便民店'));
    fireEvent.click(screen.getByLabelText('新华超市'));
    expect(screen.getByText('已选 2 家')).toBeTruthy();
    fireEvent.click(plan);
    expect(await screen.findByText('已加入本周拜访计划 2 家，0 家原已在计划中')).toBeTruthy();
    const calls = callsTo(fetchMock, 'POST', '/brand-worklist/plan');
    expect(calls).toHaveLength(1);
    expect(sentBody(calls[0])).toEqual({ customerIds: [280, 282] });
  });

  it('offers no plan button to a role the server does not let plan', async () => {
    renderWorklist([]);
    await screen.findByText('芗城便民店');
    expect(screen.queryByRole('button', { name: /加入本周拜访计划/ })).toBeNull();
  });
});
