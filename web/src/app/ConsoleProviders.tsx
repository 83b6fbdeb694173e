import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { AntdConfig } from '../shared/AntdConfig.tsx';
import { i18n } from '../shared/i18n/i18n.ts';
import { createQueryClient } from '../shared/query-client.ts';

// The console's providers: shared/AppProviders.tsx (which the page tests render) less antd's App
// (message, modal and notification holders), which wraps the signed-in console only (App.tsx):
// the sign-in and setup pages do not use it, and it weighs on their first screen.
export function ConsoleProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AntdConfig>{children}</AntdConfig>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
