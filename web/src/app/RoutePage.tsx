import { lazy, type ReactNode, Suspense, use, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../shared/auth/SignedInUser.tsx';
import { canAccess } from './access.ts';
import { loadEveryMessage } from './messages.ts';
import { PageSpinner } from './PageSpinner.tsx';
import type { ConsoleRoute } from './page-module.ts';

// One console page: access check, document title, lazy loading.
export function RoutePage({ route }: { route: ConsoleRoute }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const label = t(route.labelKey);
  const isAllowed = canAccess(user, route);

  useEffect(() => {
    document.title = `${label} · ${t('app.name')}`;
  }, [label, t]);

  if (!isAllowed) {
    return (
      <Suspense fallback={null}>
        <BackHomeResult status="403" title={t('errors.forbidden')} subTitle={t('errors.forbiddenDescription')} />
      </Suspense>
    );
  }
  const Page = route.page;
  return (
    <Suspense fallback={<PageSpinner />}>
      {firstScreenPaths.has(route.path) ? (
        <Page />
      ) : (
        <WithEveryMessage>
          <Page />
        </WithEveryMessage>
      )}
    </Suspense>
  );
}

// The home page is the console's first screen: its messages come with the entry (app/messages.ts).
const firstScreenPaths = new Set(['/']);

// Every other page waits (suspends) for every folder's messages, which it may read.
export function WithEveryMessage({ children }: { children: ReactNode }) {
  use(loadEveryMessage());
  return children;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={null}>
      <BackHomeResult status="404" title={t('errors.notFound')} subTitle={t('errors.notFoundDescription')} />
    </Suspense>
  );
}

// An error page with a way back to the console's home page (antd's Result and Button: a chunk of
// its own, not the console's first screen).
const BackHomeResult = lazy(() =>
  import('./BackHomeResult.tsx').then((module) => ({ default: module.BackHomeResult })),
);
