import { lazy } from 'react';
import type { PageModule } from '../../app/page-module.ts';

// Its own chunk like every page, so a signed-in visit to / does not download the sign-in form.
export const loginModule: PageModule = {
  publicRoutes: [
    { path: '/login', page: lazy(() => import('./index.tsx').then((module) => ({ default: module.LoginPage }))) },
  ],
};
