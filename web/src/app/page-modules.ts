import { SettingOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { accountMessages } from '../pages/account/messages.ts';
import { accountModule } from '../pages/account/module.tsx';
import type { assetsMessages } from '../pages/assets/messages.ts';
import { assetsModule } from '../pages/assets/module.tsx';
import type { auditMessages } from '../pages/audit/messages.ts';
import { auditModule } from '../pages/audit/module.tsx';
import type { brandMessages } from '../pages/brand/messages.ts';
import { brandModule } from '../pages/brand/module.tsx';
import type { classificationMessages } from '../pages/classification/messages.ts';
import { classificationModule } from '../pages/classification/module.tsx';
import type { consumerFeedbackMessages } from '../pages/consumer-feedback/messages.ts';
import { consumerFeedbackModule } from '../pages/consumer-feedback/module.tsx';
import type { contestsMessages } from '../pages/contests/messages.ts';
import { contestsModule } from '../pages/contests/module.tsx';
import type { creditMessages } from '../pages/credit/messages.ts';
import { creditModule } from '../pages/credit/module.tsx';
import type { customerFieldsMessages } from '../pages/customer-fields/messages.ts';
import { customerFieldsModule } from '../pages/customer-fields/module.tsx';
import type { customerImportMessages } from '../pages/customer-import/messages.ts';
import { customerImportModule } from '../pages/customer-import/module.tsx';
import type { customersMessages } from '../pages/customers/messages.ts';
import { customersModule } from '../pages/customers/module.tsx';
import { homeMessages } from '../pages/home/messages.ts';
import { homeModule } from '../pages/home/module.tsx';
import type { informationMessages } from '../pages/information/messages.ts';
import { informationModule } from '../pages/information/module.tsx';
import type { jobsMessages } from '../pages/jobs/messages.ts';
import { jobsModule } from '../pages/jobs/module.tsx';
import { loginModule } from '../pages/login/module.tsx';
import type { orgUnitsMessages } from '../pages/org-units/messages.ts';
import { orgUnitsModule } from '../pages/org-units/module.tsx';
import type { pricesMessages } from '../pages/prices/messages.ts';
import { pricesModule } from '../pages/prices/module.tsx';
import type { productsMessages } from '../pages/products/messages.ts';
import { productsModule } from '../pages/products/module.tsx';
import { setupMessages } from '../pages/setup/messages.ts';
import { setupModule } from '../pages/setup/module.tsx';
import type { supplyMessages } from '../pages/supply/messages.ts';
import { supplyModule } from '../pages/supply/module.tsx';
import type { surveysMessages } from '../pages/surveys/messages.ts';
import { surveysModule } from '../pages/surveys/module.tsx';
import type { tenantsMessages } from '../pages/tenants/messages.ts';
import { tenantsModule } from '../pages/tenants/module.tsx';
import type { terminalsMessages } from '../pages/terminals/messages.ts';
import { terminalsModule } from '../pages/terminals/module.tsx';
import type { ticketsMessages } from '../pages/tickets/messages.ts';
import { ticketsModule } from '../pages/tickets/module.tsx';
import type { trainingMessages } from '../pages/training/messages.ts';
import { trainingModule } from '../pages/training/module.tsx';
import type { usersMessages } from '../pages/users/messages.ts';
import { usersModule } from '../pages/users/module.tsx';
import type { visitsMessages } from '../pages/visits/messages.ts';
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

// The console's page folders, one entry each here and in the page messages below: a new folder is
// added in this file only. A folder's module.tsx says what it brings (routes, menu groups,
// customer 360° tabs); where each goes is its `order`, so the lists are alphabetical. Nothing else
// in the app imports a page folder (server/src/architecture.test.ts).
export const pageModules: readonly PageModule[] = [
  accountModule,
  assetsModule,
  auditModule,
  brandModule,
  classificationModule,
  consumerFeedbackModule,
  contestsModule,
  creditModule,
  customerFieldsModule,
  customerImportModule,
  customersModule,
  homeModule,
  informationModule,
  jobsModule,
  loginModule,
  orgUnitsModule,
  pricesModule,
  productsModule,
  setupModule,
  supplyModule,
  surveysModule,
  tenantsModule,
  terminalsModule,
  ticketsModule,
  trainingModule,
  usersModule,
  visitsModule,
];

// Each page folder's messages.ts (app/messages.ts merges them with the shared ones). Kept apart
// from pageModules because the modules' label keys are typed from the merged messages. The
// folders of the console's first screens (home, setup) come with the entry; the others are one
// chunk (web/vite.config.ts) that loads with the first other page, so the entry carries only
// their side-menu labels (app/menu-labels.ts, generated by scripts/menu-labels.ts).
export const firstScreenPageMessages = [homeMessages, setupMessages] as const;

export const loadPageMessages = () =>
  Promise.all([
    import('../pages/account/messages.ts').then((module) => module.accountMessages),
    import('../pages/assets/messages.ts').then((module) => module.assetsMessages),
    import('../pages/audit/messages.ts').then((module) => module.auditMessages),
    import('../pages/brand/messages.ts').then((module) => module.brandMessages),
    import('../pages/classification/messages.ts').then((module) => module.classificationMessages),
    import('../pages/consumer-feedback/messages.ts').then((module) => module.consumerFeedbackMessages),
    import('../pages/contests/messages.ts').then((module) => module.contestsMessages),
    import('../pages/credit/messages.ts').then((module) => module.creditMessages),
    import('../pages/customer-fields/messages.ts').then((module) => module.customerFieldsMessages),
    import('../pages/customer-import/messages.ts').then((module) => module.customerImportMessages),
    import('../pages/customers/messages.ts').then((module) => module.customersMessages),
    import('../pages/information/messages.ts').then((module) => module.informationMessages),
    import('../pages/jobs/messages.ts').then((module) => module.jobsMessages),
    import('../pages/org-units/messages.ts').then((module) => module.orgUnitsMessages),
    import('../pages/prices/messages.ts').then((module) => module.pricesMessages),
    import('../pages/products/messages.ts').then((module) => module.productsMessages),
    import('../pages/supply/messages.ts').then((module) => module.supplyMessages),
    import('../pages/surveys/messages.ts').then((module) => module.surveysMessages),
    import('../pages/tenants/messages.ts').then((module) => module.tenantsMessages),
    import('../pages/terminals/messages.ts').then((module) => module.terminalsMessages),
    import('../pages/tickets/messages.ts').then((module) => module.ticketsMessages),
    import('../pages/training/messages.ts').then((module) => module.trainingMessages),
    import('../pages/users/messages.ts').then((module) => module.usersMessages),
    import('../pages/visits/messages.ts').then((module) => module.visitsMessages),
  ]);

export type PageMessages =
  | typeof accountMessages
  | typeof assetsMessages
  | typeof auditMessages
  | typeof brandMessages
  | typeof classificationMessages
  | typeof consumerFeedbackMessages
  | typeof contestsMessages
  | typeof creditMessages
  | typeof customerFieldsMessages
  | typeof customerImportMessages
  | typeof customersMessages
  | typeof homeMessages
  | typeof informationMessages
  | typeof jobsMessages
  | typeof orgUnitsMessages
  | typeof pricesMessages
  | typeof productsMessages
  | typeof setupMessages
  | typeof supplyMessages
  | typeof surveysMessages
  | typeof tenantsMessages
  | typeof terminalsMessages
  | typeof ticketsMessages
  | typeof trainingMessages
  | typeof usersMessages
  | typeof visitsMessages;

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
