import { type LoginPageLocale, type LoginText, loginPageLocales, loginPageMessages } from './messages.ts';

// The console's sign-in page (web/login.html) at work, without React or the console's bundle: it
// does what the React page did. A first run (no users yet) offers the setup; the language switch
// persists the choice where the console reads it; the server's problem+json sentences come in the
// chosen language (Accept-Language); too many attempts lock the button with a countdown until
// another account is typed; after signing in, a full page load goes on to ?redirect= (same site
// only) — the console then sends a user on an initial password to change it (StaffSessionGate) —
// or a retailer to the portal. Already signed in (a second tab), the server sends staff straight on.

// shared/i18n/locale.ts (localeStorageKey): the console reads the choice from there.
export const localeStorageKey = 'kewo.locale';
const apiBase = '/api/v1';

type Problem = { status: number; title?: string; detail?: string; code?: string };
type SignInError = { problem: Problem; retryUntil: number | null };

// Only same-site paths are honoured, so ?redirect= cannot send anyone to another site.
export function safeRedirectTarget(value: string | null, fallback: string): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

export function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function isLoginPageLocale(value: unknown): value is LoginPageLocale {
  return typeof value === 'string' && (loginPageLocales as readonly string[]).includes(value);
}

function readLocale(storage: Storage | undefined): LoginPageLocale {
  try {
    const stored = storage?.getItem(localeStorageKey);
    return isLoginPageLocale(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

export function startLoginPage(win: Window = window): void {
  const doc = win.document;
  const element = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const form = element<HTMLFormElement>('kewo-login-form');
  const username = element<HTMLInputElement>('kewo-login-username');
  const password = element<HTMLInputElement>('kewo-login-password');
  const submitButton = form.querySelector<HTMLButtonElement>('button[type="submit"]') as HTMLButtonElement;
  const errorBox = element<HTMLDivElement>('kewo-login-error');
  const setupNeededBox = element<HTMLDivElement>('kewo-login-setup-needed');
  const setupDoneBox = element<HTMLDivElement>('kewo-login-setup-done');

  const params = new URLSearchParams(win.location.search);
  const redirectTo = safeRedirectTarget(params.get('redirect'), '/');
  const isSetupDone = params.get('setup') === 'done';
  let locale = readLocale(win.localStorage);
  let isValidated = false;
  let isPending = false;
  let error: SignInError | null = null;
  let ticker: ReturnType<typeof setInterval> | undefined;

  const text = (key: LoginText, values: Record<string, string | number> = {}) =>
    loginPageMessages[locale][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  const headers = (): Record<string, string> => ({
    Accept: 'application/json, application/problem+json',
    'Accept-Language': locale,
  });
  const secondsLeft = () => (error?.retryUntil ? Math.max(0, Math.ceil((error.retryUntil - Date.now()) / 1000)) : 0);
  // The sentence for a failed request: the server's localised detail when there is one.
  const describe = (problem: Problem) => {
    if (problem.status === 0) return text('networkError');
    if (problem.detail) return problem.detail;
    if (problem.status >= 500) return text('unknownError');
    return problem.title || text('unknownError');
  };

  const showFieldError = (input: HTMLInputElement, message: string | undefined) => {
    const box = element<HTMLDivElement>(`${input.id}-error`);
    box.textContent = message ?? '';
    box.hidden = !message;
    input.setAttribute('aria-invalid', String(Boolean(message)));
    if (message) input.setAttribute('aria-describedby', box.id);
    else input.removeAttribute('aria-describedby');
  };
  const fieldErrors = () => ({
    username: username.value.trim() ? undefined : text('usernameRequired'),
    password: password.value ? undefined : text('passwordRequired'),
  });

  const render = () => {
    doc.documentElement.lang = locale;
    doc.title = text('pageTitle');
    for (const node of doc.querySelectorAll<HTMLElement>('[data-text]')) {
      node.textContent = text(node.dataset.text as LoginText);
    }
    for (const node of doc.querySelectorAll<HTMLElement>('[data-label]')) {
      node.setAttribute('aria-label', text(node.dataset.label as LoginText));
    }
    for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-locale]')) {
      button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
    }
    setupDoneBox.hidden = !isSetupDone || error !== null;
    const isRateLimited = error?.problem.status === 429;
    const left = secondsLeft();
    const isLocked = isRateLimited && left > 0;
    errorBox.hidden = error === null;
    if (error) {
      errorBox.className = `kewo-login-alert has-detail ${isRateLimited ? 'warning' : 'error'}`;
      (errorBox.firstElementChild as HTMLElement).textContent = text(isRateLimited ? 'tooManyAttempts' : 'failed');
      (errorBox.lastElementChild as HTMLElement).textContent =
        isLocked && !error.problem.detail ? text('tryAgainIn', { seconds: left }) : describe(error.problem);
    }
    if (isLocked) submitButton.textContent = `${text('submit')} (${formatCountdown(left)})`;
    submitButton.disabled = isLocked;
    submitButton.setAttribute('aria-busy', String(isPending));
    const errors = isValidated ? fieldErrors() : { username: undefined, password: undefined };
    showFieldError(username, errors.username);
    showFieldError(password, errors.password);
    if (!isLocked && ticker !== undefined) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };

  const goOn = (role: unknown) => {
    // A retailer's account belongs in the portal; staff go on to the page they asked for.
    if (role === 'retailer') win.location.assign('/portal');
    else win.location.replace(redirectTo);
  };

  const signIn = async () => {
    isPending = true;
    render();
    let response: Response;
    try {
      response = await win.fetch(`${apiBase}/auth/login`, {
        method: 'POST',
        headers: { ...headers(), 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: username.value.trim(), password: password.value }),
        credentials: 'same-origin',
      });
    } catch {
      error = { problem: { status: 0 }, retryUntil: null };
      isPending = false;
      render();
      return;
    }
    if (response.ok) {
      const body = (await response.json().catch(() => ({}))) as { user?: { role?: unknown } };
      // The button stays busy while the next page loads.
      goOn(body.user?.role);
      return;
    }
    const problem = await readProblem(response);
    const retryAfter = Number(response.headers.get('retry-after'));
    const retryUntil = problem.status === 429 && retryAfter > 0 ? Date.now() + retryAfter * 1000 : null;
    error = { problem, retryUntil };
    isPending = false;
    if (retryUntil !== null && ticker === undefined) ticker = setInterval(render, 1000);
    render();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (isPending || submitButton.disabled) return;
    isValidated = true;
    const errors = fieldErrors();
    render();
    if (errors.username || errors.password) {
      (errors.username ? username : password).focus();
      return;
    }
    void signIn();
  });
  // The lock-out is per account: another username may be tried at once.
  username.addEventListener('input', () => {
    if (error?.problem.status === 429) error = null;
    render();
  });
  password.addEventListener('input', render);
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-locale]')) {
    button.addEventListener('click', () => {
      const chosen = button.dataset.locale;
      if (!isLoginPageLocale(chosen)) return;
      locale = chosen;
      try {
        win.localStorage.setItem(localeStorageKey, chosen);
      } catch {
        // Not persisted (private mode); the choice still holds on this page.
      }
      render();
    });
  }
  render();
  // As the React page did (autoFocus): ready to type, unless the browser has filled it in.
  if (!username.value) username.focus();

  // Already signed in (e.g. /login opened in a second tab): the server sent the visitor straight
  // on instead of this page (server/src/platform/http/console-first-screen.ts), so a signed-out
  // visit asks nothing that answers 401.
  // An empty system (no users yet) offers the one-time setup.
  void win
    .fetch(`${apiBase}/setup`, { headers: headers(), credentials: 'same-origin' })
    .then(async (response) => {
      if (response.ok) setupNeededBox.hidden = !((await response.json()) as { needed?: boolean }).needed;
    })
    .catch(() => {});
}

if (typeof document !== 'undefined' && document.getElementById('kewo-login-form')) startLoginPage();
