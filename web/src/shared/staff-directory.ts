import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { staffDirectorySchema } from '../../../server/src/modules/organisation/organisation.contract.ts';
import { api } from './api-client.ts';
import type { Wire } from './wire.ts';

export type StaffDirectoryEntry = Wire<typeof staffDirectorySchema>['items'][number];

// 员工名录 (GET /users/directory): the colleagues the caller's scope sees, for naming an owner —
// by a name or username fragment, at most 50. Readable by every staff role (GET /users is the
// admin's). The search waits for a pause in typing.
export function useStaffDirectory(search: string, role?: StaffDirectoryEntry['role']) {
  const [q, setQ] = useState(search.trim());
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  return useQuery({
    queryKey: ['users', 'directory', q, role ?? ''],
    queryFn: () =>
      api.get<Wire<typeof staffDirectorySchema>>('/users/directory', { q: q || undefined, role, limit: 50 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
