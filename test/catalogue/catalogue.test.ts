/**
 * The catalogue end to end over the API and the portal pages: publish → visible and searchable, correct,
 * repeal, withdraw (gone from the portal), 解读 links both ways, attachments limited, the Art. 26 late
 * list, the Art. 44 queue, import all or nothing, the 指南 versions, the footer from site settings, and
 * the page cache dropped at each change.
 */
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../../src/accounts/actor.ts';
import { putAgencySettings } from '../../src/agencies/settings.ts';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { startTestApp, type Client, type TestApp } from '../support/http.ts';
import { events } from '../../src/db/schema.ts';
import { like } from 'drizzle-orm';

interface Doc {
  id: string;
  indexNumber: string;
  version: number;
  status: string;
  validity: string;
  title: string;
}

const doc = (over: Record<string, unknown> = {}) => ({
  title: '关于加强信访工作的通知',
  docNumber: '国信发〔2026〕3号',
  writtenOn: '2026-10-09',
  item: '1',
  topic: '综合政务\\信访',
  kind: 'normative',
  summary: '加强信访工作',
  body: '各地区：\n\n为进一步做好信访工作，现通知如下。<script>alert(1)</script>',
  ...over,
});

describe('catalogue', () => {
  let t: TestApp;
  let pub: Client;
  let clerk: Client;
  let anon: Client;

  before(async () => {
    t = await startTestApp({ pageCache: true });
    t.today.value = '2026-11-24';
    pub = await t.as('publisher');
    clerk = await t.as('clerk');
    anon = t.anonymous();
  });
  after(async () => t.close());

  it('publishes a document: 索引号 generated, visible on the portal with its metadata and tags, found by a two-character query', async () => {
    const before = await anon.get('/agencies/gjxfj/proactive');
    assert.match(cheerio.load(before.raw.toString())('main').text(), /本机关暂未产生此类信息/);
    const created = await pub.post('/api/v1/agencies/gjxfj/catalogue/documents', doc({ publish: true, publishedOn: '2026-10-12' }));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const d = created.json<Doc>();
    assert.equal(d.indexNumber, 'gjxfj/2026-00001');
    assert.equal(d.status, 'published');
    // the cached list was dropped: the new document shows
    const list = cheerio.load((await anon.get('/agencies/gjxfj/proactive')).raw.toString());
    assert.equal(list(`a[href="/agencies/gjxfj/documents/${d.id}"]`).text(), '关于加强信访工作的通知');
    const page = await anon.get(`/agencies/gjxfj/documents/${d.id}`);
    assert.equal(page.status, 200);
    const $ = cheerio.load(page.raw.toString());
    const meta = Object.fromEntries($('table.meta tr').map((_i, tr) => [[$(tr).find('th').text(), $(tr).find('td').text()]]).get() as [string, string][]);
    assert.equal(meta['索引号'], 'gjxfj/2026-00001');
    assert.equal(meta['发文字号'], '国信发〔2026〕3号');
    assert.equal(meta['成文日期'], '2026-10-09');
    assert.equal(meta['发布日期'], '2026-10-12');
    assert.equal(meta['有效性'], '有效');
    assert.equal($('meta[name="ArticleTitle"]').attr('content'), '关于加强信访工作的通知');
    assert.equal($('meta[name="PubDate"]').attr('content'), '2026-10-12 00:00');
    assert.equal($('meta[name="ContentSource"]').attr('content'), '国家信访局');
    assert.equal($('link[rel="alternate"][type="application/atom+xml"]').attr('href'), '/agencies/gjxfj/feed.atom');
    // HTML in the body is text
    assert.ok(page.raw.toString().includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.equal($('main script').length, 0);
    for (const url of ['/search?q=信访', '/agencies/gjxfj/search?q=信访', '/agencies/gjxfj/search?q=国信发〔2026〕3号', '/search?q=gjxfj/2026-00001']) {
      const s = cheerio.load((await anon.get(encodeURI(url))).raw.toString());
      assert.equal(s(`a[href="/agencies/gjxfj/documents/${d.id}"]`).length, 1, url);
    }
    const s = cheerio.load((await anon.get(encodeURI('/search?q=信访'))).raw.toString());
    assert.equal(s('ul.doclist mark').first().text(), '信访');
    const api = await anon.get(`/api/v1/catalogue/search?q=${encodeURIComponent('信访工作')}`);
    assert.equal(api.json<{ total: number; items: { id: string; titleHit: boolean }[] }>().items[0]?.id, d.id);
  });

  it('answers any query — empty, punctuation, script, very long — with results or an empty list', async () => {
    for (const q of ['', '！！！', '<script>', "'; drop table x; --", 'a'.repeat(5000), '😀', '信', '&:*|!()']) {
      const res = await anon.get(`/search?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, q.slice(0, 20));
      assert.ok(!res.raw.toString().includes('<script>'), q.slice(0, 20));
      const api = await anon.get(`/api/v1/catalogue/search?q=${encodeURIComponent(q.slice(0, 1000))}`);
      assert.equal(api.status, 200, q.slice(0, 20));
    }
  });

  it('answers generated queries of every script, punctuation, operator and control character with results or an empty list', async () => {
    const pools = [
      '信访工作政府信息公开条例国务院办公厅', 'abcXYZ019', 'ＡＢＣ０１２　，。！？【】《》“”', 'αβγ абв עברית العربية हिन्दी 한국어 ひらがな',
      '&|!:*()<>\'"\\;-%_[]{}~^$#@`=+/', '\u0000\u0001\u0007\u000b\u001b\u007f\u0085\u009f\r\t\n', '\u200b\u200e\u202e\u0301\u00a0\u3000\ufeff', '😀👍🏽🇨🇳𠀀𪚥',
    ].map((p) => Array.from(p));
    let seed = 20261124;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const generated = Array.from({ length: 40 }, (_, i) => {
      const length = [1, 2, 3, 5, 10, 40, 300][i % 7]!;
      return Array.from({ length }, () => {
        const pool = pools[Math.floor(rand() * pools.length)]!;
        return pool[Math.floor(rand() * pool.length)]!;
      }).join('');
    });
    // invalid UTF-8 and stray percent signs, as a browser or a bot may send them
    const rawEncoded = ['%ED%A0%80', '%E4%BF', '%', '%zz', '%25%00', '%E4%BF%A1%E8%AE%BF%00%ff'];
    const urls = [...generated.map(encodeURIComponent), ...rawEncoded];
    for (const q of urls) {
      for (const base of ['/search', '/agencies/gjxfj/search']) {
        const res = await anon.get(`${base}?q=${q}`);
        assert.equal(res.status, 200, `${base} ${q.slice(0, 60)}`);
        assert.match(String(res.headers['content-type']), /^text\/html/);
        const text = res.raw.toString();
        assert.match(text, /共找到 \d+ 条|请输入要搜索的词语/, q.slice(0, 60));
        // eslint-disable-next-line no-control-regex -- no control character reaches the page
        assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), q.slice(0, 60));
      }
      const api = await anon.get(`/api/v1/catalogue/search?q=${q}`);
      assert.equal(api.status, 200, `api ${q.slice(0, 60)}`);
      assert.ok(Array.isArray(api.json<{ items: unknown[] }>().items));
    }
    // noise around a word still finds it
    for (const q of ['信访\u0000', '！！信访？？', '信访 & | ! :*', '  信访\u3000']) {
      const api = await anon.get(`/api/v1/catalogue/search?q=${encodeURIComponent(q)}`);
      assert.ok(api.json<{ total: number }>().total >= 1, JSON.stringify(q));
    }
  });

  it('corrects, repeals and withdraws with audit events; a stale version is refused; the portal follows', async () => {
    const d = (await pub.post('/api/v1/agencies/gjxfj/catalogue/documents', doc({ title: '信访事项复查办法', docNumber: '国信发〔2026〕4号', publish: true }))).json<Doc>();
    const corrected = await pub.post(`/api/v1/catalogue/documents/${d.id}/correct`, { version: d.version, reason: '标题有误', changes: { title: '信访事项复查复核办法' } });
    assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
    const stale = await pub.post(`/api/v1/catalogue/documents/${d.id}/correct`, { version: d.version, reason: 'x', changes: { title: '另一个' } });
    assert.equal(stale.status, 409);
    const bad = await pub.post(`/api/v1/catalogue/documents/${d.id}/correct`, { version: d.version + 1, reason: '', changes: { indexNumber: 'x', writtenOn: '2027-01-01' } });
    assert.equal(bad.status, 400);
    const paths = bad.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    assert.ok(paths.includes('changes.indexNumber') && paths.includes('reason'), paths.join());
    const repealed = await pub.post(`/api/v1/catalogue/documents/${d.id}/repeal`, { version: d.version + 1, validity: 'repealed', changedOn: '2026-11-20' });
    assert.equal(repealed.json<Doc>().validity, 'repealed');
    const onPortal = cheerio.load((await anon.get(`/agencies/gjxfj/documents/${d.id}`)).raw.toString());
    assert.match(onPortal('table.meta').text(), /废止（2026-11-20起）/);
    const filtered = cheerio.load((await anon.get('/agencies/gjxfj/proactive?validity=repealed')).raw.toString());
    assert.equal(filtered('ul.doclist li').length, 1);
    const withdrawn = await pub.post(`/api/v1/catalogue/documents/${d.id}/withdraw`, { version: d.version + 2, reason: '误发' });
    assert.equal(withdrawn.json<Doc>().status, 'withdrawn');
    assert.equal((await anon.get(`/agencies/gjxfj/documents/${d.id}`)).status, 404);
    const kinds = (await t.db.db.select({ kind: events.kind }).from(events).where(like(events.kind, 'catalogue.%'))).map((e) => e.kind);
    for (const k of ['catalogue.created', 'catalogue.published', 'catalogue.corrected', 'catalogue.validity-changed', 'catalogue.withdrawn']) assert.ok(kinds.includes(k), k);
    assert.equal((await clerk.post(`/api/v1/catalogue/documents/${d.id}/withdraw`, { version: 1, reason: 'x' })).status, 403);
  });

  it('links a 政策解读 with its document both ways, and keeps attachments to allowed types', async () => {
    const policy = (await pub.post('/api/v1/agencies/gjxfj/catalogue/documents', doc({ title: '信访工作规则', docNumber: '国信发〔2026〕5号', publish: true }))).json<Doc>();
    const interp = (await pub.post('/api/v1/agencies/gjxfj/catalogue/documents', doc({ title: '《信访工作规则》解读', docNumber: undefined, kind: 'interpretation', publish: true }))).json<Doc>();
    assert.equal((await pub.post(`/api/v1/catalogue/documents/${policy.id}/interpretations`, { documentIds: [interp.id] })).status, 400);
    assert.equal((await pub.post(`/api/v1/catalogue/documents/${interp.id}/interpretations`, { documentIds: [policy.id] })).status, 200);
    const p = cheerio.load((await anon.get(`/agencies/gjxfj/documents/${policy.id}`)).raw.toString());
    assert.equal(p(`a[href="/agencies/gjxfj/documents/${interp.id}"]`).text(), '《信访工作规则》解读');
    const i = cheerio.load((await anon.get(`/agencies/gjxfj/documents/${interp.id}`)).raw.toString());
    assert.equal(i(`a[href="/agencies/gjxfj/documents/${policy.id}"]`).text(), '信访工作规则');
    const upload = (name: string, bytes: Buffer) => {
      const boundary = 'gkboundary';
      const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return pub.request('POST', `/api/v1/catalogue/documents/${policy.id}/attachments`, undefined, { 'content-type': `multipart/form-data; boundary=${boundary}` }).then(() => t.app.inject({ method: 'POST', url: `/api/v1/catalogue/documents/${policy.id}/attachments`, headers: { cookie: pub.cookie!, 'x-csrf-token': pub.csrf!, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload }));
    };
    assert.equal((await upload('run.exe', Buffer.from('MZ'))).statusCode, 400);
    assert.equal((await upload('fake.pdf', Buffer.from('not a pdf'))).statusCode, 400);
    const ok = await upload('附件1.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    assert.equal(ok.statusCode, 201, ok.body);
    const att = JSON.parse(ok.body) as { id: string };
    const page = cheerio.load((await anon.get(`/agencies/gjxfj/documents/${policy.id}`)).raw.toString());
    const href = page('a[download]').attr('href');
    assert.equal(href, `/agencies/gjxfj/documents/${policy.id}/attachments/${att.id}`);
    const file = await anon.get(href!);
    assert.equal(file.status, 200);
    assert.equal(file.raw.subarray(0, 5).toString(), '%PDF-');
  });

  it('lists Art. 26 late publications and drafts waiting past 20 working days', async () => {
    const late = (await pub.post('/api/v1/agencies/gjxfj/catalogue/documents', doc({ title: '迟发的文件', docNumber: undefined, writtenOn: '2026-08-03', publish: true, publishedOn: '2026-10-20' }))).json<Doc>();
    const waiting = (await pub.post('/api/v1/agencies/gjxfj/catalogue/documents', doc({ title: '久未发布的草稿', docNumber: undefined, writtenOn: '2026-09-01' }))).json<Doc>();
    const fresh = (await pub.post('/api/v1/agencies/gjxfj/catalogue/documents', doc({ title: '新起草的文件', docNumber: undefined, writtenOn: '2026-11-20' }))).json<Doc>();
    const res = await pub.get('/api/v1/agencies/gjxfj/catalogue/late');
    const body = res.json<{ publishedLate: { id: string; art26DueOn: string }[]; waitingLate: { id: string }[] }>();
    // earlier tests published documents written 2026-10-09 on 2026-11-24: late as well
    const entry = body.publishedLate.find((e) => e.id === late.id);
    assert.equal(entry?.art26DueOn, '2026-08-31');
    assert.ok(!body.publishedLate.some((e) => e.art26DueOn >= '2026-11-24'));
    assert.deepEqual(body.waitingLate.map((e) => e.id), [waiting.id]);
    assert.ok(!body.waitingLate.some((e) => e.id === fresh.id));
    assert.equal((await anon.get(`/agencies/gjxfj/documents/${waiting.id}`)).status, 404);
  });

  it('Art. 26 for a changed document: the 20 working days count from the change, not from the 成文日期', async () => {
    const onTime = (title: string) => pub.post('/api/v1/agencies/gjxfj/catalogue/documents', doc({ title, docNumber: undefined, kind: 'other', writtenOn: '2026-06-01', publish: true, publishedOn: '2026-06-03' })).then((r) => r.json<Doc>());
    const correctedLate = await onTime('七月变更、十一月才更正的文件');
    const correctedInTime = await onTime('十一月变更并及时更正的文件');
    const correctedToday = await onTime('当天变更并更正的文件');
    const revisedLate = await onTime('七月已修订、十一月才标注的文件');
    const correct = (d: Doc, changedOn?: string) => pub.post(`/api/v1/catalogue/documents/${d.id}/correct`, { version: d.version, reason: '信息变更', changes: { summary: '已按变更后的内容更正' }, ...(changedOn === undefined ? {} : { changedOn }) });
    // bad change dates: field and rule named, nothing written
    for (const [changedOn, rule] of [['2026-11-25', 'not_future'], ['2026-05-31', 'not_before_written']] as const) {
      const refused = await correct(correctedLate, changedOn);
      assert.equal(refused.status, 400);
      assert.deepEqual(refused.json<{ errors: { path: string; rule: string }[] }>().errors.map((e) => [e.path, e.rule]), [['changedOn', rule]]);
    }
    const badFormat = await correct(correctedLate, '2026-7-1');
    assert.equal(badFormat.status, 400);
    assert.equal((await pub.get(`/api/v1/catalogue/documents/${correctedLate.id}`)).json<Doc>().version, correctedLate.version);

    assert.equal((await correct(correctedLate, '2026-07-01')).status, 200);
    assert.equal((await correct(correctedInTime, '2026-11-10')).status, 200);
    assert.equal((await correct(correctedToday)).status, 200);
    const revised = await pub.post(`/api/v1/catalogue/documents/${revisedLate.id}/repeal`, { version: revisedLate.version, validity: 'revised', changedOn: '2026-07-01' });
    assert.equal(revised.status, 200, JSON.stringify(revised.body));

    const late = (await pub.get('/api/v1/agencies/gjxfj/catalogue/late?year=2026')).json<{
      publishedLate: { id: string }[];
      changedLate: { id: string; change: string; changedOn: string; recordedOn: string; art26DueOn: string; status: string }[];
    }>();
    const changed = new Map(late.changedLate.map((e) => [e.id, e]));
    // July 1 + 20 working days = July 29; published on 2026-11-24
    assert.deepEqual(changed.get(correctedLate.id), { ...changed.get(correctedLate.id), change: 'corrected', changedOn: '2026-07-01', recordedOn: '2026-11-24', art26DueOn: '2026-07-29', status: 'changed-late' });
    assert.deepEqual(changed.get(revisedLate.id), { ...changed.get(revisedLate.id), change: 'validity-changed', changedOn: '2026-07-01', art26DueOn: '2026-07-29' });
    // counted from the 成文日期 (2026-06-01) these two would be late; from the change they are not
    assert.ok(!changed.has(correctedInTime.id));
    assert.ok(!changed.has(correctedToday.id));
    // the first publications were on time
    for (const d of [correctedLate, correctedInTime, correctedToday, revisedLate]) assert.ok(!late.publishedLate.some((e) => e.id === d.id), d.title);
  });

  it('refuses bad metadata field by field and writes nothing', async () => {
    const res = await pub.post('/api/v1/agencies/gjxfj/catalogue/documents', { title: '', writtenOn: '2026-13-01', item: '16', topic: 'x', kind: 'normative', indexNumber: 'a b' });
    assert.equal(res.status, 400);
    const paths = res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path).sort();
    assert.deepEqual(paths, ['indexNumber', 'item', 'title', 'writtenOn']);
    const future = await pub.post('/api/v1/agencies/gjxfj/catalogue/documents', doc({ publish: true, publishedOn: '2026-10-01' }));
    assert.equal(future.status, 400);
    assert.equal(future.json<{ errors: { rule: string }[] }>().errors[0]?.rule, 'not_before_written');
    const dup = await pub.post('/api/v1/agencies/gjxfj/catalogue/documents', doc({ indexNumber: 'gjxfj/2026-00001' }));
    assert.equal(dup.status, 409);
  });

  it('imports an old site all or nothing, every error with its row', async () => {
    const csv = (rows: string[]) => ['标题,成文日期,发布日期,类别,主题分类,文件类型,有效性,有效性变更日期,正文', ...rows].join('\n');
    const send = (text: string) => {
      const boundary = 'gkb';
      const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="old.csv"\r\nContent-Type: text/csv\r\n\r\n`), Buffer.from(text), Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return t.app.inject({ method: 'POST', url: '/api/v1/agencies/gjxfj/catalogue/import', headers: { cookie: pub.cookie!, 'x-csrf-token': pub.csrf!, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    };
    const count = async () => (await anon.get('/api/v1/catalogue/search?q=旧网站')).json<{ total: number }>().total;
    const bad = await send(csv(['旧网站文件一,2019-03-01,2019-03-05,（一）,综合政务,规范性文件,有效,,正文', '旧网站文件二,2019-13-01,2019-03-05,（一）,综合政务,其他,有效,,正文', '旧网站文件三,2019-03-01,2019-02-01,第二十一项,综合政务,其他,废止,,正文']));
    assert.equal(bad.statusCode, 400);
    const paths = (JSON.parse(bad.body) as { errors: { path: string }[] }).errors.map((e) => e.path);
    assert.ok(paths.includes('第3行.writtenOn') && paths.includes('第4行.publishedOn') && paths.includes('第4行.item') && paths.includes('第4行.validityChangedOn'), paths.join());
    assert.equal(await count(), 0);
    const ok = await send(csv(['旧网站文件一,2019-03-01,2019-03-05,（一）,综合政务,规范性文件,有效,,正文', '旧网站文件二,2018-06-01,2018-06-05,（七）,财政,其他,失效,2020-01-01,正文']));
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(JSON.parse(ok.body), { imported: 2, attachments: 0 });
    assert.equal(await count(), 2);
  });

  it('queues information released to two different applicants (Art. 44) and links the published document to the applications', async () => {
    const { personInput, VALID_ID } = await import('../support/fixtures.ts');
    const { residentIdCheckChar } = await import('../../src/requests/identity.ts');
    const ids: string[] = [];
    for (const idNumber of [VALID_ID, `11010519800101001${residentIdCheckChar('11010519800101001')}`]) {
      const reg = await clerk.post('/api/v1/applications', { agencyCode: 'gjxfj', channel: 'in-person', receivedOn: '2026-11-02', ...personInput({ documentNumber: '国信发〔2025〕9号', description: '请公开国信发〔2025〕9号文件', applicant: { ...personInput().applicant, idNumber } }) } as unknown as Record<string, unknown>);
      assert.equal(reg.status, 201, JSON.stringify(reg.body));
      const a = reg.json<{ application: { id: string; version: number } }>().application;
      const ans = await clerk.post(`/api/v1/applications/${a.id}/answer`, { version: a.version, date: '2026-11-10', outcome: 'granted', facts: { grantBasis: 'disclosed', provision: '电子文件于2026年11月10日发送至申请人电子邮箱' } });
      assert.equal(ans.status, 200, JSON.stringify(ans.body));
      ids.push(a.id);
    }
    const queue = await pub.get('/api/v1/agencies/gjxfj/catalogue/proposals');
    const items = queue.json<{ items: { id: string; source: string; applicationIds: string[] }[] }>().items;
    const p = items.find((i) => i.source === 'repeated');
    assert.ok(p, JSON.stringify(items));
    assert.deepEqual([...p.applicationIds].sort(), [...ids].sort());
    const published = await pub.post(`/api/v1/agencies/gjxfj/catalogue/proposals/${p.id}/publish`, doc({ title: '国信发〔2025〕9号文件', docNumber: '国信发〔2025〕9号', writtenOn: '2025-06-01' }));
    assert.equal(published.status, 201, JSON.stringify(published.body));
    const after = (await pub.get('/api/v1/agencies/gjxfj/catalogue/proposals?status=published')).json<{ items: { id: string; documentId: string }[] }>().items;
    assert.equal(after.find((i) => i.id === p.id)?.documentId, published.json<Doc>().id);
    assert.equal((await pub.post(`/api/v1/agencies/gjxfj/catalogue/proposals/${p.id}/publish`, doc())).status, 422);
  });

  it('generates the 指南 from versioned settings with every Art. 12 element, and the footer and page tags from site settings', async () => {
    const bad = await pub.put('/api/v1/agencies/gjxfj/guide', { postalCode: '12', email: 'no', unknown: 1 });
    assert.equal(bad.status, 400);
    const ok = await pub.put('/api/v1/agencies/gjxfj/guide', { address: '示例路1号', phone: '010-1234', fax: '010-5678', email: 'gk@example.cn', website: 'https://example.cn' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const g = cheerio.load((await anon.get('/agencies/gjxfj/guide')).raw.toString());
    const text = g('main').text();
    for (const s of ['编排体系', '获取方式', '示例路1号', '办公时间', '010-1234', '010-5678', 'gk@example.cn', '申请渠道', '在线申请', '本指南于2026-11-24修订（第1版）']) assert.ok(text.includes(s), s);
    const admin = await t.as('admin');
    assert.equal((await admin.put('/api/v1/portal/settings', { siteIdCode: '123' })).status, 400);
    assert.equal((await admin.put('/api/v1/portal/settings', { siteIdCode: 'bm01000001', sponsor: '示例办公厅', icp: '京ICP备19014889号', psb: '京公网安备11010202008000号' })).status, 200);
    const home = cheerio.load((await anon.get('/')).raw.toString());
    assert.equal(home('meta[name="SiteIDCode"]').attr('content'), 'bm01000001');
    const footer = home('footer').text();
    assert.ok(footer.includes('网站标识码：bm01000001') && footer.includes('主办单位：示例办公厅'), footer);
    assert.equal(home('footer a[href="https://beian.miit.gov.cn/"]').text(), '京ICP备19014889号');
    assert.equal(home('footer a[href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010202008000"]').length, 1);
    const agencyHome = cheerio.load((await anon.get('/agencies/gjxfj')).raw.toString());
    assert.deepEqual(agencyHome('.columns h2').map((_i, h) => agencyHome(h).text()).get(), ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开工作年度报告']);
  });

  it('an agency that never saved its 指南 shows its own answer and extension periods, also when they change elsewhere', async () => {
    const guide = async () => cheerio.load((await anon.get('/agencies/other/guide')).raw.toString())('main').text();
    assert.ok((await guide()).includes('自收到申请之日起20个工作日内予以答复'));
    assert.equal((await anon.get('/agencies/other/guide')).headers['x-portal-cache'], 'hit');
    // Changed in the database, not through this server (another app server, the CLI): the trigger on
    // agency_settings.deadline notifies every server, and the cached page is dropped.
    await putAgencySettings(t.db.db, systemActor('test'), 'other', { version: 0, deadline: { answerDays: 15, extensionDays: 10 } });
    let text = '';
    for (let i = 0; i < 50 && !text.includes('15个工作日'); i++) {
      text = await guide();
      if (!text.includes('15个工作日')) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(text.includes('自收到申请之日起15个工作日内予以答复') && text.includes('最长不超过10个工作日'), text);
  });

  it('answers every unknown or trailing-slash URL with the HTML 404 page (JSON under /api)', async () => {
    for (const url of ['/agencies/gjxfj/', '/nope', '/agencies/nope', '/agencies/gjxfj/documents/x', '/agencies/gjxfj/reports/abc', '/search/']) {
      const res = await anon.get(url);
      assert.equal(res.status, 404, url);
      assert.match(String(res.headers['content-type']), /text\/html/, url);
      assert.match(res.raw.toString(), /页面未找到/);
    }
    const api = await anon.get('/api/v1/nope');
    assert.equal(api.status, 404);
    assert.match(String(api.headers['content-type']), /problem\+json/);
  });

  it('serves the Atom feed and the sitemap', async () => {
    const feed = await anon.get('/agencies/gjxfj/feed.atom');
    assert.match(String(feed.headers['content-type']), /atom\+xml/);
    const $ = cheerio.load(feed.raw.toString(), { xml: true });
    assert.ok($('entry').length >= 3);
    assert.ok($('entry title').map((_i, e) => $(e).text()).get().includes('关于加强信访工作的通知'));
    const map = (await anon.get('/sitemap.xml')).raw.toString();
    assert.match(map, /<loc>http:\/\/localhost(:\d+)?\/agencies\/gjxfj\/guide<\/loc>/);
  });

  it('builds table 2 （一） from the catalogue and says so; the drill-down lists the documents', async () => {
    const head = await t.as('head');
    const res = await head.get('/api/v1/agencies/gjxfj/reports/2026');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const report = res.json<{ proactive: Record<string, Record<string, number | null>>; provenance: { notes: string[] } }>();
    // normative documents written in 2026 and published: the first, 信访工作规则 and the late one
    assert.equal(report.proactive['normative_documents']?.['issued'], 3);
    assert.equal(report.proactive['rules']?.['issued'], 0);
    assert.ok(report.provenance.notes.some((n) => n.includes('由政府信息公开目录统计')), report.provenance.notes.join());
    const cell = await head.get('/api/v1/agencies/gjxfj/reports/2026/cells/proactive.normative_documents.issued');
    const listing = cell.json<{ kind: string; count: number; items: { title: string }[] }>();
    assert.equal(listing.kind, 'catalogue');
    assert.deepEqual(listing.items.map((i) => i.title).sort(), ['关于加强信访工作的通知', '信访工作规则', '迟发的文件'].sort());
  });
});
