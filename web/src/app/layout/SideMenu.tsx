import { Menu, type MenuProps } from 'antd';

// The side menu (antd Menu), a chunk of its own: the home page shows without waiting for it, and
// it fills the dark sider a moment later (scripts/bundle-budget.ts, the console's first screen).
export function SideMenu(props: MenuProps) {
  return <Menu theme="dark" mode="inline" {...props} />;
}
