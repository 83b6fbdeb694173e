import CustomerServiceOutlined from '@ant-design/icons-svg/es/asn/CustomerServiceOutlined.js';
import HomeOutlined from '@ant-design/icons-svg/es/asn/HomeOutlined.js';
import MessageOutlined from '@ant-design/icons-svg/es/asn/MessageOutlined.js';
import ProfileOutlined from '@ant-design/icons-svg/es/asn/ProfileOutlined.js';
import ShoppingCartOutlined from '@ant-design/icons-svg/es/asn/ShoppingCartOutlined.js';
import UserOutlined from '@ant-design/icons-svg/es/asn/UserOutlined.js';
import { type ComponentType, lazy, type ReactNode } from 'react';
import type { Messages } from '../shared/i18n/zh-CN.ts';
import { lazyAntdPage } from './antd-page.tsx';
import { PortalIcon } from './PortalIcon.tsx';

// Each page is fetched when first opened: a phone on a slow network downloads the page it shows.
// The home is plain HTML like the sign-in page; the others are antd pages, which bring antd.
const PortalHomePage = lazy(() =>
  import('./pages/PortalHomePage.tsx').then((module) => ({ default: module.PortalHomePage })),
);
const OrderPage = lazyAntdPage(() => import('./pages/OrderPage.tsx').then((module) => module.OrderPage));
const OrderHistoryPage = lazyAntdPage(() =>
  import('./pages/OrderHistoryPage.tsx').then((module) => module.OrderHistoryPage),
);
const PortalServicesPage = lazyAntdPage(() =>
  import('./pages/PortalServicesPage.tsx').then((module) => module.PortalServicesPage),
);
const PortalMinePage = lazyAntdPage(() => import('./pages/PortalMinePage.tsx').then((module) => module.PortalMinePage));
const loadTicketPages = () => import('./pages/TicketPages.tsx');
const PortalTicketsPage = lazyAntdPage(() => loadTicketPages().then((module) => module.PortalTicketsPage));
const PortalNewTicketPage = lazyAntdPage(() => loadTicketPages().then((module) => module.PortalNewTicketPage));
const PortalTicketPage = lazyAntdPage(() => loadTicketPages().then((module) => module.PortalTicketPage));
// 报价格 and 我的毛利 (prices), reached from the home and 我的.
const PriceReportPage = lazyAntdPage(() =>
  import('./pages/PriceReportPage.tsx').then((module) => module.PriceReportPage),
);
const PortalMarginPage = lazyAntdPage(() =>
  import('./pages/PortalMarginPage.tsx').then((module) => module.PortalMarginPage),
);
// 问卷调查 (surveys): the store's questionnaires and answering one (SurveyJS comes with that page only).
const SurveyListPage = lazyAntdPage(() => import('./pages/SurveyListPage.tsx').then((module) => module.SurveyListPage));
const SurveyAnswerPage = lazyAntdPage(() =>
  import('./pages/SurveyAnswerPage.tsx').then((module) => module.SurveyAnswerPage),
);
// 我的信用 (credit): the store's level, ledger and appeal; under 我的, and on the home.
const CreditPage = lazyAntdPage(() => import('./pages/CreditPage.tsx').then((module) => module.CreditPage));
const CreditAppealPage = lazyAntdPage(() =>
  import('./pages/CreditAppealPage.tsx').then((module) => module.CreditAppealPage),
);
// 我的标杆店 (terminals): the store's tier, its application with photos, and its records.
const TerminalPage = lazyAntdPage(() => import('./pages/TerminalPage.tsx').then((module) => module.TerminalPage));
// 陈列大赛 (terminals): open contests to enter with photos, the winners and the booklet.
const ContestsPage = lazyAntdPage(() => import('./pages/ContestsPage.tsx').then((module) => module.ContestsPage));
// 消费者意见 (consumer feedback): relay what a consumer said, and read the answers; under 我的.
const ConsumerFeedbackPage = lazyAntdPage(() =>
  import('./pages/ConsumerFeedbackPage.tsx').then((module) => module.ConsumerFeedbackPage),
);
// 资讯 (information): the store's news feed with search, and an article (read, acknowledge).
const ArticleListPage = lazyAntdPage(() =>
  import('./pages/ArticleListPage.tsx').then((module) => module.ArticleListPage),
);
const ArticlePage = lazyAntdPage(() => import('./pages/ArticlePage.tsx').then((module) => module.ArticlePage));
// 培训 (training): sessions open to the store, sign-up, check-in, post-test, rating, certificate; under 我的.
const TrainingPage = lazyAntdPage(() => import('./pages/TrainingPage.tsx').then((module) => module.TrainingPage));
export const PortalPasswordPage = lazyAntdPage(() =>
  import('./pages/PortalPasswordPage.tsx').then((module) => module.PortalPasswordPage),
);

