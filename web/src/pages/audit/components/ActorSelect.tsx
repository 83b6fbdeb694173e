import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchUsers } from '../../../shared/users.api.ts';

// Pick a user by typing part of the name or username (searched on the server).
export function ActorSelect({ value, onChange }: { value?: number; onChange?: (value: number | undefined) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const users = useQuery({
    queryKey: ['users', 'actor-options', debounced],
    queryFn: () => fetchUsers({ q: debounced || undefined, limit: 20, offset: 0 }),
    staleTime: 60_000,
  });

  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(next) => onChange?.(next)}
      loading={users.isFetching}
      placeholder={t('audit.actor')}
      options={(users.data?.items ?? []).map((user) => ({
        value: user.id,
        label: `${user.displayName}（${user.username}）`,
      }))}
      style={{ width: 200 }}
    />
  );
}
