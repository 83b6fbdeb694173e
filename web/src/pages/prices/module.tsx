import {
  AlertOutlined,
  FundOutlined,
  LineChartOutlined,
  MoneyCollectOutlined,
  SearchOutlined,
  SlidersOutlined,
  TagsOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { lazyTab, type PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';

// 价格监管 (issue 20), as the server's routes declare access (prices.routes.ts, margin.routes.ts):
// every staff role reads the index, 明码标价 and the margin within its data scope; the warnings,
// their rules and the observations are the marketing centre's, the inspectors' and the
// administrator's; marketing handles warnings and edits rules. Buttons ask the server (useCan).
const loadIndex = () => import('./index.tsx');
const warningReaders = ['admin', 'marketing', 'inspector'] as const;

export const pricesModule: PageModule = {
  menuGroups: [{ key: 'prices', labelKey: 'menu.pricesGroup', icon: <FundOutlined />, order: 580 }],
  routes: [
    {
      path: '/prices/index',
      labelKey: 'menu.pricesIndex',
      icon: <LineChartOutlined />,
      access: staffRoles,
      order: 580,
      group: 'prices',
      page: lazy(() => loadIndex().then((module) => ({ default: module.PriceIndexPage }))),
    },
    {
      path: '/prices/warnings',
      labelKey: 'menu.pricesWarnings',
      icon: <AlertOutlined />,
      access: warningReaders,
      order: 581,
      group: 'prices',
      page: lazy(() => import('./Warnings.tsx').then((module) => ({ default: module.WarningsPage }))),
    },
    {
      path: '/prices/warnings/:id',
      labelKey: 'menu.pricesWarnings',
      icon: <AlertOutlined />,
      access: warningReaders,
      order: 582,
      group: 'prices',
      hideInMenu: true,
      page: lazy(() => import('./WarningDetail.tsx').then((module) => ({ default: module.WarningDetailPage }))),
    },
    {
      path: '/prices/rules',
      labelKey: 'menu.pricesRules',
      icon: <SlidersOutlined />,
      access: warningReaders,
      menuRoles: ['admin', 'marketing'],
      order: 583,
      group: 'prices',
      page: lazy(() => import('./Rules.tsx').then((module) => ({ default: module.WarningRulesPage }))),
    },
    {
      path: '/prices/market-checks',
      labelKey: 'menu.pricesMarketChecks',
      icon: <SearchOutlined />,
      access: ['admin', 'marketing', 'inspector'],
      menuRoles: ['admin', 'inspector'],
      order: 584,
      group: 'prices',
      page: lazy(() => import('./MarketChecks.tsx').then((module) => ({ default: module.MarketChecksPage }))),
    },
    {
      path: '/prices/compliance',
      labelKey: 'menu.pricesCompliance',
      icon: <TagsOutlined />,
      access: staffRoles,
      order: 585,
      group: 'prices',
      page: lazy(() => import('./Compliance.tsx').then((module) => ({ default: module.CompliancePage }))),
    },
    {
      path: '/prices/margin',
      labelKey: 'menu.pricesMargin',
      icon: <MoneyCollectOutlined />,
      access: staffRoles,
      order: 586,
      group: 'prices',
      page: lazy(() => import('./Margin.tsx').then((module) => ({ default: module.MarginPage }))),
    },
  ],
  customerTabs: [
    {
      key: 'prices',
      labelKey: 'customers.detail.tabs.prices',
      order: 480,
      component: lazyTab(() => import('./components/CustomerPrices.tsx').then((module) => module.CustomerPrices)),
    },
  ],
};