export type PortalTabLabelKey = `portal.tabs.${keyof Messages['portal']['tabs']}`;

export type PortalTab = { path: string; labelKey: PortalTabLabelKey; icon: ReactNode; page: ComponentType };

// The retailer portal's pages, in bottom-tab order. A later module (ordering, complaints…)
// adds a page and a row here; the tab bar shows exactly these rows.
export const portalTabs: readonly PortalTab[] = [
  { path: '/portal', labelKey: 'portal.tabs.home', icon: <PortalIcon icon={HomeOutlined} />, page: PortalHomePage },
  // 网上订货 (supply): this cycle's order, then the store's orders.
  {
    path: '/portal/order',
    labelKey: 'portal.tabs.order',
    icon: <PortalIcon icon={ShoppingCartOutlined} />,
    page: OrderPage,
  },
  {
    path: '/portal/orders',
    labelKey: 'portal.tabs.orders',
    icon: <PortalIcon icon={ProfileOutlined} />,
    page: OrderHistoryPage,
  },
  // 投诉建议 (tickets): file, follow, confirm and rate.
  {
    path: '/portal/tickets',
    labelKey: 'portal.tabs.tickets',
    icon: <PortalIcon icon={MessageOutlined} />,
    page: PortalTicketsPage,
  },
  // 菜单式服务: my menu and my requests.
  {
    path: '/portal/services',
    labelKey: 'portal.tabs.services',
    icon: <PortalIcon icon={CustomerServiceOutlined} />,
    page: PortalServicesPage,
  },
  {
    path: '/portal/mine',
    labelKey: 'portal.tabs.mine',
    icon: <PortalIcon icon={UserOutlined} />,
    page: PortalMinePage,
  },
];

// 报价格 and 我的毛利: under 我的, and on the home page.
export const portalPriceReportPath = '/portal/mine/report-price';
export const portalMarginPath = '/portal/mine/margin';
// 问卷调查: under 我的, and the open one on the home page.
export const portalSurveysPath = '/portal/mine/surveys';
// 我的信用 and its appeal form (?item=<the ledger item's key>, or none for the level).
export const portalCreditPath = '/portal/mine/credit';
export const portalCreditAppealPath = '/portal/mine/credit/appeal';
// 我的标杆店 (terminals).
export const portalTerminalPath = '/portal/mine/terminal';
// 陈列大赛 (terminals).
export const portalContestsPath = '/portal/mine/contests';
// 消费者意见 (consumer feedback).
export const portalConsumerFeedbackPath = '/portal/mine/consumer-feedback';
// 培训 (training); a scanned check-in QR code opens it with ?session=&code=.
export const portalTrainingPath = '/portal/mine/training';
// 资讯 (information): the feed and an article.
export const portalArticlesPath = '/portal/news';
export const portalArticlePath = (id: number) => `${portalArticlesPath}/${id}`;
export const portalSurveyPath = (waveId: string) => `${portalSurveysPath}/${encodeURIComponent(waveId)}`;

// Pages under a tab, reached from it (the tab stays highlighted by findPortalTab).
export const portalSubPages: readonly { path: string; page: ComponentType }[] = [
  { path: '/portal/tickets/new', page: PortalNewTicketPage },
  { path: '/portal/tickets/:id', page: PortalTicketPage },
  { path: portalPriceReportPath, page: PriceReportPage },
  { path: portalMarginPath, page: PortalMarginPage },
  { path: portalSurveysPath, page: SurveyListPage },
  { path: `${portalSurveysPath}/:waveId`, page: SurveyAnswerPage },
  { path: portalCreditPath, page: CreditPage },
  { path: portalCreditAppealPath, page: CreditAppealPage },
  { path: portalTerminalPath, page: TerminalPage },
  { path: portalContestsPath, page: ContestsPage },
  { path: portalConsumerFeedbackPath, page: ConsumerFeedbackPage },
  { path: portalTrainingPath, page: TrainingPage },
  { path: portalArticlesPath, page: ArticleListPage },
  { path: `${portalArticlesPath}/:id`, page: ArticlePage },
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
