import {
  ApiOutlined,
  BarChartOutlined,
  BookOutlined,
  CommentOutlined,
  MessageOutlined,
  PhoneOutlined,
  SlidersOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { lazyTab, type PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

// 投诉建议 (tickets): every staff role reads (the API narrows to the data scope); handling is
// offered to the roles the API allows.
export const ticketsModule: PageModule = {
  menuGroups: [{ key: 'tickets', labelKey: 'menu.ticketsGroup', icon: <CommentOutlined />, order: 600 }],
  routes: [
    {
      path: '/tickets',
      labelKey: 'menu.tickets',
      icon: <MessageOutlined />,
      access: staffRoles,
      order: 600,
      group: 'tickets',
      page: lazy(() => import('./index.tsx').then((module) => ({ default: module.TicketsPage }))),
    },
    {
      path: '/tickets/analysis',
      labelKey: 'menu.ticketAnalysis',
      icon: <BarChartOutlined />,
      access: staffRoles,
      order: 610,
      group: 'tickets',
      page: lazy(() => import('./TicketAnalysis.tsx').then((module) => ({ default: module.TicketAnalysisPage }))),
    },
    {
      path: '/tickets/library',
      labelKey: 'menu.ticketLibrary',
      icon: <BookOutlined />,
      access: staffRoles,
      // The centres keep the library; others meet its categories on the tickets themselves.
      menuRoles: ['admin', 'marketing', 'service'],
      order: 620,
      group: 'tickets',
      page: lazy(() => import('./TicketLibrary.tsx').then((module) => ({ default: module.TicketLibraryPage }))),
    },
    // staff entry (phone / visit), SLA policies, gateway keys.
    {
      path: '/tickets/new',
      labelKey: 'menu.ticketNew',
      icon: <PhoneOutlined />,
      access: ['admin', 'marketing', 'service', 'manager'],
      order: 630,
      group: 'tickets',
      hideInMenu: true,
      page: lazy(() => import('./NewTicket.tsx').then((module) => ({ default: module.NewTicketPage }))),
    },
    {
      path: '/tickets/sla',
      labelKey: 'menu.ticketSla',
      icon: <SlidersOutlined />,
      access: staffRoles,
      // The centres set the targets; a ticket shows its own deadlines.
      menuRoles: ['admin', 'marketing', 'service'],
      order: 640,
      group: 'tickets',
      page: lazy(() => import('./SlaPolicies.tsx').then((module) => ({ default: module.SlaPoliciesPage }))),
    },
    {
      path: '/tickets/channel-keys',
      labelKey: 'menu.ticketChannelKeys',
      icon: <ApiOutlined />,
      access: ['admin'],
      order: 650,
      group: 'tickets',
      page: lazy(() => import('./ChannelKeys.tsx').then((module) => ({ default: module.ChannelKeysPage }))),
    },
    {
      path: '/tickets/:id',
      labelKey: 'menu.tickets',
      icon: <MessageOutlined />,
      access: staffRoles,
      order: 660,
      group: 'tickets',
      hideInMenu: true,
      page: lazy(() => import('./TicketDetail.tsx').then((module) => ({ default: module.TicketDetailPage }))),
    },
  ],
  customerTabs: [
    {
      key: 'tickets',
      labelKey: 'customers.detail.tabs.tickets',
      order: 450,
      component: lazyTab(() => import('./components/CustomerTickets.tsx').then((module) => module.CustomerTickets)),
    },
  ],
};
