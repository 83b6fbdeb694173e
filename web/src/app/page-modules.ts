import { SettingOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { accountMessages } from '../pages/account/messages.ts';
import { accountModule } from '../pages/account/module.tsx';
import { auditMessages } from '../pages/audit/messages.ts';
import { auditModule } from '../pages/audit/module.tsx';
import { brandMessages } from '../pages/brand/messages.ts';
import { brandModule } from '../pages/brand/module.tsx';
import { classificationMessages } from '../pages/classification/messages.ts';
import { classificationModule } from '../pages/classification/module.tsx';
import { customerFieldsMessages } from '../pages/customer-fields/messages.ts';
import { customerFieldsModule } from '../pages/customer-fields/module.tsx';
import { customerImportMessages } from '../pages/customer-import/messages.ts';
import { customerImportModule } from '../pages/customer-import/module.tsx';
import { customersMessages } from '../pages/customers/messages.ts';
import { customersModule } from '../pages/customers/module.tsx';
import { homeMessages } from '../pages/home/messages.ts';
import { homeModule } from '../pages/home/module.tsx';
import { jobsMessages } from '../pages/jobs/messages.ts';
import { jobsModule } from '../pages/jobs/module.tsx';
import { loginMessages } from '../pages/login/messages.ts';
import { loginModule } from '../pages/login/module.tsx';
import { orgUnitsMessages } from '../pages/org-units/messages.ts';
import { orgUnitsModule } from '../pages/org-units/module.tsx';
import { productsMessages } from '../pages/products/messages.ts';
import { productsModule } from '../pages/products/module.tsx';
import { setupMessages } from '../pages/setup/messages.ts';
import { setupModule } from '../pages/setup/module.tsx';
import { supplyMessages } from '../pages/supply/messages.ts';
import { supplyModule } from '../pages/supply/module.tsx';
import { tenantsMessages } from '../pages/tenants/messages.ts';
import { tenantsModule } from '../pages/tenants/module.tsx';
import { ticketsMessages } from '../pages/tickets/messages.ts';
import { ticketsModule } from '../pages/tickets/module.tsx';
import { usersMessages } from '../pages/users/messages.ts';
import { usersModule } from '../pages/users/module.tsx';
import { visitsMessages } from '../pages/visits/messages.ts';
import { visitsModule } from '../pages/visits/module.tsx';
import {
  byOrder,
  type ConsoleRoute,
  type CustomerTab,
  type MenuGroup,
  type PageModule,
  type PublicRoute,
  type VisitFormSection,
} from './page-module.ts';

// The console's page folders, one entry each here and in pageMessages below: a new folder is
// added in this file only. A folder's module.tsx says what it brings (routes, menu groups,
// customer 360° tabs); where each goes is its `order`, so the lists are alphabetical. Nothing else
// in the app imports a page folder (server/src/architecture.test.ts).
export const pageModules: readonly PageModule[] = [
  accountModule,
  auditModule,
  brandModule,
  classificationModule,
  customerFieldsModule,
  customerImportModule,
  customersModule,
  homeModule,
  jobsModule,
  loginModule,
  orgUnitsModule,
  productsModule,
  setupModule,
  supplyModule,
  tenantsModule,
  ticketsModule,
  usersModule,
  visitsModule,
];

// Each page folder's messages.ts (app/messages.ts merges them with the shared ones). Kept apart
// from pageModules because the modules' label keys are typed from the merged messages.
export const pageMessages = [
  accountMessages,
  auditMessages,
  brandMessages,
  classificationMessages,
  customerFieldsMessages,
  customerImportMessages,
  customersMessages,
  homeMessages,
  jobsMessages,
  loginMessages,
  orgUnitsMessages,
  productsMessages,
  setupMessages,
  supplyMessages,
  tenantsMessages,
  ticketsMessages,
  usersMessages,
  visitsMessages,
] as const;

// 系统管理 belongs to the console rather than to one folder: users, org units, audit, jobs,
// city companies and custom fields all sit in it.
const consoleMenuGroups: readonly MenuGroup[] = [
  { key: 'admin', labelKey: 'menu.adminGroup', icon: createElement(SettingOutlined), order: 800 },
];

// The staff console's route table, in menu order: the router, the side menu, the page guard and
// the home page's shortcuts read it.
export const consoleRoutes: readonly ConsoleRoute[] = byOrder(pageModules.flatMap((module) => module.routes ?? []));

export const menuGroups: readonly MenuGroup[] = byOrder([
  ...consoleMenuGroups,
  ...pageModules.flatMap((module) => module.menuGroups ?? []),
]);

// The customer 360° view's tabs that other folders bring; pages/customers adds its own.
export const customerTabs: readonly CustomerTab[] = byOrder(pageModules.flatMap((module) => module.customerTabs ?? []));

export const publicRoutes: readonly PublicRoute[] = pageModules.flatMap((module) => module.publicRoutes ?? []);

// What other folders add to the visit form (pages/visits).
export const visitFormSections: readonly VisitFormSection[] = byOrder(
  pageModules.flatMap((module) => module.visitFormSections ?? []),
);
