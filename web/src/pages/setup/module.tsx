import type { PageModule } from '../../app/page-module.ts';
import { SetupPage } from './index.tsx';

export const setupModule: PageModule = {
  publicRoutes: [{ path: '/setup', page: SetupPage }],
};
