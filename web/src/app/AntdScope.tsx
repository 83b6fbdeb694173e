import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { AntdConfig } from '../shared/AntdConfig.tsx';

// antd around the console's pages that use it (every page but the home): Kewo's theme and
// language (ConfigProvider) and the message, modal and notification holders (App). Fetched with
// the first such page (layout/ConsoleLayout.tsx): the signed-in shell and the home are plain
// markup, and the console's first screen downloads no antd (scripts/bundle-budget.ts).
export function ConsoleAntdScope({ children }: { children: ReactNode }) {
  return (
    <AntdConfig>
      <AntApp>{children}</AntApp>
    </AntdConfig>
  );
}
