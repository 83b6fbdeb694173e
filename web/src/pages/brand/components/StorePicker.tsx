import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type StoreHit, useStoreSearch } from '../brand.api.ts';

// Stores chosen by name or licence number (GET /customers?q=…), as an antd form control. A store
// already chosen keeps its label while the search moves on; one saved before shows as #id until
// found again (the programme carries only the ids).
export function StorePicker({
  value,
  onChange,
  id,
}: {
  value?: number[];
  onChange?: (value: number[]) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [known, setKnown] = useState<Map<number, StoreHit>>(new Map());
  const search = useStoreSearch(q);
  const hits = search.data?.items ?? [];
  const labelOf = (store: StoreHit) => `${store.name}（${store.licenceNo}）`;
  const chosen = (value ?? []).map((storeId) => {
    const store = known.get(storeId) ?? hits.find((hit) => hit.id === storeId);
    return { value: storeId, label: store ? labelOf(store) : `#${storeId}` };
  });
  const options = [
    ...chosen,
    ...hits.filter((hit) => !(value ?? []).includes(hit.id)).map((hit) => ({ value: hit.id, label: labelOf(hit) })),
  ];

  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setQ}
      notFoundContent={search.isFetching ? <Spin size="small" /> : null}
      placeholder={t('brand.editor.customersPlaceholder')}
      aria-label={t('brand.editor.customers')}
      value={value ?? []}
      options={options}
      onChange={(ids) => {
        const next = new Map(known);
        for (const hit of hits) if (ids.includes(hit.id)) next.set(hit.id, hit);
        setKnown(next);
        onChange?.(ids);
      }}
    />
  );
}
