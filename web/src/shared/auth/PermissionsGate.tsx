import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FullPageError, FullPageSpin } from '../FullPageStatus.tsx';
import { useSignedInUser } from './SignedInUser.tsx';
import { permissionsQuery } from './use-can.ts';

// Pages open once the user's permissions are known, so a button never appears a moment later
// (or flickers away). A user who must change their password first has none to wait for.
export function PermissionsGate({ children }: { children: ReactNode }) {
  const user = useSignedInUser();
  const permissions = useQuery({ ...permissionsQuery(user.id), enabled: !user.mustChangePassword });
  if (user.mustChangePassword) return children;
  if (permissions.isPending) return <FullPageSpin />;
  if (permissions.error) return <FullPageError error={permissions.error} onRetry={() => void permissions.refetch()} />;
  return children;
}
