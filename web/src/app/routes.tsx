import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  CommentOutlined,
  ContainerOutlined,
  CustomerServiceOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  FundOutlined,
  GoldOutlined,
  HomeOutlined,
  MessageOutlined,
  PhoneOutlined,
  PieChartOutlined,
  ProfileOutlined,
  RiseOutlined,
  SettingOutlined,
  ShopOutlined,
  SlidersOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { Messages } from '../shared/i18n/zh-CN.ts';
import { type StaffRole, staffRoles } from '../shared/roles.ts';

export type MenuLabelKey = `menu.${keyof Messages['menu']}`;

export type MenuGroup = { key: string; labelKey: MenuLabelKey; icon: ReactNode };

export type ConsoleRoute = {
  path: string;
  labelKey: MenuLabelKey;
  icon: ReactNode;
  // Roles allowed to open the page; the side menu shows only what the user can open.
  access: readonly StaffRole[];
  // Only the deployment's operator (see app/access.ts).
  operatorOnly?: boolean;
  page: LazyExoticComponent<ComponentType>;
  group?: MenuGroup['key'];
  hideInMenu?: boolean;
};

const adminOnly = ['admin'] as const satisfies readonly StaffRole[];

export const menuGroups: readonly MenuGroup[] = [
  { key: 'supply', labelKey: 'menu.supplyGroup', icon: <GoldOutlined /> },
  { key: 'classification', labelKey: 'menu.classificationGroup', icon: <ClusterOutlined /> },
  { key: 'tickets', labelKey: 'menu.ticketsGroup', icon: <CommentOutlined /> },
  { key: 'admin', labelKey: 'menu.adminGroup', icon: <SettingOutlined /> },
];

