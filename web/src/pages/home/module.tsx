import { HomeOutlined } from '@ant-design/icons';
import type { PageModule } from '../../app/page-module.ts';
import { staffRoles } from '../../shared/roles.ts';
import { HomePage } from './index.tsx';

export const homeModule: PageModule = {
  routes: [
    {
      path: '/',
      labelKey: 'menu.home',
      icon: <HomeOutlined />,
      access: staffRoles,
      order: 100,
      // Part of the console's entry, not a chunk of its own: the page every staff member lands on
      // shows without a further round trip (scripts/bundle-budget.ts, the console's first screen).
      page: HomePage,
    },
  ],
};
