/**
 * Working the console in Chromium as its users do: a context on a fixed China day, logging in, calling the
 * API from the logged-in page (setting up data a screen then shows), and checking a screen (Chinese, no
 * English UI words, axe, no browser console error) with its screenshot in $SCREENSHOT_DIR.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Page, Response } from 'playwright-core';
import { collectBrowserErrors, launchBrowser, seriousAxeViolations } from './browser.ts';
import type { TestBrowser } from './browser.ts';
import { startConsoleServer } from './consoleServer.ts';
import type { ConsoleServer } from './consoleServer.ts';

export interface ConsoleUser {
  page: Page;
  /** Browser console errors and failed requests. */
  errors: string[];
  /** API answers with an error status (to explain a failed step). */
  refused: string[];
}

export async function newConsoleContext(browser: Browser, today: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.clock.setFixedTime(new Date(`${today}T09:30:00+08:00`));
  return context;
}

export async function loginToConsole(browser: Browser, server: ConsoleServer, today: string, username: string): Promise<ConsoleUser> {
  const context = await newConsoleContext(browser, today);
  const page = await context.newPage();
  const errors = collectBrowserErrors(page);
  const refused: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) void r.text().then((t) => refused.push(`${r.status()} ${r.url()} ${t}`), () => undefined);
  });
  await page.goto(`${server.origin}/console/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(server.passwordOf(username));
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('button', { name: /退\s*出/ }).waitFor();
  return { page, errors, refused };
}

/** An API call from the logged-in page (session cookie and CSRF header as the console sends them). */
export async function apiFromPage<T>(page: Page, method: 'GET' | 'POST' | 'PUT', apiPath: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(`/api/v1${p}`, {
        method: m,
        headers: { 'content-type': 'application/json', 'x-csrf-token': sessionStorage.getItem('gk_csrf') ?? '' },
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      });
      return { status: res.status, body: await res.json() };
    },
    [method, apiPath, body] as const,
  ) as Promise<{ status: number; body: T }>;
}

/**
 * Does `action` (a click that sends a request) and waits for the API's answer to that request, rather than
 * for a toast that may come and go while the machine is loaded; a refusal fails with the problem's text.
 * `then` (optional): the request the screen sends next to refresh itself, awaited too.
 */
export async function awaitApi(u: ConsoleUser, method: string, pathPattern: RegExp, action: () => Promise<void>, then?: { method: string; path: RegExp }): Promise<unknown> {
  const matches = (m: string, p: RegExp) => (r: Response) => r.request().method() === m && p.test(new URL(r.url()).pathname);
  const answer = u.page.waitForResponse(matches(method, pathPattern), { timeout: 60_000 });
  const refresh = then === undefined ? undefined : u.page.waitForResponse(matches(then.method, then.path), { timeout: 60_000 });
  await action();
  const res = await answer;
  const text = await res.text();
  assert.ok(res.ok(), `${method} ${res.url()}: ${res.status()} ${text}`);
  if (refresh !== undefined) await refresh;
  return text === '' ? null : (JSON.parse(text) as unknown);
}

/** Drops the browser's log line of an expected refusal (e.g. a 400 the screen then explains). */
/**
 * Picks an option of the antd Select labelled `selectLabel` and checks that it was taken; under load a
 * click can fall on the dropdown while it is still opening, so the dropdown is opened again (twice at most).
 */
export async function chooseOption(page: Page, selectLabel: string, option: string | RegExp): Promise<void> {
  const select = page.locator('.ant-select').filter({ has: page.getByLabel(selectLabel, { exact: true }) });
  const taken = async () => {
    const text = await select.locator('.ant-select-content').first().getAttribute('title', { timeout: 5_000 }).catch(() => null);
    return text !== null && (typeof option === 'string' ? text.includes(option) : option.test(text));
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByLabel(selectLabel, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option).click();
    if (await taken()) return;
  }
  throw new Error(`${selectLabel}: the option ${String(option)} was not taken`);
}

export function forgetExpectedRefusal(u: ConsoleUser, status: number): void {
  const others = u.errors.filter((e) => !e.includes(`status of ${status}`));
  u.errors.splice(0, u.errors.length, ...others);
}

/** Checks a screen: Chinese, accessible, no console error; saves its screenshot. */
export async function checkConsoleScreen(u: ConsoleUser, name: string): Promise<void> {
  await u.page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  await u.page.waitForTimeout(300);
  const text = await u.page.locator('body').innerText();
  assert.ok(/[\u4e00-\u9fff]/.test(text), `${name}: Chinese text`);
  const english = text.match(/\b(Loading|Submit|Cancel|Search|No data|Error|undefined|null|NaN)\b/g);
  assert.equal(english, null, `${name}: no English UI words (${String(english)})`);
  const violations = await seriousAxeViolations(u.page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`), [], `${name}: axe`);
  assert.deepEqual(u.errors, [], `${name}: browser console`);
  const dir = process.env['SCREENSHOT_DIR'];
  if (dir !== undefined) await u.page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The demo server with the built console on `today`, and Chromium: started before a test file, closed after. */
export interface ConsoleHarness {
  readonly server: ConsoleServer;
  readonly browser: Browser;
  login(username: string): Promise<ConsoleUser>;
}

export function consoleHarness(today: string): ConsoleHarness {
  let server: ConsoleServer | undefined;
  let tb: TestBrowser | undefined;
  before(async () => {
    server = await startConsoleServer({ today });
    tb = await launchBrowser();
    const dir = process.env['SCREENSHOT_DIR'];
    if (dir !== undefined) mkdirSync(dir, { recursive: true });
  });
  after(async () => {
    await tb?.close();
    await server?.close();
  });
  const harness: ConsoleHarness = {
    get server(): ConsoleServer {
      if (server === undefined) throw new Error('console server not started');
      return server;
    },
    get browser(): Browser {
      if (tb === undefined) throw new Error('browser not launched');
      return tb.browser;
    },
    login: (username) => loginToConsole(harness.browser, harness.server, today, username),
  };
  return harness;
}
