import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import * as cheerio from 'cheerio';
import { createTestDb, type TestDb } from '../support/db.ts';
import { seedAgencies, VALID_ID } from '../support/fixtures.ts';
import { seedReport } from '../support/reportFixtures.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { getAgencyByCode } from '../../src/agencies/agencies.ts';
import { reportYears } from '../../src/report/build/schema.ts';
import { applications } from '../../src/db/schema.ts';
import { portalRoutes } from '../../src/portal/routes.ts';
import { APPLICANT_COLUMN_IDS } from '../../src/law/index.ts';

describe('public portal', () => {
  let database: TestDb;
  let app: FastifyInstance;
  const portalKey = SecretKey.random();

  before(async () => {
    database = await createTestDb();
    await seedAgencies(database.db);
    const agency = await getAgencyByCode(database.db, 'gjxfj');
    // a published (locked) 2020 report: the seed's figures
    await database.db.insert(reportYears).values({ agencyId: agency.id, year: 2020, lockedAt: '2021-01-20T08:00:00Z', lockedBy: 'test', snapshot: seedReport() });
    app = Fastify();
    await app.register(rateLimit, { global: false });
    await app.register(portalRoutes, { db: database.db, key: portalKey, today: () => '2026-11-24' });
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  it('lists the agencies and links their pages', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 200);
    const $ = cheerio.load(res.body);
    assert.equal($('html').attr('lang'), 'zh-CN');
    assert.ok($('a[href="/agencies/gjxfj"]').text().includes('国家信访局'));
    assert.ok($('a[href="/agencies/gjxfj/apply"]').length === 1);
  });

  it('shows a published report with the seed\'s figures, and nothing for an unpublished year', async () => {
    const agencyPage = cheerio.load((await app.inject({ method: 'GET', url: '/agencies/gjxfj' })).body);
    assert.equal(agencyPage('a[href="/agencies/gjxfj/reports"]').text(), '政府信息公开工作年度报告');
    const reportsPage = cheerio.load((await app.inject({ method: 'GET', url: '/agencies/gjxfj/reports' })).body);
    assert.ok(reportsPage('a[href="/agencies/gjxfj/reports/2020"]').text().includes('国家信访局2020年政府信息公开工作年度报告'));
    const res = await app.inject({ method: 'GET', url: '/agencies/gjxfj/reports/2020' });
    assert.equal(res.statusCode, 200);
    const $ = cheerio.load(res.body);
    const seed = seedReport();
    for (const column of APPLICANT_COLUMN_IDS) {
      assert.equal($(`[data-cell="applications.received.${column}"]`).text().trim(), String(seed.applications.received?.[column]));
    }
    assert.equal($('[data-cell="applications.withheld.administrative_query.total"]').text().trim(), '40');
    assert.equal($('[data-cell="appeals.litigation_after_reconsideration.total"]').text().trim(), '');
    assert.equal((await app.inject({ method: 'GET', url: '/agencies/gjxfj/reports/2021' })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: '/agencies/nope/reports/2020' })).statusCode, 404);
  });

  it('offers the published report as PDF, DOCX and Markdown downloads', async () => {
    const pdf = await app.inject({ method: 'GET', url: '/agencies/gjxfj/reports/2020/download.pdf' });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const md = await app.inject({ method: 'GET', url: '/agencies/gjxfj/reports/2020/download.md' });
    assert.match(md.body, /\| 一、本年新收政府信息公开申请数量 \| 136 \|/);
    assert.equal((await app.inject({ method: 'GET', url: '/agencies/gjxfj/reports/2020/download.xls' })).statusCode, 404);
  });

  it('takes an online application, redirects to the receipt (a reload or second click makes no second application) and lets the applicant follow it', async () => {
    const formPage = cheerio.load((await app.inject({ method: 'GET', url: '/agencies/gjxfj/apply' })).body);
    const token = formPage('input[name="token"]').attr('value') ?? '';
    assert.match(token, /^[A-Za-z0-9_-]{22}$/);
    const form = new URLSearchParams({
      token,
      'applicant.kind': 'natural_person', 'applicant.name': '张三', 'applicant.idType': 'resident_id', 'applicant.idNumber': VALID_ID,
      'applicant.phone': '13800000000', description: '2020年度信访工作统计数据', form: 'electronic', delivery: 'email', 'applicant.email': 'a@example.cn',
    });
    const post = () => app.inject({ method: 'POST', url: '/agencies/gjxfj/apply', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    const before = (await database.db.select({ id: applications.id }).from(applications)).length;
    const res = await post();
    assert.equal(res.statusCode, 303, res.body);
    const receiptUrl = res.headers.location as string;
    assert.match(receiptUrl, /^\/agencies\/gjxfj\/apply\/receipt\/[A-Za-z0-9_-]{22}$/);
    const again = await post();
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, receiptUrl);
    assert.equal((await database.db.select({ id: applications.id }).from(applications)).length, before + 1);
    const receipt = await app.inject({ method: 'GET', url: receiptUrl });
    const reload = await app.inject({ method: 'GET', url: receiptUrl });
    assert.equal(receipt.statusCode, 200);
    assert.equal(reload.body, receipt.body);
    const $ = cheerio.load(receipt.body);
    const [receiptCode, password] = $('.code').map((_i, el) => $(el).text()).get();
    assert.match(receiptCode ?? '', /^\d{8}-[0-9A-Z]{6}$/);
    const status = await app.inject({ method: 'POST', url: '/status', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ receiptCode: receiptCode!, queryPassword: password! }).toString() });
    assert.equal(status.statusCode, 200);
    assert.match(cheerio.load(status.body)('main').text(), /受理机关：国家信访局/);
    const wrong = await app.inject({ method: 'POST', url: '/status', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ receiptCode: receiptCode!, queryPassword: 'wrong' }).toString() });
    assert.equal(wrong.statusCode, 404);
    assert.match(wrong.body, /受理编号或查询密码不正确/);
  });

  it('sends a bad application back with each field named, the input kept, and nothing stored', async () => {
    const form = new URLSearchParams({ 'applicant.kind': 'natural_person', 'applicant.name': '李四', 'applicant.idNumber': '110105194912310020', 'applicant.phone': '12', description: '', form: 'paper', delivery: 'post' });
    const res = await app.inject({ method: 'POST', url: '/agencies/gjxfj/apply', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    assert.equal(res.statusCode, 400);
    const $ = cheerio.load(res.body);
    assert.equal($('#f-applicant-idNumber').attr('aria-invalid'), 'true');
    assert.match($('#f-applicant-idNumber-error').text(), /身份证号码/);
    assert.equal($('#f-applicant-phone').attr('aria-invalid'), 'true');
    assert.equal($('#f-description').attr('aria-invalid'), 'true');
    assert.equal($('#f-applicant-name').attr('value'), '李四');
    assert.ok($('[role="alert"] li').length >= 3);
  });

  const postForm = (fields: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/agencies/gjxfj/apply', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
  const person = { 'applicant.kind': 'natural_person', 'applicant.name': '王五', 'applicant.idType': 'resident_id', 'applicant.phone': '13800000000', description: '2020年度信访工作统计数据', form: 'paper' };

  it('requires the contact the delivery method needs, in form order, with the error count in the title and the summary focused', async () => {
    const cases: [string, Record<string, string>, string[]][] = [
      ['邮寄 without address and postcode', { ...person, 'applicant.idNumber': VALID_ID, delivery: 'post' }, ['applicant.address', 'applicant.postalCode']],
      ['电子邮件 without e-mail', { ...person, 'applicant.idNumber': VALID_ID, delivery: 'email' }, ['applicant.email']],
      ['邮寄 without postcode, bad phone', { ...person, 'applicant.idNumber': VALID_ID, 'applicant.phone': '1', 'applicant.address': '北京市西城区示例路1号', delivery: 'post' }, ['applicant.phone', 'applicant.postalCode']],
    ];
    for (const [name, fields, expected] of cases) {
      const res = await postForm(fields);
      assert.equal(res.statusCode, 400, name);
      const $ = cheerio.load(res.body);
      const links = $('#error-summary li a').map((_i, a) => $(a).attr('href')).get();
      assert.deepEqual(links, expected.map((p) => `#f-${p.replace(/\./g, '-')}`), name);
      assert.ok($('#error-summary').is('[autofocus]'), name);
      assert.match($('title').text(), new RegExp(`^错误：${expected.length}处需要修改`), name);
      for (const p of expected) assert.equal($(`#f-${p.replace(/\./g, '-')}`).attr('aria-invalid'), 'true', `${name}: ${p}`);
    }
  });

  it('normalises full-width digits and spaces in ID numbers, phones and postcodes, and refuses a birth date after today', async () => {
    const fullWidth = VALID_ID.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const res = await postForm({ ...person, 'applicant.idNumber': ` ${fullWidth.slice(0, 6)} ${fullWidth.slice(6)}`, 'applicant.phone': '１３８ ０００ ０００００', 'applicant.address': '北京市西城区示例路1号', 'applicant.postalCode': '１０００３２', delivery: 'post' });
    assert.equal(res.statusCode, 303, res.body);
    const future = '11010520270101001';
    const { residentIdCheckChar } = await import('../../src/requests/identity.ts');
    const bad = await postForm({ ...person, 'applicant.idNumber': `${future}${residentIdCheckChar(future)}`, delivery: 'pickup' });
    assert.equal(bad.statusCode, 400);
    assert.match(cheerio.load(bad.body)('#f-applicant-idNumber-error').text(), /出生日期（2027-01-01）晚于今天/);
  });

  it('lets the applicant answer a 补正 online and withdraw, both in the timeline', async () => {
    const { registerApplication } = await import('../../src/requests/registerApplication.ts');
    const { requestSupplement } = await import('../../src/requests/requestSupplement.ts');
    const { systemActor } = await import('../../src/accounts/actor.ts');
    const { personInput } = await import('../support/fixtures.ts');
    const ctx = { db: database.db, key: portalKey, actor: systemActor('test'), today: '2026-11-24' };
    const created = await registerApplication(ctx, { agencyCode: 'gjxfj', channel: 'in-person', receivedOn: '2026-11-16', input: personInput() });
    await requestSupplement(ctx, { applicationId: created.application.id, version: created.application.version, date: '2026-11-18', items: '请写明文件的文号' });
    const creds = { receiptCode: created.receiptCode, queryPassword: created.queryPassword };
    const form = (url: string, fields: Record<string, string>) => app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
    const status = cheerio.load((await form('/status', creds)).body);
    assert.match(status('#supp-h').parent().text(), /请写明文件的文号/);
    const empty = await form('/status/supplement', { ...creds, text: '  ' });
    assert.equal(empty.statusCode, 400);
    const answered = await form('/status/supplement', { ...creds, text: '文号为国信发〔2020〕1号' });
    assert.equal(answered.statusCode, 200, answered.body);
    const $ = cheerio.load(answered.body);
    assert.match($('main ol').text(), /2026-11-24 收到补正申请/);
    assert.equal($('#supp-h').length, 0);
    const withdrawn = await form('/status/withdraw', { ...creds, reason: '已自行找到' });
    assert.equal(withdrawn.statusCode, 200);
    const w = cheerio.load(withdrawn.body);
    assert.match(w('main').text(), /当前状态：已终止/);
    assert.match(w('main ol').text(), /2026-11-24 申请人撤回申请/);
    assert.equal(w('#wd-h').length, 0);
    const twice = await form('/status/withdraw', creds);
    assert.equal(twice.statusCode, 422);
  });
});
