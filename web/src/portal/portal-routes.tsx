import {
  CustomerServiceOutlined,
  HomeOutlined,
  MessageOutlined,
  ProfileOutlined,
  ShoppingCartOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { Messages } from '../shared/i18n/zh-CN.ts';
import { OrderHistoryPage } from './pages/OrderHistoryPage.tsx';
import { OrderPage } from './pages/OrderPage.tsx';
import { PortalHomePage } from './pages/PortalHomePage.tsx';
import { PortalMinePage } from './pages/PortalMinePage.tsx';
import { PortalServicesPage } from './pages/PortalServicesPage.tsx';
import { PortalNewTicketPage, PortalTicketPage, PortalTicketsPage } from './pages/TicketPages.tsx';

export type PortalTabLabelKey = `portal.tabs.${keyof Messages['portal']['tabs']}`;

export type PortalTab = { path: string; labelKey: PortalTabLabelKey; icon: ReactNode; page: ComponentType };

// The retailer portal's pages, in bottom-tab order. A later module (ordering, complaints…)
// adds a page and a row here; the tab bar shows exactly these rows.
export const portalTabs: readonly PortalTab[] = [
  { path: '/portal', labelKey: 'portal.tabs.home', icon: <HomeOutlined />, page: PortalHomePage },
  // 网上订货 (supply): this cycle's order, then the store's orders.
  { path: '/portal/order', labelKey: 'portal.tabs.order', icon: <ShoppingCartOutlined />, page: OrderPage },
  { path: '/portal/orders', labelKey: 'portal.tabs.orders', icon: <ProfileOutlined />, page: OrderHistoryPage },
  // 投诉建议 (tickets): file, follow, confirm and rate.
  { path: '/portal/tickets', labelKey: 'portal.tabs.tickets', icon: <MessageOutlined />, page: PortalTicketsPage },
  // 菜单式服务: my menu and my requests.
  {
    path: '/portal/services',
    labelKey: 'portal.tabs.services',
    icon: <CustomerServiceOutlined />,
    page: PortalServicesPage,
  },
  { path: '/portal/mine', labelKey: 'portal.tabs.mine', icon: <UserOutlined />, page: PortalMinePage },
];

// Pages under a tab, reached from it (the tab stays highlighted by findPortalTab).
export const portalSubPages: readonly { path: string; page: ComponentType }[] = [
  { path: '/portal/tickets/new', page: PortalNewTicketPage },
  { path: '/portal/tickets/:id', page: PortalTicketPage },
];

// Not a tab: reached from 我的, and where a store on a one-time password is sent first.
export const portalPasswordPath = '/portal/mine/password';

// The tab a location belongs to ("/portal/orders/12" → "/portal/orders").
export function findPortalTab(pathname: string, tabs: readonly PortalTab[] = portalTabs): PortalTab | undefined {
  const normalised = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return (
    tabs.find((tab) => tab.path === normalised) ??
    tabs
      .filter((tab) => tab.path !== '/portal' && normalised.startsWith(`${tab.path}/`))
      .sort((a, b) => b.path.length - a.path.length)[0]
  );
}
