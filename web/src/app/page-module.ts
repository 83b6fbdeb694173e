import { type ComponentType, createElement, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { Messages } from '../shared/i18n/zh-CN.ts';
import type { Role, StaffRole } from '../shared/roles.ts';

// What a page folder (web/src/pages/<folder>/module.tsx) brings to the console. The router, the
// side menu, the home page's shortcuts and the customer 360° view read these from
// app/page-modules.ts, so a folder plugs in by one line there and is removed by deleting it.
export type PageModule = {
  routes?: readonly ConsoleRoute[];
  menuGroups?: readonly MenuGroup[];
  customerTabs?: readonly CustomerTab[];
  // Pages that need no session (/login, /setup): outside the console layout and its guard.
  publicRoutes?: readonly PublicRoute[];
  // Sections another folder adds to the visit form (pages/visits), e.g. brand's checklist.
  visitFormSections?: readonly VisitFormSection[];
};

export type MenuLabelKey = `menu.${keyof Messages['menu']}`;

export type MenuGroup = {
  key: string;
  labelKey: MenuLabelKey;
  icon: ReactNode;
  // Place among the groups; a group shows in the menu where its first visible route is.
  order: number;
};

export type ConsoleRoute = {
  path: string;
  labelKey: MenuLabelKey;
  icon: ReactNode;
  // Roles allowed to open the page; the side menu shows only what the user can open.
  access: readonly StaffRole[];
  // Only the deployment's operator (see app/access.ts).
  operatorOnly?: boolean;
  // Loaded when first opened: `lazy(() => import('./index.tsx').then(…))`, so each folder is a chunk.
  // The home alone is not: it is the console's first screen, part of its entry.
  page: LazyExoticComponent<ComponentType> | ComponentType;
  // Place in the route table, and so in the side menu and the home page's shortcuts (ascending).
  order: number;
  group?: MenuGroup['key'];
  hideInMenu?: boolean;
  // Roles that find the page in the side menu and the home page's shortcuts, when not every role
  // in `access`: the others may still open it where another page links to it for reference, but
  // it is not their work (a customer manager reads the complaint library; the centres edit it).
  menuRoles?: readonly StaffRole[];
};

// Whether the side menu and the home page's shortcuts offer the route to a role (which must
// also be allowed to open it: see app/access.ts).
export function isInMenuOf(route: ConsoleRoute, role: Role): boolean {
  return !route.hideInMenu && (route.menuRoles ?? route.access).some((allowed) => allowed === role);
}

// Lazy like the console's pages, so neither app shell carries a page's code.
export type PublicRoute = { path: string; page: LazyExoticComponent<ComponentType> };

export type CustomerTabLabelKey = `customers.detail.tabs.${keyof Messages['customers']['detail']['tabs']}`;

// One tab of the customer 360° view (pages/customers): a folder with data about a store adds one.
export type CustomerTab = {
  key: string;
  labelKey: CustomerTabLabelKey;
  // Place among the tabs (ascending); the first one is what the view opens on.
  order: number;
  // Roles that see the tab (default: everyone who opens the customer).
  access?: readonly Role[];
  // Usually `lazyTab(…)`, so the tab's code is fetched only when it is opened.
  component: CustomerTabComponent;
};

type CustomerTabProps = { customerId: number };
export type CustomerTabComponent = ComponentType<CustomerTabProps> & { preload?: () => Promise<unknown> };

// A tab loaded on demand, whose code the 360° view can start fetching together with the customer
// (`preload`) when the tab is the one it opens on; once loaded it renders without suspending.
export function lazyTab(load: () => Promise<ComponentType<CustomerTabProps>>): CustomerTabComponent {
  let loaded: ComponentType<CustomerTabProps> | undefined;
  let loading: Promise<ComponentType<CustomerTabProps>> | undefined;
  const preload = () => {
    loading ??= load().then((component) => {
      loaded = component;
      return component;
    });
    return loading;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  const LazyTab = (props: CustomerTabProps) => createElement(loaded ?? Lazy, props);
  return Object.assign(LazyTab, { preload });
}

// A brand programme's checklist item as ticked on a visit (the visit record's brandChecks).
export type VisitBrandCheck = {
  programmeId: number;
  kind: 'product' | 'classroom' | 'display' | 'service';
  title: string;
  done: boolean;
};

// Work a section does once the visit is saved, with the visit's id (the fixtures' audits cite
// it); it reports its own failures and does not throw.
export type AfterVisitSubmit = (visitId: number) => Promise<void>;

// What a section is given: the store, and where to put what it adds to the visit record (the
// brand programmes' checklist, saved with the visit) or what it saves after it (`onAfterSubmit`:
// the section registers its work under its key, or null to withdraw it).
export type VisitFormSectionProps = {
  customerId: number;
  onBrandChecks?: (checks: VisitBrandCheck[]) => void;
  onAfterSubmit?: (key: string, run: AfterVisitSubmit | null) => void;
};

// A section of the visit form about the store being visited, lazy (the form suspends it alone);
// it renders nothing when it has nothing for the store.
export type VisitFormSection = {
  key: string;
  order: number;
  component: LazyExoticComponent<ComponentType<VisitFormSectionProps>>;
};

// Stable: equal orders keep the order of app/page-modules.ts.
export function byOrder<T extends { order: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.order - b.order);
}
