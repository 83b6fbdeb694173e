import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { en as homeMessagesEn } from '../../../../web/src/pages/home/messages.en.ts';
import { homeMessages } from '../../../../web/src/pages/home/messages.ts';
import { en as sharedEn } from '../../../../web/src/shared/i18n/en.ts';
import { zhCN as sharedZhCN } from '../../../../web/src/shared/i18n/zh-CN.ts';
import type { Authenticator } from '../auth/auth.service.ts';
import { createConsolePageResolver, firstScreenMessages, renderFirstScreen } from './console-first-screen.ts';
import { registerWebApp } from './web-app.ts';

const today = new Date('2026-12-07T16:30:00Z'); // 12月8日 in Asia/Shanghai

// A stand-in for the session check: one staff token, one retailer's, one staff member who must
// first change their password.
const sessions: Record<string, { role: string; displayName: string; mustChangePassword: boolean }> = {
  staff: { role: 'admin', displayName: '系统管理员', mustChangePassword: false },
  fresh: { role: 'manager', displayName: '客户经理01', mustChangePassword: true },
  store: { role: 'retailer', displayName: '龙文便利店', mustChangePassword: false },
};
const authenticator = {
  authenticate: async (token: string) => {
    const session = sessions[token];
    if (!session) return undefined;
    return {
      actor: { role: session.role, displayName: session.displayName },
      profile: { mustChangePassword: session.mustChangePassword },
    };
  },
} as unknown as Authenticator;

describe(renderFirstScreen.name, () => {
  it("says what the home says, in the home's words and the business day", () => {
    const html = renderFirstScreen({ displayName: '系统管理员', role: 'admin' }, 'zh-CN', today);
    expect(html).toContain('<h2>系统管理员，您好</h2>');
    expect(html).toContain('<p>2026年12月8日星期二</p>');
    expect(html).toContain('<span class="kewo-home-role">系统管理员</span>');
    expect(renderFirstScreen({ displayName: 'Li', role: 'inspector' }, 'en', today)).toContain('<h2>Hello, Li</h2>');
  });

  it('escapes the name, whatever an administrator typed', () => {
    const html = renderFirstScreen({ displayName: '<img src=x onerror=alert(1)>&"', role: 'admin' }, 'zh-CN', today);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;，您好');
  });

  it("keeps the server's words the web's (home greeting, role names, both languages)", () => {
    const pairs = [
      ['zh-CN', homeMessages['zh-CN'].home.greeting, sharedZhCN.roles],
      ['en', homeMessagesEn.home.greeting, sharedEn.roles],
    ] as const;
    for (const [locale, greeting, roles] of pairs) {
      expect(firstScreenMessages[locale].greeting('某某')).toBe(greeting.replace('{{name}}', '某某'));
      for (const [role, label] of Object.entries(firstScreenMessages[locale].roles)) {
        expect(label, `${locale} ${role}`).toBe(roles[role as keyof typeof roles]);
      }
    }
  });
});

describe('console pages before the app runs', () => {
  const buildDir = mkdtempSync(join(tmpdir(), 'kewo-web-'));
  mkdirSync(join(buildDir, 'assets'));
  writeFileSync(join(buildDir, 'index.html'), '<!doctype html><title>客我</title><body><div id="root"></div></body>');
  writeFileSync(join(buildDir, 'login.html'), '<!doctype html><title>登录</title>');
  writeFileSync(join(buildDir, 'portal.html'), '<!doctype html><title>门户</title>');
  afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

  async function webApp() {
    const app = Fastify();
    await app.register(fastifyCookie);
    await registerWebApp(app, true, buildDir, { consolePage: createConsolePageResolver(authenticator, () => today) });
    await app.ready();
    return app;
  }

  it('sends a visitor without a session to sign in, back to the page asked for, with no console and no 401', async () => {
    const app = await webApp();
    const home = await app.inject({ url: '/' });
    expect(home.statusCode).toBe(302);
    expect(home.headers.location).toBe('/login');
    const page = await app.inject({ url: '/customers?q=龙海', headers: { cookie: 'kewo_session=expired' } });
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe(`/login?redirect=${encodeURIComponent('/customers?q=%E9%BE%99%E6%B5%B7')}`);
    // Signed in as staff, the sign-in page sends them straight on (same site only, never back to
    // itself); a retailer or a visitor without a session gets the page.
    const again = await app.inject({ url: '/login?redirect=%2Fcustomers', headers: { cookie: 'kewo_session=staff' } });
    expect(again.headers.location).toBe('/customers');
    for (const target of ['%2F%2Fevil.example', 'https%3A%2F%2Fevil.example', '%2Flogin%3Fredirect%3D%252F'])
      expect(
        (await app.inject({ url: `/login?redirect=${target}`, headers: { cookie: 'kewo_session=staff' } })).headers
          .location,
        target,
      ).toBe('/');
    expect((await app.inject({ url: '/login', headers: { cookie: 'kewo_session=store' } })).statusCode).toBe(200);
    // The public pages and the portal are served as before.
    expect((await app.inject({ url: '/login' })).body).toContain('登录');
    expect((await app.inject({ url: '/setup' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/portal/orders' })).body).toContain('门户');
    await app.close();
  });

  it("draws a staff member's greeting into the home, for them only; other pages and other sessions get the page", async () => {
    const app = await webApp();
    const home = await app.inject({
      url: '/',
      headers: { cookie: 'kewo_session=staff', 'accept-encoding': 'identity' },
    });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<h2>系统管理员，您好</h2>');
    expect(home.body.indexOf('id="kewo-first-screen"')).toBeLessThan(home.body.indexOf('id="root"'));
    expect(home.headers['cache-control']).toBe('private, no-cache');
    expect(home.headers.vary).toContain('cookie');
    const english = await app.inject({ url: '/', headers: { cookie: 'kewo_session=staff; kewo_locale=en' } });
    expect(english.headers['content-encoding']).toBeUndefined();
    expect(english.body).toContain('<h2>Hello, 系统管理员</h2>');
    const brotli = await app.inject({ url: '/', headers: { cookie: 'kewo_session=staff', 'accept-encoding': 'br' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    for (const [url, cookie] of [
      ['/customers', 'kewo_session=staff'],
      ['/', 'kewo_session=fresh'],
      ['/', 'kewo_session=store'],
    ]) {
      const page = await app.inject({ url, headers: { cookie } });
      expect(page.statusCode, `${url} ${cookie}`).toBe(200);
      expect(page.body, `${url} ${cookie}`).not.toContain('kewo-first-screen');
    }
    await app.close();
  });
});
