import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, type ThemeConfig } from 'antd';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { AntdConfig } from './AntdConfig.tsx';
import { i18n } from './i18n/i18n.ts';
import { createQueryClient } from './query-client.ts';

// Everything a page needs around it, in one piece: what the console (app/ConsoleProviders.tsx and
// its layout's antd App) and the portal's antd pages (portal/PortalAntdScope.tsx) put around
// theirs. The page tests render pages in it.
export function AppProviders({ children, theme }: { children: ReactNode; theme?: ThemeConfig }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AntdConfig theme={theme}>
          <AntApp>{children}</AntApp>
        </AntdConfig>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
