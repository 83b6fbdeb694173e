import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../shared/i18n/i18n.ts';
import { createQueryClient } from '../shared/query-client.ts';
import { seedSession } from './early-session.ts';

// The console's providers: shared/AppProviders.tsx (which the page tests render) less antd's
// (ConfigProvider, App), which wrap the pages that use antd, fetched with the first of them
// (AntdScope.tsx): the signed-in shell and the home are plain markup, and the console's first
// screen downloads no antd (scripts/bundle-budget.ts).
export function ConsoleProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    // The session's requests the entry started (main.tsx) answer the session gates' queries.
    seedSession(client);
    return client;
  });
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
