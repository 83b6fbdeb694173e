import type { Page, Request, Response, TestInfo } from '@playwright/test';

// The role × page walk: opens pages as a signed-in user and writes down everything a user of that
// role would trip over — a request the page made that the server refused or failed, an error in
// the browser's console, a button for an operation the role may not perform (checked against the
// server's access declarations: GET /api/v1/auth/permissions), an untranslated message key or a
// raw code on screen. The walk collects every finding and the journey asserts there are none, so
// one run lists them all.

export type Finding = { page: string; kind: string; detail: string };

// Requests that stay open while the page shows (none today): not waited for.
const longLived = new Set(['eventsource', 'websocket']);
// CI sets KEWO_WALK_SCREENSHOTS=0: nobody looks at its pictures, and a full-page picture of every
// page of every role costs minutes there.
const takesPictures = process.env.KEWO_WALK_SCREENSHOTS !== '0';
// How long no request must be in flight before a look starts.
const quietMs = 150;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class PageWalk {
  readonly findings: Finding[] = [];
  private where = '(sign-in)';
  private operations: ReadonlySet<string> = new Set();
  private readonly inFlight = new Set<Request>();

  private readonly page: Page;
  private readonly testInfo: TestInfo;
  private readonly name: string;

  constructor(page: Page, testInfo: TestInfo, name: string) {
    this.page = page;
    this.testInfo = testInfo;
    this.name = name;
    page.on('response', (response) => this.onResponse(response));
    // The requests in flight, so a look waits for what the page asked for (settle) and no longer.
    page.on('request', (request) => {
      if (!longLived.has(request.resourceType())) this.inFlight.add(request);
    });
    page.on('requestfinished', (request) => this.inFlight.delete(request));
    page.on('requestfailed', (request) => this.inFlight.delete(request));
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

  // Looks at the page as it stands now, under a label that names it in the findings; with a name,
  // saves a picture of it too (test-results/screenshots/walk-<name>-<screenshotName>.png).
  async look(label: string, screenshotName?: string): Promise<void> {
    this.where = label;
    await this.settle();
    await this.checkActions();
    await this.checkText();
    if (screenshotName && takesPictures) await this.screenshot(`walk-${this.name}-${screenshotName}`);
  }

  // Opens each tab of the page in turn (antd Tabs, role=tab) and looks at it (with a picture of
  // each when given a prefix).
  async walkTabs(label: string, screenshotPrefix?: string): Promise<void> {
    const tabs = this.page.locator('[role="tab"]:visible');
    const count = await tabs.count();
    for (let index = 0; index < count; index++) {
      const tab = tabs.nth(index);
      const title = ((await tab.innerText()).trim() || `tab ${index + 1}`).replace(/\s+/g, ' ');
      if ((await tab.getAttribute('aria-disabled')) === 'true') continue;
      this.where = `${label} › ${title}`;
      await tab.click();
      await this.look(`${label} › ${title}`, screenshotPrefix && `${screenshotPrefix}-tab${index + 1}`);
    }
  }

  // Waits until the page has loaded what it asked for: no request in flight for a moment (React
  // starts a page's queries in effects, just after it paints; a lazy page's chunk first), and no
  // spinner showing. Timed here, not in the page: the journeys' pages run on Playwright's clock.
  // Playwright's networkidle waits half a second of silence each time instead: three of them a
  // look (the picture's own included) made most of the walk's time.
  async settle(): Promise<void> {
    await this.quiet();
    await this.page
      .locator('.ant-spin-spinning:visible, .ant-skeleton-active:visible')
      .first()
      .waitFor({ state: 'detached', timeout: 30_000 })
      .catch(() => undefined);
    await this.quiet();
  }

  private async quiet(): Promise<void> {
    const deadline = Date.now() + 30_000;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      if (this.inFlight.size > 0) {
        await sleep(20);
        quietSince = Date.now();
        continue;
      }
      if (Date.now() - quietSince >= quietMs) return;
      await sleep(20);
    }
  }

  // A full-page picture, from the top (a scrolled page's sticky header would land mid-picture),
  // attached to the report as well (as screenshot.ts does, without its networkidle wait: the look
  // has just settled).
  private async screenshot(name: string): Promise<void> {
    const path = new URL(`../test-results/screenshots/${name}.png`, import.meta.url).pathname;
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await this.page.screenshot({ path, fullPage: true });
    await this.testInfo.attach(name, { path, contentType: 'image/png' });
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

export function report(findings: readonly Finding[]): string {
  return findings.map((finding) => `${finding.page}: [${finding.kind}] ${finding.detail}`).join('\n');
}
