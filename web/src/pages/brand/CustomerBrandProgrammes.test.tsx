import { cleanup, configure, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../../test/api-stub.ts';
import { renderCustomerTab } from '../../test/customer-tab.tsx';
import type { CustomerProgramme } from './brand.api.ts';
import { CustomerBrandProgrammes } from './components/CustomerBrandProgrammes.tsx';
import { VisitBrandChecklist } from './components/VisitBrandChecklist.tsx';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const active: CustomerProgramme = {
  programmeId: 7,
  name: '七匹狼（通系列）品牌培育',
  status: 'active',
  startDate: '2026-10-05',
  endDate: '2026-12-27',
  products: [{ id: 11, name: '七匹狼(通仙)' }],
  shelved: true,
  shelvedObserved: false,
  reordered: true,
  orderedCartons: 1234.5,
  stockCartons: 6,
  stockToSalesRatio: 2.25,
  flags: ['over_stock'],
  checklist: [{ kind: 'display', title: '通系列灯箱', date: '2026-12-03' }],
};
const closed: CustomerProgramme = {
  ...active,
  programmeId: 3,
  name: '三季度新品培育',
  status: 'closed',
  shelved: false,
  reordered: false,
  stockToSalesRatio: null,
  flags: [],
  checklist: [],
};

describe('CustomerBrandProgrammes (360° tab)', () => {
  it('shows the store’s programmes and its own three figures', async () => {
    stubApi({ 'GET /customers/280/brand-programmes': { status: 200, body: { items: [active, closed] } } });
    renderCustomerTab(<CustomerBrandProgrammes customerId={280} />, 'brand');
    const cards = await screen.findAllByTestId('customer-brand-programme');
    expect(cards).toHaveLength(2);
    const first = within(cards[0] as HTMLElement);
    expect(first.getByText('七匹狼（通系列）品牌培育')).toBeTruthy();
    expect(first.getByText('进行中')).toBeTruthy();
    expect(first.getByTestId('customer-brand-ratio').textContent).toBe('2.25');
    expect(first.getByText('积压')).toBeTruthy();
    expect(first.getByText(/订购 1,234.5 条/)).toBeTruthy();
    expect(within(cards[1] as HTMLElement).getByText('已结束')).toBeTruthy();
    expect(within(cards[1] as HTMLElement).getByTestId('customer-brand-ratio').textContent).toBe('—');
  });

  it('says so when the store is in no programme', async () => {
    stubApi({ 'GET /customers/280/brand-programmes': { status: 200, body: { items: [] } } });
    renderCustomerTab(<CustomerBrandProgrammes customerId={280} />, 'brand');
    expect(await screen.findByText('该客户不在任何培育项目中。')).toBeTruthy();
  });
});

describe('VisitBrandChecklist (the visit form’s section)', () => {
  it('lists the active programmes’ products and actions to tick off, and nothing of a closed one', async () => {
    stubApi({ 'GET /customers/280/brand-programmes': { status: 200, body: { items: [active, closed] } } });
    const onBrandChecks = vi.fn();
    renderCustomerTab(<VisitBrandChecklist customerId={280} onBrandChecks={onBrandChecks} />, 'brand');
    const section = await screen.findByTestId('visit-brand-checklist');
    expect(within(section).getByText('品牌培育检查项')).toBeTruthy();
    const product = within(section).getByLabelText('目标产品上柜：七匹狼(通仙)') as HTMLInputElement;
    fireEvent.click(product);
    expect(product.checked).toBe(true);
    expect(within(section).getByText('通系列灯箱')).toBeTruthy();
    expect(within(section).queryByText('三季度新品培育')).toBeNull();
    // What the visit record saves: every item of the active programme, ticked or not.
    await vi.waitFor(() =>
      expect(onBrandChecks).toHaveBeenLastCalledWith([
        { programmeId: 7, kind: 'product', title: '七匹狼(通仙)', done: true },
        { programmeId: 7, kind: 'display', title: '通系列灯箱', done: false },
      ]),
    );
  });

  it('renders nothing for a store without active programmes', async () => {
    const fetchMock = stubApi({ 'GET /customers/280/brand-programmes': { status: 200, body: { items: [closed] } } });
    renderCustomerTab(<VisitBrandChecklist customerId={280} />, 'brand');
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(screen.queryByTestId('visit-brand-checklist')).toBeNull();
  });
});
