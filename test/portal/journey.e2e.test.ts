/**
 * The citizen's journey in Debian's Chromium (the pages carry no script at all: checked on each): find a document
 * with a two-character query, open it, read the 指南, apply online, reload the receipt (still one
 * application), answer a 补正 online, follow the case to the letter. Every page type passes axe-core
 * (no serious or critical violation) at 1366 px and 390 px.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousAxeViolations, collectBrowserErrors, type TestBrowser } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/http.ts';
import { VALID_ID } from '../support/fixtures.ts';
import { applications } from '../../src/db/schema.ts';
import { getAgencyByCode } from '../../src/agencies/agencies.ts';
import { reportYears } from '../../src/report/build/schema.ts';
import { seedReport } from '../support/reportFixtures.ts';

const SHOTS = process.env['PORTAL_SCREENSHOTS'];

describe('portal journey in Chromium', () => {
  let t: TestApp;
  let tb: TestBrowser;
  let browser: Browser;
  let base: string;
  let documentUrl = '';

  before(async () => {
    t = await startTestApp({ pageCache: true });
    t.today.value = '2026-11-24';
    const pub = await t.as('publisher');
    for (const [title, item, kind] of [['信访事项网上办理工作规程', '1', 'normative'], ['国家信访局2025年部门预算', '7', 'other'], ['政府信息公开保密审查办法', '15', 'other']] as const) {
      const res = await pub.post('/api/v1/agencies/gjxfj/catalogue/documents', {
        title, item, kind, column: title.includes('审查') ? 'system' : 'proactive', writtenOn: '2026-11-02', topic: '综合政务', publish: true,
        docNumber: kind === 'normative' ? '国信发〔2026〕7号' : undefined, body: '为规范信访事项网上办理工作，制定本规程。\n\n本规程自发布之日起施行。',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    // a published (locked) 2020 report, for the report page type
    const agency = await getAgencyByCode(t.db.db, 'gjxfj');
    await t.db.db.insert(reportYears).values({ agencyId: agency.id, year: 2020, lockedAt: '2021-01-20T08:00:00Z', lockedBy: 'test', snapshot: seedReport() });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    tb = await launchBrowser();
    browser = tb.browser;
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await tb?.close();
    await t?.close();
  });

  async function check(page: Page, name: string, width: number): Promise<void> {
    assert.equal(await page.locator('script').count(), 0, `${name}: no script on a portal page`);
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`), [], `${name} at ${width}px`);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }

  it('finds, reads, applies, reloads, answers the 补正 and gets the letter', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await ctx.newPage();
    const errors = collectBrowserErrors(page);
    await page.goto(`${base}/`);
    await page.click('a[href="/agencies/gjxfj"]');
    await page.fill('#q', '信访');
    await page.click('form.search button');
    assert.match(page.url(), /\/agencies\/gjxfj\/search\?q=/);
    assert.equal(await page.locator('ul.doclist mark').first().textContent(), '信访');
    await page.click('ul.doclist a:has-text("网上办理工作规程")');
    documentUrl = page.url();
    assert.equal(await page.locator('table.meta th:has-text("发文字号") + td').textContent(), '国信发〔2026〕7号');
    await page.click('nav.crumbs a:has-text("国家信访局")');
    await page.click('.columns a:has-text("政府信息公开指南")');
    assert.match(await page.locator('main').textContent() ?? '', /申请渠道/);
    await page.click('a:has-text("进入在线申请")');
    // first with a mistake: 邮寄 without an address
    await page.selectOption('#f-applicant-kind', 'natural_person');
    await page.fill('#f-applicant-name', '张三');
    await page.fill('#f-applicant-idNumber', VALID_ID);
    await page.fill('#f-applicant-phone', '13800000000');
    await page.fill('#f-description', '信访事项网上办理工作规程的起草说明');
    await page.selectOption('#f-form', 'electronic');
    await page.selectOption('#f-delivery', 'post');
    await page.click('form.apply button[type="submit"]');
    assert.match(await page.title(), /^错误：2处需要修改/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
    await check(page, 'apply-errors', 1366);
    await page.selectOption('#f-delivery', 'online');
    await page.click('form.apply button[type="submit"]');
    assert.match(page.url(), /\/apply\/receipt\//);
    const receiptCode = (await page.locator('.code').nth(0).textContent()) ?? '';
    const password = (await page.locator('.code').nth(1).textContent()) ?? '';
    await page.reload();
    assert.equal(await page.locator('.code').nth(0).textContent(), receiptCode);
    assert.equal((await t.db.db.select({ id: applications.id }).from(applications)).length, 1);
    await check(page, 'receipt', 1366);

    // the office confirms and asks for a 补正
    const clerk = await t.as('clerk');
    const list = (await clerk.get('/api/v1/applications')).json<{ items: { id: string; version: number }[] }>().items;
    const id = list[0]!.id;
    let v = list[0]!.version;
    v = (await clerk.post(`/api/v1/applications/${id}/confirm-receipt`, { version: v, date: '2026-11-24' })).json<{ application: { version: number } }>().application.version;
    const supp = await clerk.post(`/api/v1/applications/${id}/request-supplement`, { version: v, date: '2026-11-24', items: '请说明所需起草说明的具体范围' });
    assert.equal(supp.status, 200, JSON.stringify(supp.body));
    const statusQuery = async () => {
      await page.goto(`${base}/status`);
      await page.fill('#f-receiptCode', receiptCode);
      await page.fill('#f-queryPassword', password);
      await page.click('.status-form button');
    };
    await statusQuery();
    assert.match(await page.locator('#supp-h').locator('..').textContent() ?? '', /具体范围/);
    await check(page, 'status-supplement', 1366);
    await page.fill('#f-supplement', '需要2026年的起草说明全文');
    await page.click('#supp-h ~ form button[type="submit"]');
    assert.match(await page.locator('main ol').textContent() ?? '', /收到补正申请/);

    // answered: the letter is there
    v = (await clerk.get(`/api/v1/applications/${id}`)).json<{ version: number }>().version;
    const ans = await clerk.post(`/api/v1/applications/${id}/answer`, { version: v, date: '2026-11-24', outcome: 'granted', facts: { grantBasis: 'disclosed', provision: '电子文件于2026年11月24日发送至申请人电子邮箱' } });
    assert.equal(ans.status, 200, JSON.stringify(ans.body));
    await statusQuery();
    assert.match(await page.locator('main').textContent() ?? '', /当前状态：已答复/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[value="pdf"]')]);
    const file = await download.path();
    const { readFileSync } = await import('node:fs');
    assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
    // Art. 44: the applicant suggests publishing it; the publishers see it in their queue
    await page.click('#sg-h ~ form button');
    assert.match(await page.locator('[role="status"]').textContent() ?? '', /建议已提交/);
    const queue = (await (await t.as('publisher')).get('/api/v1/agencies/gjxfj/catalogue/proposals')).json<{ items: { source: string; applicationIds: string[] }[] }>().items;
    assert.deepEqual(queue.map((p) => [p.source, p.applicationIds]), [['applicant', [id]]]);
    // the one refused submission answers 400; nothing else fails
    assert.deepEqual(errors, ['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await ctx.close();
  });

  it('passes axe on every page type at 1366 px and 390 px', async () => {
    const urls: [string, string][] = [
      ['home', '/'], ['agency', '/agencies/gjxfj'], ['guide', '/agencies/gjxfj/guide'], ['system', '/agencies/gjxfj/system'],
      ['proactive', '/agencies/gjxfj/proactive'], ['empty-column', '/agencies/gjxfj/proactive?item=10'], ['document', documentUrl.replace(base, '')],
      ['reports', '/agencies/gjxfj/reports'], ['report', '/agencies/gjxfj/reports/2020'], ['search', `/search?q=${encodeURIComponent('信访')}`], ['search-empty', `/agencies/gjxfj/search?q=${encodeURIComponent('没有的词')}`],
      ['apply', '/agencies/gjxfj/apply'], ['status', '/status'], ['not-found', '/agencies/gjxfj/'],
    ];
    for (const width of [1366, 390]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: true });
      const page = await ctx.newPage();
      const errors = collectBrowserErrors(page);
      for (const [name, url] of urls) {
        const res = await page.goto(base + url);
        assert.equal(res?.status(), name === 'not-found' ? 404 : 200, name);
        await check(page, name, width);
      }
      // 404 responses log a console error in Chromium; nothing else may
      assert.deepEqual(errors.filter((e) => !e.includes('404')), []);
      await ctx.close();
    }
  });
});
