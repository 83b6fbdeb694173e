import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../shared/AppProviders.tsx';
import { sentBody, stubApi } from '../../../test/api-stub.ts';
import type { CustomField } from '../customer-fields.api.ts';
import { CustomFieldFormModal } from './CustomFieldFormModal.tsx';

// The whole web suite on a busy machine: antd's modal and form take more than the default second.
configure({ asyncUtilTimeout: 5_000 });

const shopArea: CustomField = {
  id: 1,
  key: 'shop_area',
  label: '营业面积',
  kind: 'number',
  options: [],
  required: false,
  position: 1,
  active: true,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CustomFieldFormModal', () => {
  it('keeps what the user changed when the list is fetched again while the dialog is open', async () => {
    const fetchMock = stubApi({ 'PATCH /customer-fields/1': { status: 200, body: { ...shopArea, active: false } } });
    const onClose = vi.fn();
    const view = (field: CustomField) => (
      <AppProviders>
        <CustomFieldFormModal field={field} isOpen onClose={onClose} />
      </AppProviders>
    );
    const { rerender } = render(view(shopArea));
    const active = await screen.findByRole('switch', { name: '启用' });
    await waitFor(() => expect(active.getAttribute('aria-checked')).toBe('true'));
    fireEvent.click(active);
    expect(active.getAttribute('aria-checked')).toBe('false');

    // A refetch of the list hands the dialog a new copy of the same field.
    rerender(view({ ...shopArea }));
    expect(screen.getByRole('switch', { name: '启用' }).getAttribute('aria-checked')).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fetchMock.mock.calls.map((call) => ({ method: call[1]?.method, body: sentBody(call) }))).toEqual([
      { method: 'PATCH', body: { active: false } },
    ]);
  });
});
