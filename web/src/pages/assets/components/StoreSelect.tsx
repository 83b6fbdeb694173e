import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type StoreHit, useActiveStoreSearch } from '../assets.api.ts';

// A store in business, found by name or licence number; `onChange` also hands back the store, so
// the caller can show its name (a form, or the list's filter).
export function StoreSelect({
  value,
  onChange,
  ariaLabel,
  allowClear,
  style,
  selectedLabel,
}: {
  value?: number;
  // The chosen store's name when it is not among the search's hits (a filter read from the URL).
  selectedLabel?: string | null;
  onChange?: (id: number | undefined, store?: StoreHit) => void;
  ariaLabel: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const stores = useActiveStoreSearch(q);
  const items = stores.data?.items ?? [];
  const options = items.map((store) => ({ value: store.id, label: `${store.name}（${store.licenceNo}）` }));
  if (value !== undefined && !items.some((store) => store.id === value)) {
    options.unshift({ value, label: selectedLabel ?? t('assets.list.store') });
  }
  return (
    <Select
      showSearch
      allowClear={allowClear}
      filterOption={false}
      onSearch={setQ}
      notFoundContent={null}
      aria-label={ariaLabel}
      placeholder={t('assets.list.storePlaceholder')}
      loading={stores.isFetching}
      value={value}
      style={style}
      onChange={(id?: number) =>
        onChange?.(
          id,
          items.find((store) => store.id === id),
        )
      }
      options={options}
    />
  );
}
