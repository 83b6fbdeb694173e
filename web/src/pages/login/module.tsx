import { lazy, useEffect } from 'react';
import { useLocation } from 'react-router';
import type { PageModule } from '../../app/page-module.ts';

// /login is a page of its own (web/login.html and src/login/login.ts: plain HTML, not the
// console's bundle), which the server sends for it. When the console itself goes to /login (after
// signing out, when a session ends, after the setup), a full page load fetches that page; the
// setup's "done" note rides along as ?setup=done. Not when the console itself was sent for
// /login (a build without login.html): that would load it again and again.
const isOpenedAtLogin = window.location.pathname === '/login';

function LoadsSignInPage() {
  const location = useLocation();
  useEffect(() => {
    if (isOpenedAtLogin && location.key === 'default') return;
    const search = new URLSearchParams(location.search);
    if ((location.state as { setupDone?: boolean } | null)?.setupDone === true) search.set('setup', 'done');
    const query = search.toString();
    window.location.replace(`/login${query ? `?${query}` : ''}`);
  }, [location]);
  return null;
}

export const loginModule: PageModule = {
  publicRoutes: [{ path: '/login', page: lazy(async () => ({ default: LoadsSignInPage })) }],
};
