import { ConfigProvider, type ConfigProviderProps, type ThemeConfig } from 'antd';
import * as enUSModule from 'antd/es/locale/en_US.js';
import * as zhCNModule from 'antd/es/locale/zh_CN.js';
import { type ReactNode, useEffect } from 'react';
import { interopDefault } from './interop-default.ts';
import { useLocale } from './use-locale.ts';
import { usePrefersReducedMotion } from './use-reduced-motion.ts';

// antd as both apps set it up: Kewo's theme (the console's, which the portal enlarges), antd's
// language following the user's, no motion for those who asked for none. The locales come from
// antd's ES modules (not the CommonJS copies `antd/locale/*` resolves to), and dayjs's Chinese
// (for the date pickers) loads beside the first screen, not in it (scripts/bundle-budget.ts).
type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

const isAntdLocale = (value: unknown) => typeof value === 'object' && value !== null && 'locale' in value;
const enUS = interopDefault<AntdLocale>(enUSModule, isAntdLocale);
const zhCN = interopDefault<AntdLocale>(zhCNModule, isAntdLocale);

export const kewoTheme: ThemeConfig = {
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

// `theme` is laid over Kewo's (tokens merged).
export function AntdConfig({ children, theme }: { children: ReactNode; theme?: ThemeConfig }) {
  const locale = useLocale();
  const reducedMotion = usePrefersReducedMotion();
  useEffect(() => {
    void import('./dayjs-locale.ts').then((module) => module.setDayjsLocale(locale));
  }, [locale]);
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{ ...kewoTheme, ...theme, token: { ...kewoTheme.token, ...theme?.token, motion: !reducedMotion } }}
    >
      {children}
    </ConfigProvider>
  );
}
