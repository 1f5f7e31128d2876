/**
 * What the console's 暂定 marks read from the API: `provisionalYears` of each case in GET workbench and
 * GET applications (the years counted Monday to Friday; empty once the year is loaded), and who loaded a
 * year by name in GET calendar.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { personInput } from '../support/fixtures.ts';
import { startTestApp } from '../support/http.ts';
import type { Client, TestApp } from '../support/http.ts';

const notice2027 = readFileSync(new URL('../fixtures/holiday-notices/2027-constructed.txt', import.meta.url), 'utf8');

interface Row {
  id: string;
  dueOn: string | null;
  provisionalYears: number[];
}

describe('provisional due dates in the workbench and the list', () => {
  let t: TestApp;
  let clerk: Client;
  let admin: Client;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp();
    clerk = await t.as('clerk');
    admin = await t.as('admin');
    t.today.value = '2026-12-30';
    for (const [name, receivedOn] of [['intoNextYear', '2026-12-04'], ['thisYear', '2026-12-01']] as const) {
      const res = await clerk.post('/api/v1/applications', { ...personInput(), agencyCode: 'gjxfj', channel: 'post', receivedOn });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      ids[name] = res.json<{ application: { id: string } }>().application.id;
    }
  });
  after(async () => t.close());

  async function rows(): Promise<{ workbench: Row[]; list: Row[] }> {
    const wb = (await clerk.get('/api/v1/workbench')).json<{ dueSoon: Row[]; overdue: Row[] }>();
    const list = (await clerk.get('/api/v1/applications?limit=100')).json<{ items: Row[] }>();
    return { workbench: [...wb.dueSoon, ...wb.overdue], list: list.items };
  }

  it('gives the years a due date was counted Monday to Friday in, and none for a final date', async () => {
    const { workbench, list } = await rows();
    for (const [where, items] of [['workbench', workbench], ['list', list]] as const) {
      const byId = new Map(items.map((r) => [r.id, r]));
      // 12/04: the 20th working day is 2027-01-01, counted as a Friday at work; 12/01: 2026-12-29, final
      assert.deepEqual([byId.get(ids['intoNextYear'] as string)?.dueOn, byId.get(ids['intoNextYear'] as string)?.provisionalYears], ['2027-01-01', [2027]], where);
      assert.deepEqual([byId.get(ids['thisYear'] as string)?.dueOn, byId.get(ids['thisYear'] as string)?.provisionalYears], ['2026-12-29', []], where);
    }
  });

  it('clears them when the year is loaded, and names who loaded it', async () => {
    const res = await admin.post('/api/v1/calendar/notices', { text: notice2027 });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const { workbench, list } = await rows();
    for (const items of [workbench, list]) {
      const r = items.find((x) => x.id === ids['intoNextYear']);
      assert.deepEqual([r?.dueOn, r?.provisionalYears], ['2027-01-04', []]);
    }
    const cal = (await clerk.get('/api/v1/calendar')).json<{ years: { year: number; loadedByName: string | null; notice: string | null }[] }>();
    const y2027 = cal.years.find((y) => y.year === 2027);
    const adminName = (await admin.get('/api/v1/auth/me')).json<{ displayName: string }>().displayName;
    assert.deepEqual([y2027?.notice, y2027?.loadedByName], ['国办发明电〔2026〕99号', adminName]);
    assert.equal(cal.years.find((y) => y.year === 2026)?.loadedByName, null);
  });
});