// The staff console's one route table. A new module adds a folder under pages/<module>/
// and one row here; the router, the side menu and the access checks all read from it.
export const consoleRoutes: readonly ConsoleRoute[] = [
  {
    path: '/',
    labelKey: 'menu.home',
    icon: <HomeOutlined />,
    access: staffRoles,
    page: lazy(() => import('../pages/home/index.tsx').then((module) => ({ default: module.HomePage }))),
  },
  {
    path: '/customers',
    labelKey: 'menu.customers',
    icon: <ShopOutlined />,
    access: staffRoles, // the API narrows the list to the caller's data scope
    page: lazy(() => import('../pages/customers/index.tsx').then((module) => ({ default: module.CustomersPage }))),
  },
  {
    path: '/customers/:id',
    labelKey: 'menu.customers',
    icon: <ShopOutlined />,
    access: staffRoles,
    hideInMenu: true, // the 360° view, reached from the list
    page: lazy(() =>
      import('../pages/customers/CustomerDetail.tsx').then((module) => ({ default: module.CustomerDetailPage })),
    ),
  },
  {
    path: '/products',
    labelKey: 'menu.products',
    icon: <ContainerOutlined />,
    access: staffRoles, // everyone reads the catalogue; the page offers editing to admin and marketing
    page: lazy(() => import('../pages/products/index.tsx').then((module) => ({ default: module.ProductsPage }))),
  },
  // 货源投放 (supply): every staff role reads (the API narrows a manager to own stores);
  // the pages offer changes only to the roles in supply-access.ts.
  {
    path: '/supply/cycles',
    labelKey: 'menu.supplyCycles',
    icon: <CalendarOutlined />,
    access: staffRoles,
    group: 'supply',
    page: lazy(() => import('../pages/supply/index.tsx').then((module) => ({ default: module.CyclesPage }))),
  },
  {
    path: '/supply/cycles/:id',
    labelKey: 'menu.supplyCycles',
    icon: <CalendarOutlined />,
    access: staffRoles,
    group: 'supply',
    hideInMenu: true,
    page: lazy(() => import('../pages/supply/CycleDetail.tsx').then((module) => ({ default: module.CycleDetailPage }))),
  },
  {
    path: '/supply/phone-orders',
    labelKey: 'menu.phoneOrders',
    icon: <PhoneOutlined />,
    access: ['admin', 'service'],
    group: 'supply',
    page: lazy(() => import('../pages/supply/PhoneOrders.tsx').then((module) => ({ default: module.PhoneOrdersPage }))),
  },
  {
    path: '/supply/grades',
    labelKey: 'menu.grades',
    icon: <RiseOutlined />,
    access: staffRoles,
    group: 'supply',
    page: lazy(() => import('../pages/supply/Grades.tsx').then((module) => ({ default: module.GradesPage }))),
  },
  // 客户分类 (classification): every staff role reads (the API narrows a manager to own stores);
  // the pages offer changes only to the roles in classification-access.ts.
  {
    path: '/classification',
    labelKey: 'menu.classification',
    icon: <PieChartOutlined />,
    access: staffRoles,
    group: 'classification',
    page: lazy(() =>
      import('../pages/classification/index.tsx').then((module) => ({ default: module.DistributionPage })),
    ),
  },
  {
    path: '/classification/rule-sets',
    labelKey: 'menu.classificationRuleSets',
    icon: <SlidersOutlined />,
    access: staffRoles,
    group: 'classification',
    page: lazy(() =>
      import('../pages/classification/RuleSets.tsx').then((module) => ({ default: module.RuleSetsPage })),
    ),
  },
  {
    path: '/classification/runs',
    labelKey: 'menu.classificationRuns',
    icon: <FundOutlined />,
    access: staffRoles,
    group: 'classification',
    page: lazy(() => import('../pages/classification/Runs.tsx').then((module) => ({ default: module.RunsPage }))),
  },
  {
    path: '/classification/spot-checks',
    labelKey: 'menu.classificationSpotChecks',
    icon: <ExperimentOutlined />,
    access: staffRoles,
    group: 'classification',
    page: lazy(() =>
      import('../pages/classification/SpotChecks.tsx').then((module) => ({ default: module.SpotChecksPage })),
    ),
  },
  // 投诉建议 (tickets): every staff role reads (the API narrows to the data scope); handling is
  // offered to the roles the API allows.
  {
    path: '/tickets',
    labelKey: 'menu.tickets',
    icon: <MessageOutlined />,
    access: staffRoles,
    group: 'tickets',
    page: lazy(() => import('../pages/tickets/index.tsx').then((module) => ({ default: module.TicketsPage }))),
  },
  {
    path: '/tickets/analysis',
    labelKey: 'menu.ticketAnalysis',
    icon: <BarChartOutlined />,
    access: staffRoles,
    group: 'tickets',
    page: lazy(() =>
      import('../pages/tickets/TicketAnalysis.tsx').then((module) => ({ default: module.TicketAnalysisPage })),
    ),
  },
  {
    path: '/tickets/library',
    labelKey: 'menu.ticketLibrary',
    icon: <BookOutlined />,
    access: staffRoles,
    group: 'tickets',
    page: lazy(() =>
      import('../pages/tickets/TicketLibrary.tsx').then((module) => ({ default: module.TicketLibraryPage })),
    ),
  },
  // staff entry (phone / visit), SLA policies, gateway keys.
  {
    path: '/tickets/new',
    labelKey: 'menu.ticketNew',
    icon: <PhoneOutlined />,
    access: ['admin', 'marketing', 'service', 'manager'],
    group: 'tickets',
    hideInMenu: true,
    page: lazy(() => import('../pages/tickets/NewTicket.tsx').then((module) => ({ default: module.NewTicketPage }))),
  },
  {
    path: '/tickets/sla',
    labelKey: 'menu.ticketSla',
    icon: <SlidersOutlined />,
    access: staffRoles,
    group: 'tickets',
    page: lazy(() =>
      import('../pages/tickets/SlaPolicies.tsx').then((module) => ({ default: module.SlaPoliciesPage })),
    ),
  },
  {
    path: '/tickets/channel-keys',
    labelKey: 'menu.ticketChannelKeys',
    icon: <ApiOutlined />,
    access: adminOnly,
    group: 'tickets',
    page: lazy(() =>
      import('../pages/tickets/ChannelKeys.tsx').then((module) => ({ default: module.ChannelKeysPage })),
    ),
  },
  {
    path: '/tickets/:id',
    labelKey: 'menu.tickets',
    icon: <MessageOutlined />,
    access: staffRoles,
    group: 'tickets',
    hideInMenu: true,
    page: lazy(() =>
      import('../pages/tickets/TicketDetail.tsx').then((module) => ({ default: module.TicketDetailPage })),
    ),
  },
  // 走访 and 菜单式服务: a manager's route, visits and plan (phone-first); everyone else reads
  // within scope, marketing edits the menu and generates plans.
  {
    path: '/visits',
    labelKey: 'menu.visits',
    icon: <EnvironmentOutlined />,
    access: staffRoles,
    page: lazy(() => import('../pages/visits/index.tsx').then((module) => ({ default: module.VisitsPage }))),
  },
  {
    path: '/services',
    labelKey: 'menu.services',
    icon: <CustomerServiceOutlined />,
    access: staffRoles,
    page: lazy(() => import('../pages/visits/ServicesPage.tsx').then((module) => ({ default: module.ServicesPage }))),
  },
  {
    path: '/admin/users',
    labelKey: 'menu.users',
    icon: <TeamOutlined />,
    access: adminOnly,
    group: 'admin',
    page: lazy(() => import('../pages/users/index.tsx').then((module) => ({ default: module.UsersPage }))),
  },
  {
    path: '/admin/org-units',
    labelKey: 'menu.orgUnits',
    icon: <ApartmentOutlined />,
    access: adminOnly,
    group: 'admin',
    page: lazy(() => import('../pages/org-units/index.tsx').then((module) => ({ default: module.OrgUnitsPage }))),
  },
  {
    path: '/admin/audit',
    labelKey: 'menu.audit',
    icon: <AuditOutlined />,
    // Inspectors (督察考评) review who changed what; the API allows both.
    access: ['admin', 'inspector'],
    group: 'admin',
    page: lazy(() => import('../pages/audit/index.tsx').then((module) => ({ default: module.AuditPage }))),
  },
  {
    path: '/admin/jobs',
    labelKey: 'menu.jobs',
    icon: <FieldTimeOutlined />,
    access: adminOnly,
    group: 'admin',
    page: lazy(() => import('../pages/jobs/index.tsx').then((module) => ({ default: module.JobsPage }))),
  },
  {
    path: '/admin/tenants',
    labelKey: 'menu.tenants',
    icon: <BankOutlined />,
    access: adminOnly,
    operatorOnly: true,
    group: 'admin',
    page: lazy(() => import('../pages/tenants/index.tsx').then((module) => ({ default: module.TenantsPage }))),
  },
  {
    path: '/customers/import',
    labelKey: 'menu.customerImport',
    icon: <CloudUploadOutlined />,
    // The customer list links here; the API allows the same roles.
    access: ['admin', 'marketing'],
    hideInMenu: true,
    page: lazy(() =>
      import('../pages/customer-import/index.tsx').then((module) => ({ default: module.CustomerImportPage })),
    ),
  },
  {
    path: '/admin/customer-fields',
    labelKey: 'menu.customerFields',
    icon: <ProfileOutlined />,
    access: adminOnly,
    group: 'admin',
    page: lazy(() =>
      import('../pages/customer-fields/index.tsx').then((module) => ({ default: module.CustomerFieldsPage })),
    ),
  },
  {
    path: '/account',
    labelKey: 'menu.account',
    icon: <UserOutlined />,
    access: staffRoles,
    hideInMenu: true, // reached from the user menu in the header
    page: lazy(() => import('../pages/account/index.tsx').then((module) => ({ default: module.AccountPage }))),
  },
];

// The route a location belongs to: exact match, else the longest path prefix ("/admin/users/12").
export function findRoute(pathname: string, routes: readonly ConsoleRoute[] = consoleRoutes): ConsoleRoute | undefined {
  const exact = routes.find((route) => route.path === pathname);
  if (exact) return exact;
  return routes
    .filter((route) => route.path !== '/' && pathname.startsWith(`${route.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
