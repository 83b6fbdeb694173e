import { useTranslation } from 'react-i18next';
import type { CurrentUser } from './current-user.ts';

// How a user's data scope reads on screen: the unit's name, or "own customers" / "my store".
export function useDataScopeLabel(): (user: Pick<CurrentUser, 'scope' | 'orgUnit'>) => string {
  const { t } = useTranslation();
  return (user) => {
    switch (user.scope.kind) {
      case 'org':
        return user.scope.orgUnitName ?? user.orgUnit?.name ?? '—';
      case 'own':
        return t('home.scopeOwn');
      case 'customer':
        return t('home.scopeCustomer');
    }
  };
}
