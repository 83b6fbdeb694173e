import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localeStorageKey as consoleLocaleStorageKey } from '../shared/i18n/locale.ts';
import { formatCountdown, localeStorageKey, safeRedirectTarget, startLoginPage } from './login.ts';

// web/login.html's body, as the server sends it (without its script: the test starts the page).
const page = readFileSync(join(process.cwd(), 'web/login.html'), 'utf8');
const body = page.slice(page.indexOf('<body>') + '<body>'.length, page.indexOf('</body>'));

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
const notSignedIn: Reply = { status: 401, body: { status: 401, title: 'Unauthorized', code: 'UNAUTHENTICATED' } };

function open(search: string, replies: Record<string, Reply>, storedLocale?: string) {
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/, '');
  document.documentElement.lang = 'zh-CN';
  const storage = new Map<string, string>(storedLocale ? [[localeStorageKey, storedLocale]] : []);
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${url.replace('/api/v1', '')}`;
    const reply = replies[key] ?? { status: 404, body: { status: 404, title: 'Not Found' } };
    return new Response(JSON.stringify(reply.body ?? {}), {
      status: reply.status,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  });
  const location = { search, replace: vi.fn(), assign: vi.fn() };
  const win = {
    document,
    location,
    fetch,
    localStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
    },
  } as unknown as Window;
  startLoginPage(win);
  return { fetch, location, storage };
}

const field = (label: string) =>
  document.getElementById(
    [...document.querySelectorAll('label')].find((node) => node.textContent === label)?.htmlFor ?? '',
  ) as HTMLInputElement;
const button = () => document.querySelector<HTMLButtonElement>('button[type="submit"]') as HTMLButtonElement;
const type = (label: string, value: string) => {
  const input = field(label);
  input.value = value;
  input.dispatchEvent(new Event('input'));
};
const submit = (username: string, password: string) => {
  type('用户名', username);
  type('密码', password);
  button().click();
};
const visibleText = () =>
  [...document.querySelectorAll<HTMLElement>('body *')]
    .filter((node) => !node.closest('[hidden]') && node.children.length === 0)
    .map((node) => node.textContent ?? '');

const ready = { 'GET /auth/me': notSignedIn, 'GET /setup': { status: 200, body: { needed: false } } };
const adminUser = { id: 1, username: 'admin', role: 'admin', mustChangePassword: false };

beforeEach(() => {
  vi.useRealTimers();
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the console sign-in page (login.html)', () => {
  it('keeps the language where the console reads it (shared/i18n/locale.ts)', () => {
    expect(localeStorageKey).toBe(consoleLocaleStorageKey);
  });

  it("shows the server's own words when the password is wrong, and stays", async () => {
    const { location } = open('', {
      ...ready,
      'POST /auth/login': {
        status: 401,
        body: { status: 401, title: 'Unauthorized', detail: '用户名或密码错误。', code: 'INVALID_CREDENTIALS' },
      },
    });
    submit('admin', 'wrong-password');
    await vi.waitFor(() => expect(visibleText()).toContain('用户名或密码错误。'));
    expect(visibleText()).toContain('登录失败');
    expect(document.querySelector('[role="alert"]')?.hasAttribute('hidden')).toBe(false);
    expect(location.replace).not.toHaveBeenCalled();
    expect(location.assign).not.toHaveBeenCalled();
  });

  it('explains a rate limit, locks the button with a countdown, and unlocks for another account', async () => {
    open('', {
      ...ready,
      'POST /auth/login': {
        status: 429,
        headers: { 'retry-after': '120' },
        body: { status: 429, title: 'Too Many Requests', detail: '登录失败次数过多，请在 2 分钟后再试。' },
      },
    });
    submit('admin', 'wrong-password');
    await vi.waitFor(() => expect(visibleText()).toContain('尝试次数过多'));
    expect(visibleText()).toContain('登录失败次数过多，请在 2 分钟后再试。');
    expect(button().disabled).toBe(true);
    expect(button().textContent).toMatch(/^登录 \((2:00|1:59)\)$/);
    type('用户名', 'marketing');
    expect(button().disabled).toBe(false);
    expect(visibleText()).not.toContain('尝试次数过多');
  });

  it('goes on to the page asked for with a full page load, sending the trimmed username', async () => {
    const { fetch, location } = open('?redirect=%2Fadmin%2Fusers', {
      ...ready,
      'POST /auth/login': { status: 200, body: { user: adminUser } },
    });
    submit(' admin ', 'kewo-demo-2026');
    await vi.waitFor(() => expect(location.replace).toHaveBeenCalledWith('/admin/users'));
    const call = fetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ username: 'admin', password: 'kewo-demo-2026' });
    expect((call?.[1]?.headers as Record<string, string> | undefined)?.['Accept-Language']).toBe('zh-CN');
  });

  it.each([
    ['another site', '?redirect=%2F%2Fevil.example'],
    ['no redirect', ''],
  ])('goes to the home page given %s', async (_case, search) => {
    const { location } = open(search, { ...ready, 'POST /auth/login': { status: 200, body: { user: adminUser } } });
    submit('admin', 'kewo-demo-2026');
    await vi.waitFor(() => expect(location.replace).toHaveBeenCalledWith('/'));
  });

  it('sends a retailer who signs in here to the portal', async () => {
    const { location } = open('', {
      ...ready,
      'POST /auth/login': { status: 200, body: { user: { ...adminUser, role: 'retailer' } } },
    });
    submit('350602100009', 'kewo-demo-2026');
    await vi.waitFor(() => expect(location.assign).toHaveBeenCalledWith('/portal'));
  });

  it('asks nothing that answers 401 to a signed-out visitor (the server sends a signed-in one on)', async () => {
    const { fetch } = open('', ready);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/api/v1/setup']);
  });

  it('offers the one-time setup on an empty system', async () => {
    open('', { ...ready, 'GET /setup': { status: 200, body: { needed: true } } });
    await vi.waitFor(() => expect(visibleText()).toContain('系统尚未初始化，还没有任何用户。'));
    const link = [...document.querySelectorAll('a')].find((node) => node.textContent === '初始化系统');
    expect(link?.getAttribute('href')).toBe('/setup');
  });

  it('says the setup is done when coming from it', () => {
    open('?setup=done', ready);
    expect(visibleText()).toContain('初始化完成，请使用新账号登录。');
  });

  it('asks for a username and a password before asking the server, and says no more once given', async () => {
    const { fetch } = open('', ready);
    submit('  ', '');
    expect(visibleText()).toContain('请输入用户名');
    expect(visibleText()).toContain('请输入密码');
    expect(field('用户名').getAttribute('aria-invalid')).toBe('true');
    expect(field('用户名').getAttribute('aria-describedby')).toBe('kewo-login-username-error');
    type('用户名', 'admin');
    expect(visibleText()).not.toContain('请输入用户名');
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);
  });

  it('speaks the language chosen earlier, asks the server in it, and keeps a new choice', async () => {
    const { fetch, storage } = open(
      '',
      {
        ...ready,
        'POST /auth/login': { status: 401, body: { status: 401, detail: 'Wrong username or password.' } },
      },
      'en',
    );
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Sign in · Kewo 客我');
    expect(field('Username')).toBeTruthy();
    type('Username', 'admin');
    type('Password', 'x');
    button().click();
    await vi.waitFor(() => expect(visibleText()).toContain('Sign-in failed'));
    const call = fetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect((call?.[1]?.headers as Record<string, string> | undefined)?.['Accept-Language']).toBe('en');

    document.querySelector<HTMLButtonElement>('button[data-locale="zh-CN"]')?.click();
    expect(storage.get(localeStorageKey)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(field('用户名')).toBeTruthy();
    expect(visibleText()).toContain('登录失败');
    expect(document.querySelector('button[data-locale="zh-CN"]')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('says the server cannot be reached when the request fails', async () => {
    const { fetch } = open('', ready);
    fetch.mockImplementation(async (url: string) => {
      if (url.endsWith('/auth/login')) throw new TypeError('Failed to fetch');
      return new Response('{}', { status: 401 });
    });
    submit('admin', 'x');
    await vi.waitFor(() => expect(visibleText()).toContain('无法连接服务器，请检查网络后重试。'));
  });
});

describe(safeRedirectTarget.name, () => {
  it.each([
    ['/customers?page=2', '/customers?page=2'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    [null, '/'],
  ])('%s → %s', (value, expected) => {
    expect(safeRedirectTarget(value, '/')).toBe(expected);
  });
});

describe(formatCountdown.name, () => {
  it.each([
    [120, '2:00'],
    [59, '0:59'],
    [61, '1:01'],
  ])('%i s → %s', (seconds, expected) => {
    expect(formatCountdown(seconds)).toBe(expected);
  });
});
