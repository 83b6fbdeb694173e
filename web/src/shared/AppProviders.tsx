import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ConfigProviderProps, type ThemeConfig } from 'antd';
import * as enUSModule from 'antd/locale/en_US.js';
import * as zhCNModule from 'antd/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n/i18n.ts';
import { interopDefault } from './interop-default.ts';
import { createQueryClient } from './query-client.ts';
import { useLocale } from './use-locale.ts';
import { usePrefersReducedMotion } from './use-reduced-motion.ts';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

const isAntdLocale = (value: unknown) => typeof value === 'object' && value !== null && 'locale' in value;
const enUS = interopDefault<AntdLocale>(enUSModule, isAntdLocale);
const zhCN = interopDefault<AntdLocale>(zhCNModule, isAntdLocale);

const baseTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    // antd's links are #1677ff (4.1:1 on white, under WCAG AA's 4.5:1): the primary blue is 6.4:1.
    colorLink: '#1f5fbf',
    // Descriptions' labels, Statistic titles, hints: antd's 0.45 black is 3.4:1 on white, under
    // WCAG AA's 4.5:1; 0.6 black is 5.7:1.
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

function LocalisedConfig({ children, theme }: { children: ReactNode; theme?: ThemeConfig }) {
  const locale = useLocale();
  const reducedMotion = usePrefersReducedMotion();
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{ ...baseTheme, ...theme, token: { ...baseTheme.token, ...theme?.token, motion: !reducedMotion } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

// Everything both apps (staff console and retailer portal) need around their pages.
export function AppProviders({ children, theme }: { children: ReactNode; theme?: ThemeConfig }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalisedConfig theme={theme}>{children}</LocalisedConfig>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
