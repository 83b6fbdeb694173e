import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../shared/i18n/i18n.ts';
import { createQueryClient } from '../shared/query-client.ts';

// The portal's providers without antd's (shared/AppProviders.tsx has them): the sign-in page and
// the home are plain HTML, and each antd page brings its theme along (PortalAntdScope).
export function PortalProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
