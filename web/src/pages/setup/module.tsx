import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';

export const setupModule: PageModule = {
  publicRoutes: [
    { path: '/setup', page: lazy(() => import('./index.tsx').then((module) => ({ default: module.SetupPage }))) },
  ],
};
