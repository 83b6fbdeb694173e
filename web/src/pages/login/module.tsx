import type { PageModule } from '../../app/page-module.ts';
import { LoginPage } from './index.tsx';

// Loaded with the console itself: it is the first page most visits see.
export const loginModule: PageModule = {
  publicRoutes: [{ path: '/login', page: LoginPage }],
};
