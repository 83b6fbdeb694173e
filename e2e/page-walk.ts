import type { Page, Response, TestInfo } from '@playwright/test';
import { saveScreenshot } from './screenshot.ts';

// The role × page walk: opens pages as a signed-in user and writes down everything a user of that
// role would trip over — a request the page made that the server refused or failed, an error in
// the browser's console, a button for an operation the role may not perform (checked against the
// server's access declarations: GET /api/v1/auth/permissions), an untranslated message key or a
// raw code on screen. The walk collects every finding and the journey asserts there are none, so
// one run lists them all.

export type Finding = { page: string; kind: string; detail: string };

export class PageWalk {
  readonly findings: Finding[] = [];
  private where = '(sign-in)';
  private operations: ReadonlySet<string> = new Set();

  private readonly page: Page;
  private readonly testInfo: TestInfo;
  private readonly name: string;

  constructor(page: Page, testInfo: TestInfo, name: string) {
    this.page = page;
    this.testInfo = testInfo;
    this.name = name;
    page.on('response', (response) => this.onResponse(response));
    page.on('console', (message) => {
      if (message.type() === 'error') this.note('console error', message.text().slice(0, 300));
    });
    page.on('pageerror', (error) => this.note('uncaught error', error.message.slice(0, 300)));
  }

  // The operations this session may perform, as the server declares them.
  async loadPermissions(): Promise<void> {
    const response = await this.page.request.get('/api/v1/auth/permissions');
    if (!response.ok()) {
      this.note('permissions', `GET /api/v1/auth/permissions answered ${response.status()}`);
      return;
    }
    const body = (await response.json()) as { operations: string[] };
    this.operations = new Set(body.operations);
  }

  // Looks at the page as it stands now, under a label that names it in the findings.
  async look(label: string, screenshotName?: string): Promise<void> {
    this.where = label;
    await settle(this.page);
    await this.checkActions();
    await this.checkText();
    if (screenshotName) await saveScreenshot(this.page, this.testInfo, `walk-${this.name}-${screenshotName}`);
  }

  // Opens each tab of the page in turn (antd Tabs, role=tab) and looks at it.
  async walkTabs(label: string, screenshotPrefix: string): Promise<void> {
    const tabs = this.page.locator('[role="tab"]:visible');
    const count = await tabs.count();
    for (let index = 0; index < count; index++) {
      const tab = tabs.nth(index);
      const title = ((await tab.innerText()).trim() || `tab ${index + 1}`).replace(/\s+/g, ' ');
      if ((await tab.getAttribute('aria-disabled')) === 'true') continue;
      this.where = `${label} › ${title}`;
      await tab.click();
      await this.look(`${label} › ${title}`, `${screenshotPrefix}-tab${index + 1}`);
    }
  }

  note(kind: string, detail: string): void {
    this.findings.push({ page: this.where, kind, detail });
  }

  private onResponse(response: Response): void {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/')) return;
    if (response.status() < 400) return;
    this.note('http', `${response.request().method()} ${url.pathname}${url.search} → ${response.status()}`);
  }

  private async checkActions(): Promise<void> {
    const actions = await this.page.locator('[data-action]:visible').evaluateAll((elements) =>
      elements.map((element) => ({
        action: element.getAttribute('data-action') ?? '',
        text: (element.textContent ?? '').trim().slice(0, 40),
        disabled: element.hasAttribute('disabled') || element.getAttribute('aria-disabled') === 'true',
      })),
    );
    for (const { action, text, disabled } of actions) {
      if (!this.operations.has(action))
        this.note('forbidden action', `"${text}" → ${action}${disabled ? ' (shown disabled)' : ''}`);
    }
  }

  private async checkText(): Promise<void> {
    const text = await this.page.locator('body').innerText();
    // A code the page shows as a code on purpose (a custom field's key, an id) is not a finding.
    const shownAsCode = await this.page.locator('code, kbd, samp, [translate="no"]').allInnerTexts();
    for (const finding of untranslatedText(text)) {
      if (!shownAsCode.some((code) => code.includes(finding))) this.note('untranslated', finding);
    }
  }
}

// Text that is a message key or a raw code rather than words: "tickets.detail.close",
// "seed_demo", "CITY_WIDE_SCOPE_REQUIRED". Pure, tested in page-walk.test.ts. (A page that shows a
// code on purpose marks it as one — <code>, antd's Typography.Text code — and the walk skips it.)
export function untranslatedText(text: string): string[] {
  const found = new Set<string>();
  const patterns = [
    // a message key: lowercase namespace and at least two more camelCase parts
    /(?<![\w./@:-])[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*){2,}(?![\w./@-])/g,
    // a snake_case code
    /(?<![\w./@:-])[a-z]+(?:_[a-z0-9]+)+(?![\w./@-])/g,
    // an UPPER_SNAKE error code
    /(?<![\w./@:-])[A-Z]{2,}(?:_[A-Z0-9]+)+(?![\w./@-])/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.add(match[0]);
  return [...found];
}

// Waits until the page has loaded what it asked for: no request in flight and no spinner showing.
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning:visible, .ant-skeleton-active:visible')
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => undefined);
  await page.waitForLoadState('networkidle');
}

export function report(findings: readonly Finding[]): string {
  return findings.map((finding) => `${finding.page}: [${finding.kind}] ${finding.detail}`).join('\n');
}
