/**
 * Issue 13 end to end over the API: an application whose period runs into 2027 (not in the package) is
 * registered with a provisional due date; an extension into 2027 is approved; an administrator loads a
 * 2027 notice (dry run, then for real); open cases are recomputed with an event in their timeline; a load
 * that moves a due date earlier puts the case on the clerks' list; a year loaded through one app server
 * is used at once by another on the same database.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/http/app.ts';
import { DiskFileStore } from '../../src/requests/fileStore.ts';
import { orgInput, personInput } from '../support/fixtures.ts';
import { Client, startTestApp } from '../support/http.ts';
import type { TestApp } from '../support/http.ts';

const notice2027 = readFileSync(new URL('../fixtures/holiday-notices/2027-constructed.txt', import.meta.url), 'utf8');

interface View {
  id: string;
  version: number;
  dueOn: string | null;
  clock: { provisional: boolean; provisionalYears: number[]; reasoning: { text: string }[] };
}

describe('a period that runs into a year whose calendar is not loaded', () => {
  let t: TestApp;
  let clerk: Client;
  let head: Client;
  let admin: Client;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp();
    clerk = await t.as('clerk');
    head = await t.as('head');
    admin = await t.as('admin');
  });
  after(async () => t.close());

  async function view(id: string): Promise<View> {
    const res = await clerk.get(`/api/v1/applications/${id}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return (res.json<{ application: View }>().application ?? res.json<View>()) as View;
  }

  it('registers an application received on 2026-12-20 with a provisional due date', async () => {
    t.today.value = '2026-12-21';
    const res = await clerk.post('/api/v1/applications', { ...personInput(), agencyCode: 'gjxfj', channel: 'post', receivedOn: '2026-12-20' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    ids['dec20'] = res.json<{ application: View }>().application.id;
    const v = await view(ids['dec20'] as string);
    // 12/21–25 1–5, 12/28–31 6–9; 2027 counted Monday to Friday: 1/1 10, 1/4–8 15, 1/11–15 20.
    assert.equal(v.dueOn, '2027-01-15');
    assert.equal(v.clock.provisional, true);
    assert.deepEqual(v.clock.provisionalYears, [2027]);
    assert.ok(v.clock.reasoning.some((s) => s.text.includes('2027年1月15日（星期五）（暂定）')));
  });

  it('approves an extension that runs into 2027', async () => {
    t.today.value = '2026-12-03';
    const res = await clerk.post('/api/v1/applications', { ...orgInput(), agencyCode: 'gjxfj', channel: 'in-person', receivedOn: '2026-12-03' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const id = res.json<{ application: View }>().application.id;
    ids['dec03'] = id;
    assert.equal((await view(id)).dueOn, '2026-12-31');
    t.today.value = '2026-12-10';
    let v = await view(id);
    const asked = await clerk.post(`/api/v1/applications/${id}/request-extension`, { version: v.version, reason: '需调取多个部门档案，工作量较大' });
    assert.equal(asked.status, 200, JSON.stringify(asked.body));
    v = await view(id);
    const approved = await head.post(`/api/v1/applications/${id}/approve-extension`, { version: v.version });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    v = await view(id);
    assert.equal(v.dueOn, '2027-01-28');
    assert.equal(v.clock.provisional, true);
  });

  it('warns from 1 October while next year is missing, in a field any client can show', async () => {
    t.today.value = '2026-09-30';
    assert.equal((await admin.get('/api/v1/auth/me')).json<{ calendarWarning: unknown }>().calendarWarning, null);
    t.today.value = '2026-10-01';
    const w = (await admin.get('/api/v1/auth/me')).json<{ calendarWarning: { year: number; message: string } }>().calendarWarning;
    assert.equal(w.year, 2027);
    assert.match(w.message, /gongkai calendar load-notice/);
    const cal = (await clerk.get('/api/v1/calendar')).json<{ warning: { year: number } | null; years: { year: number; source: string }[] }>();
    assert.equal(cal.warning?.year, 2027);
    assert.deepEqual(cal.years.at(-1), { year: 2026, source: 'package', notice: null, loadedAt: null, loadedBy: null, loadedByName: null });
  });

  it('refuses a malformed notice with the line and the reason, and a clerk loading one', async () => {
    t.today.value = '2026-12-22';
    const bad = await admin.post('/api/v1/calendar/notices', { text: notice2027.replace('6月9日（周三）', '6月9日（周四）') });
    assert.equal(bad.status, 400);
    const problem = bad.json<{ code: string; errors: { path: string; rule: string }[] }>();
    assert.equal(problem.code, 'validation_failed');
    assert.deepEqual(problem.errors.map((e) => [e.path, e.rule]), [['第10行', 'notice.weekday_mismatch']]);
    assert.equal((await clerk.post('/api/v1/calendar/notices', { text: notice2027 })).status, 403);
    assert.equal((await admin.get('/api/v1/calendar/years/2027')).json<{ known: boolean }>().known, false);
  });

  it('a dry run shows the year and the cases it would move, and writes nothing', async () => {
    const res = await admin.post('/api/v1/calendar/notices', { text: notice2027, dryRun: true });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const r = res.json<{ dryRun: boolean; year: number; grid: string; recomputed: { applicationId: string; dueAfter: string }[] }>();
    assert.equal(r.dryRun, true);
    assert.equal(r.year, 2027);
    assert.ok(r.grid.includes('2月\n一  二  三  四  五  六  日\n01  02  03  04  休  休  休\n休  休  休  休  休   ·   ·\n15  16  17  18  19  班   ·\n'), r.grid);
    assert.equal(r.recomputed.find((c) => c.applicationId === ids['dec20'])?.dueAfter, '2027-01-18');
    assert.equal((await view(ids['dec20'] as string)).dueOn, '2027-01-15');
  });

  it('loads the notice: open cases are recomputed and the change is in their timeline', async () => {
    const before20 = await view(ids['dec20'] as string);
    const res = await admin.post('/api/v1/calendar/notices', { text: notice2027 });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const r = res.json<{ dryRun: boolean; replaces: string | null; recomputed: { applicationId: string; dueBefore: string; dueAfter: string; movedEarlier: boolean }[] }>();
    assert.equal(r.dryRun, false);
    assert.equal(r.replaces, null);
    // With 元旦 1/1–1/3 off: 12/21–31 9, 1/4–8 14, 1/11–15 19, 1/18 20.
    const mine = r.recomputed.find((c) => c.applicationId === ids['dec20']);
    assert.deepEqual(
      { dueBefore: mine?.dueBefore, dueAfter: mine?.dueAfter, movedEarlier: mine?.movedEarlier },
      { dueBefore: '2027-01-15', dueAfter: '2027-01-18', movedEarlier: false },
    );
    const v = await view(ids['dec20'] as string);
    assert.equal(v.dueOn, '2027-01-18');
    assert.equal(v.clock.provisional, false);
    assert.equal(v.version, before20.version + 1);
    const tl = (await clerk.get(`/api/v1/applications/${ids['dec20']}/timeline`)).json<{ items: { kind: string; dueOn: string; payload: Record<string, unknown> }[] }>();
    const ev = tl.items.find((e) => e.kind === 'calendar-recomputed');
    assert.equal(ev?.dueOn, '2027-01-18');
    assert.equal(ev?.payload['dueBefore'], '2027-01-15');
    assert.equal(ev?.payload['source'], '国办发明电〔2026〕99号');
    // The extended case: +20 after 12/31 with 1/1 off: 1/4–8 5, 1/11–15 10, 1/18–22 15, 1/25–29 20.
    assert.equal((await view(ids['dec03'] as string)).dueOn, '2027-01-29');
    const cal = (await clerk.get('/api/v1/calendar')).json<{ warning: unknown; years: { year: number; source: string; notice: string }[] }>();
    assert.equal(cal.warning, null);
    assert.deepEqual(cal.years.at(-1)?.notice, '国办发明电〔2026〕99号');
    // New registrations use the loaded year at once.
    const fresh = await clerk.post('/api/v1/applications', { ...personInput(), agencyCode: 'gjxfj', channel: 'post', receivedOn: '2026-12-22' });
    assert.equal(fresh.json<{ application: View }>().application.dueOn, '2027-01-20');
  });

  it('a replacing load that moves a due date earlier lists the case to its clerks', async () => {
    // A later "notice" (as JSON) with make-up Saturdays 1/2 and 1/9: 12/21–31 9, 1/2 10, 1/4–8 15, 1/9 16, 1/11–14 20.
    const res = await admin.put('/api/v1/calendar/years/2027', {
      source: '国办发明电〔2026〕100号（测试）',
      holidays: { 元旦: ['2027-01-01'], 春节: ['2027-02-05/2027-02-12'] },
      workdays: { 元旦: ['2027-01-02', '2027-01-09'] },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const r = res.json<{ replaces: string; movedEarlier: { applicationId: string; dueAfter: string }[] }>();
    assert.equal(r.replaces, 'installation');
    assert.equal(r.movedEarlier.find((c) => c.applicationId === ids['dec20'])?.dueAfter, '2027-01-14');
    const list = (await clerk.get('/api/v1/calendar/due-moved-earlier')).json<{ items: { applicationId: string; dueBefore: string; dueAfter: string }[] }>();
    const mine = list.items.find((c) => c.applicationId === ids['dec20']);
    assert.deepEqual([mine?.dueBefore, mine?.dueAfter], ['2027-01-18', '2027-01-14']);
    const other = await t.as('otherclerk');
    assert.deepEqual((await other.get('/api/v1/calendar/due-moved-earlier')).json<{ items: unknown[] }>().items, []);
  });

  it('a second app server on the same database uses the loaded year at once', async () => {
    const second = await buildApp({ db: t.db.db, key: t.key, files: new DiskFileStore('/tmp/gk-second-files'), today: () => '2026-12-28' });
    await second.ready();
    try {
      const c = await new Client(second).login('clerk');
      const y = (await c.get('/api/v1/calendar/years/2027')).json<{ known: boolean; source: string }>();
      assert.deepEqual([y.known, y.source], [true, 'installation']);
    } finally {
      await second.close();
    }
  });
});
