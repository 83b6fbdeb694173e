import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../error-message.ts';
import { useSignedInUser } from './SignedInUser.tsx';
import { permissionsQuery } from './use-can.ts';

// Pages open once the user's permissions are known, so a button never appears a moment later
// (or flickers away). A user who must change their password first has none to wait for. What shows
// meanwhile, and on failure, is the caller's (the console's shell draws them without antd).
export function PermissionsGate({
  children,
  pending = null,
  renderError,
}: {
  children: ReactNode;
  pending?: ReactNode;
  renderError?: (error: unknown, retry: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const permissions = useQuery({ ...permissionsQuery(user.id), enabled: !user.mustChangePassword });
  if (user.mustChangePassword) return children;
  if (permissions.isPending) return pending;
  if (permissions.error) {
    const retry = () => void permissions.refetch();
    return renderError ? (
      renderError(permissions.error, retry)
    ) : (
      <p role="alert">{describeError(permissions.error, t)}</p>
    );
  }
  return children;
}
