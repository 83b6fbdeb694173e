import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../shared/AppProviders.tsx';
import type { CurrentUser } from '../../shared/auth/current-user.ts';
import { PermissionsGate } from '../../shared/auth/PermissionsGate.tsx';
import { SignedInUserProvider } from '../../shared/auth/SignedInUser.tsx';
import { stubApi, stubPermissions } from '../../test/api-stub.ts';
import { ProductsPage } from './index.tsx';
import type { Product } from './products.api.ts';

// The whole web suite on a busy machine: antd's drawer and form take more than the default second.
vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

const marketing: CurrentUser = {
  id: 2,
  username: 'marketing',
  displayName: '营销中心 林晓东',
  role: 'marketing',
  tenant: { id: 1, name: '漳州市烟草公司' },
  orgUnit: { id: 2, name: '营销中心' },
  scope: { kind: 'org', orgUnitId: 1, orgUnitName: '漳州市烟草公司' },
  mustChangePassword: false,
  deploymentOperator: false,
};

const manager: CurrentUser = { ...marketing, id: 5, username: 'manager01', role: 'manager', scope: { kind: 'own' } };

const zhonghua: Product = {
  id: 7,
  code: '6901028075862',
  brand: '中华',
  name: '中华(硬)',
  priceClass: 1,
  wholesalePrice: 376.3,
  retailPrice: 450,
  status: 'active',
  isNew: true,
  createdAt: '2026-11-23T02:00:00Z',
  updatedAt: '2026-11-23T02:00:00Z',
};

const brands = { items: [{ brand: '中华', count: 12 }] };

// What GET /auth/permissions answers each (the part of it these pages ask about).
const operationsOf: Record<string, string[]> = {
  marketing: ['POST /api/v1/products', 'PATCH /api/v1/products/:id', 'POST /api/v1/products/import'],
  manager01: [],
};

