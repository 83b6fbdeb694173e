import { App as AntApp, type ThemeConfig } from 'antd';
import type { ReactNode } from 'react';
import { AntdConfig } from '../shared/AntdConfig.tsx';

// antd around one portal page (ordering, complaints, services, 我的…), fetched with the first
// such page: the sign-in page and the home are plain HTML and download none of this.

// Kewo's theme (shared/AntdConfig.tsx), phone-first: larger text and touch targets.
// Focused inputs stay neutral, so the brand red is not mistaken for a validation error.
const portalTheme: ThemeConfig = {
  token: {
    colorPrimary: '#b8232f',
    fontSize: 16,
    borderRadius: 10,
    controlHeight: 44,
    controlHeightLG: 52,
  },
  components: {
    Input: { activeBorderColor: '#595959', hoverBorderColor: '#8c8c8c', activeShadow: '0 0 0 2px rgba(0, 0, 0, 0.06)' },
  },
};

export function PortalAntdScope({ children }: { children: ReactNode }) {
  return (
    <AntdConfig theme={portalTheme}>
      <AntApp>{children}</AntApp>
    </AntdConfig>
  );
}
