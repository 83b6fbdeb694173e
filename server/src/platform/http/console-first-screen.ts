import type { FastifyRequest } from 'fastify';
import { sessionCookieName } from '../access/access-hooks.ts';
import type { Authenticator } from '../auth/auth.service.ts';

// What the server does for a console page before the console's scripts run (web-app.ts):
// - a visitor without a valid staff session goes straight to the sign-in page (as the console's
//   session gate would send them once its scripts had loaded and asked /auth/me), so a signed-out
//   visit downloads no console and leaves no 401 in the browser's console;
// - the home (/) of a signed-in staff member comes with its greeting in the page, drawn with the
//   home's own style sheet above the app until the app's shell replaces it
//   (web/src/app/first-screen.ts): the first screen's largest text shows with the page, not after
//   the scripts (bench/lighthouse.ts: LCP).
export type ConsolePageAnswer = { redirect: string } | { firstScreen: string } | undefined;
export type ConsolePageResolver = (request: FastifyRequest) => Promise<ConsolePageAnswer>;

// The console's pages anyone may open (web/src/pages/{login,setup}/module.tsx): the first run's
// setup; and the sign-in page, except to staff already signed in (a second tab), who go straight
// on to the page asked for, so the sign-in page need not ask /auth/me itself.
const setupPath = '/setup';
const loginPath = '/login';

// The language the console shows, mirrored in a cookie by web/src/shared/i18n/locale.ts.
export const localeCookieName = 'kewo_locale';
type FirstScreenLocale = 'zh-CN' | 'en';

// The home's words (web/src/pages/home/messages*.ts, shared/i18n roles): console-first-screen.test.ts
// checks they are the same.
export const firstScreenMessages: Record<
  FirstScreenLocale,
  { greeting: (name: string) => string; roles: Record<string, string> }
> = {
  'zh-CN': {
    greeting: (name) => `${name}，您好`,
    roles: {
      admin: '系统管理员',
      marketing: '营销中心',
      service: '客服中心',
      inspector: '督察考评',
      manager: '客户经理',
    },
  },
  en: {
    greeting: (name) => `Hello, ${name}`,
    roles: {
      admin: 'Administrator',
      marketing: 'Marketing centre',
      service: 'Service centre',
      inspector: 'Inspector',
      manager: 'Customer manager',
    },
  },
};

const businessTimeZone = 'Asia/Shanghai';

export function createConsolePageResolver(authenticator: Authenticator, now: () => Date): ConsolePageResolver {
  return async (request) => {
    const path = request.url.split('?')[0];
    if (path === setupPath) return undefined;
    const token = request.cookies?.[sessionCookieName];
    const signedIn = token ? await authenticator.authenticate(token, request.ip, request.id) : undefined;
    if (path === loginPath) {
      if (!signedIn || signedIn.actor.role === 'retailer') return undefined;
      return { redirect: safeRedirectTarget(new URL(request.url, 'http://kewo.local').searchParams.get('redirect')) };
    }
    if (!signedIn)
      return { redirect: path === '/' ? loginPath : `${loginPath}?redirect=${encodeURIComponent(request.url)}` };
    const { actor, profile } = signedIn;
    // A retailer (sent to the portal) and a password to change first (sent to /account): the app's
    // gate decides; only the home of a staff member ready to work gets its greeting.
    if (path !== '/' || actor.role === 'retailer' || profile.mustChangePassword) return undefined;
    const locale: FirstScreenLocale = request.cookies?.[localeCookieName] === 'en' ? 'en' : 'zh-CN';
    return { firstScreen: renderFirstScreen({ displayName: actor.displayName, role: actor.role }, locale, now()) };
  };
}

// The layout's frame (sider, header) and the home's greeting panel, in the classes the app draws
// them with (console-layout.css, home.css), so the app's own drawing replaces it in place.
export function renderFirstScreen(
  user: { displayName: string; role: string },
  locale: FirstScreenLocale,
  today: Date,
): string {
  const messages = firstScreenMessages[locale];
  const role = messages.roles[user.role] ?? '';
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: businessTimeZone }).format(today);
  return [
    '<div id="kewo-first-screen" class="kewo-layout kewo-first-screen" aria-hidden="true">',
    '<aside class="kewo-sider"></aside>',
    '<div class="kewo-main"><header class="kewo-header"></header><main class="kewo-content"><div class="kewo-home">',
    '<section class="kewo-panel kewo-home-welcome"><div class="kewo-home-heading">',
    `<div class="kewo-home-avatar">${escapeHtml(Array.from(user.displayName)[0] ?? '')}</div>`,
    `<div class="kewo-home-greeting"><h2>${escapeHtml(messages.greeting(user.displayName))}</h2><p>${escapeHtml(day)}</p></div>`,
    `<span class="kewo-home-role">${escapeHtml(role)}</span>`,
    '</div></section></div></main></div></div>',
  ].join('');
}

// Same-site paths only (as web/src/login/login.ts), so ?redirect= cannot send anyone elsewhere,
// nor back to the sign-in page.
export function safeRedirectTarget(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value.split('?')[0] === loginPath ? '/' : value;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );
}