function renderAt(user: CurrentUser, entry: string) {
  stubPermissions(operationsOf[user.username] ?? []);
  const router = createMemoryRouter([{ path: '/products', element: <ProductsPage /> }], { initialEntries: [entry] });
  render(
    <AppProviders>
      <SignedInUserProvider user={user}>
        <PermissionsGate>
          <RouterProvider router={router} />
        </PermissionsGate>
      </SignedInUserProvider>
    </AppProviders>,
  );
  return router;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ProductsPage', () => {
  it('asks the API for the view in the URL and shows prices in yuan, zh-CN formatted', async () => {
    const fetchMock = stubApi({
      'GET /products': { status: 200, body: { items: [zhonghua], total: 1234, nextCursor: 'next' } },
      'GET /products/brands': { status: 200, body: brands },
    });
    renderAt(marketing, '/products?brand=中华&priceClass=1&isNew=true');
    expect(await screen.findByText('共 1,234 个规格')).toBeTruthy();
    const row = screen.getByText('中华(硬)').closest('tr') as HTMLElement;
    expect(within(row).getByText('¥376.30')).toBeTruthy();
    expect(within(row).getByText('¥450.00')).toBeTruthy();
    expect(within(row).getByText('16.4%')).toBeTruthy();
    expect(within(row).getByText('新品')).toBeTruthy();
    expect(within(row).getByText('一类')).toBeTruthy();
    const listCall = fetchMock.mock.calls
      .map(([url]) => String(url))
      .find((url) => url.startsWith('/api/v1/products?'));
    expect(Object.fromEntries(new URL(listCall ?? '', 'http://localhost').searchParams)).toEqual({
      brand: '中华',
      priceClass: '1',
      isNew: 'true',
      limit: '50',
    });
    expect(screen.getByRole('button', { name: /新建规格/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /导\s*入/ })).toBeTruthy();
  });

  it('clears every filter, the selects included', async () => {
    const fetchMock = stubApi({
      'GET /products': { status: 200, body: { items: [zhonghua], total: 1, nextCursor: null } },
      'GET /products/brands': { status: 200, body: brands },
    });
    const router = renderAt(marketing, '/products?brand=中华&priceClass=1&status=active');
    const shown = (label: string) =>
      screen.getByRole('combobox', { name: label }).closest('.ant-select')?.textContent ?? '';
    await waitFor(() => expect(shown('价类')).toBe('一类'));
    expect(shown('状态')).toBe('在销');
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await waitFor(() => expect(shown('价类')).toBe('全部价类'));
    expect(shown('品牌')).toBe('全部品牌');
    expect(shown('状态')).toBe('全部状态');
    expect(String(fetchMock.mock.calls.at(-1)?.[0])).toBe('/api/v1/products?limit=50');
  });

  it('offers a manager reading and export only', async () => {
    stubApi({
      'GET /products': { status: 200, body: { items: [zhonghua], total: 1, nextCursor: null } },
      'GET /products/brands': { status: 200, body: brands },
    });
    renderAt(manager, '/products');
    expect(await screen.findByText('中华(硬)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /新建规格/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /导\s*入/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /编\s*辑/ })).toBeNull();
    expect(screen.getByRole('button', { name: /导\s*出/ })).toBeTruthy();
  });

  it('edits a product in the drawer, sending only what changed', async () => {
    const bodies: unknown[] = [];
    stubApi({
      'GET /products': { status: 200, body: { items: [zhonghua], total: 1, nextCursor: null } },
      'GET /products/brands': { status: 200, body: brands },
      'PATCH /products/7': (init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return { status: 200, body: { ...zhonghua, isNew: false } };
      },
    });
    renderAt(marketing, '/products');
    fireEvent.click(await screen.findByRole('button', { name: /编\s*辑/ }));
    const drawer = await screen.findByRole('dialog');
    await waitFor(() => expect((within(drawer).getByLabelText('品名规格') as HTMLInputElement).value).toBe('中华(硬)'));
    fireEvent.click(within(drawer).getByRole('switch'));
    fireEvent.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(bodies).toEqual([{ isNew: false }]));
  });

  it('refuses a retail price below wholesale before asking the server', async () => {
    const fetchMock = stubApi({
      'GET /products': { status: 200, body: { items: [], total: 0, nextCursor: null } },
      'GET /products/brands': { status: 200, body: brands },
    });
    renderAt(marketing, '/products');
    fireEvent.click(await screen.findByRole('button', { name: /新建规格/ }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('卷烟编码'), { target: { value: '53010101' } });
    fireEvent.change(within(drawer).getByLabelText('品名规格'), { target: { value: '中华(测试)' } });
    fireEvent.change(within(drawer).getByLabelText('批发价（元/条）'), { target: { value: '376.3' } });
    fireEvent.change(within(drawer).getByLabelText('建议零售价（元/条）'), { target: { value: '45' } });
    fireEvent.click(within(drawer).getByRole('button', { name: /新\s*建/ }));
    expect(await within(drawer).findByText('建议零售价须高于批发价')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('shows every bad cell of a refused import', async () => {
    stubApi({
      'GET /products': { status: 200, body: { items: [], total: 0, nextCursor: null } },
      'GET /products/brands': { status: 200, body: brands },
      'POST /products/import': {
        status: 422,
        body: {
          status: 422,
          code: 'PRODUCT_IMPORT_ROWS_INVALID',
          title: '无法处理',
          detail: '导入文件中有 1 处错误，未导入任何数据。',
          errorCount: 1,
          errors: [{ row: 3, column: '建议零售价(元/条)', value: '100', message: '建议零售价须高于批发价' }],
        },
      },
    });
    renderAt(marketing, '/products');
    fireEvent.click(await screen.findByRole('button', { name: /导\s*入/ }));
    const dialog = await screen.findByRole('dialog');
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'products.csv', { type: 'text/csv' })] } });
    fireEvent.click(await within(dialog).findByRole('button', { name: /开始导入/ }));
    expect(await within(dialog).findByText('发现 1 处错误，未导入任何数据')).toBeTruthy();
    expect(within(dialog).getByText('建议零售价须高于批发价')).toBeTruthy();
    expect(within(dialog).getByText('建议零售价(元/条)')).toBeTruthy();
  });
});
