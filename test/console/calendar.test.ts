/**
 * The console and the working calendar (issue 9 with issue 13), in Chromium: on 2026-12-30 with 2027 not
 * loaded, every user sees the banner (the administrator with the action); a case whose period runs into
 * 2027 shows its due date 暂定 with the reason on the workbench, in the list and on the case page; the
 * administrator pastes the notice on 工作日历, sees a bad notice refused with its line, previews the year
 * as month calendars with the cases it moves, confirms; a replacing notice moves a due date earlier and the
 * clerk's workbench lists that case. Screens: Chinese, axe, no console error, screenshots.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { apiFromPage, checkConsoleScreen, consoleHarness, forgetExpectedRefusal } from '../support/consoleBrowser.ts';
import { personInput } from '../support/fixtures.ts';

/** A working day late in the last year the package knows: 2027 is not loaded. */
const TODAY = '2026-12-30';
const notice2027 = readFileSync(new URL('../fixtures/holiday-notices/2027-constructed.txt', import.meta.url), 'utf8');
/** A later notice replacing 2027's 元旦 (one day off, Saturday 1/2 worked): moves due dates earlier. */
const replacing2027 = notice2027.replace('一、元旦：1月1日（周五）至3日（周日）放假，共3天。', '一、元旦：1月1日（周五）放假，共1天。1月2日（周六）上班。').replace('99号', '100号');
/** The same notice with a wrong day count on line 6. */
const bad2027 = notice2027.replace('至3日（周日）放假，共3天', '至3日（周日）放假，共4天');

const h = consoleHarness(TODAY);
const login = (username: string) => h.login(username);

describe('the console and the working calendar', () => {
  let caseId = '';
  let receiptCode = '';

  it('marks a due date that runs into 2027 暂定, with the reason, wherever it shows; the banner tells the clerk', async () => {
    const u = await login('clerk');
    // received (signed for) 2026-12-04: 12/7–11 1–5, 14–18 10, 21–25 15, 28–31 19; 2027-01-01 counted Monday to Friday: 20
    const res = await apiFromPage<{ application: { id: string; receiptCode: string; dueOn: string; clock: { provisional: boolean } } }>(u.page, 'POST', '/applications', {
      ...personInput(),
      agencyCode: 'gjxfj',
      channel: 'post',
      receivedOn: '2026-12-04',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    caseId = res.body.application.id;
    receiptCode = res.body.application.receiptCode;
    assert.deepEqual([res.body.application.dueOn, res.body.application.clock.provisional], ['2027-01-01', true]);

    await u.page.reload();
    const banner = u.page.locator('.gk-calendar-warning');
    await banner.getByText(/2027年节假日安排尚未载入/).waitFor();
    assert.equal(await banner.getByRole('button').count(), 0, 'only an administrator gets the action');
    const row = u.page.getByRole('row').filter({ hasText: receiptCode });
    await row.getByText('2027-01-01').waitFor();
    await row.getByText('暂定').hover();
    await u.page.getByRole('tooltip').getByText('2027年节假日安排尚未载入，2027年的日期暂按周一至周五计算；载入后自动重算').waitFor();
    await checkConsoleScreen(u, '20-workbench-provisional');

    await u.page.getByRole('menuitem', { name: '申请办理' }).click();
    await u.page.getByRole('row').filter({ hasText: receiptCode }).getByText('暂定').waitFor();
    await checkConsoleScreen(u, '21-applications-provisional');

    await u.page.goto(`${h.server.origin}/console/cases/${caseId}`);
    await u.page.getByText('推算过程').waitFor();
    await u.page.locator('.gk-provisional-reason').getByText('2027年节假日安排尚未载入').waitFor();
    assert.match(await u.page.locator('body').innerText(), /2027-01-01\s*暂定/);
    await checkConsoleScreen(u, '22-case-provisional');
    await u.page.context().close();
  });

  it('lets the administrator load the notice: a bad one refused with its line, a preview as month calendars with the cases it moves, then the load', async () => {
    const u = await login('admin');
    await u.page.locator('.gk-calendar-warning').getByRole('button', { name: '载入2027年节假日安排' }).click();
    await u.page.getByRole('heading', { name: '工作日历' }).waitFor();
    await u.page.getByRole('cell', { name: '2026年', exact: true }).waitFor();
    assert.equal(await u.page.getByRole('cell', { name: '2027年', exact: true }).count(), 0, '2027 is not held yet');

    const text = u.page.getByLabel('通知全文');
    await text.fill(bad2027);
    await u.page.getByRole('button', { name: /预\s*览/ }).click();
    await u.page.getByText('第6行：写明「共4天」，但所列日期共3天').waitFor();
    assert.equal(await u.page.getByRole('button', { name: '确认载入' }).isDisabled(), true, 'nothing to confirm after a refusal');
    forgetExpectedRefusal(u, 400);
    await checkConsoleScreen(u, '23-calendar-bad-notice');

    await text.fill(notice2027);
    await u.page.getByRole('button', { name: /预\s*览/ }).click();
    const preview = u.page.locator('.gk-preview');
    await preview.getByText('预览：2027年（国办发明电〔2026〕99号）').waitFor();
    // a real month calendar: twelve tables with the weekday header, 休 and 班 in their cells
    assert.equal(await preview.locator('table.gk-month').count(), 12);
    const feb = preview.locator('table.gk-month').nth(1);
    assert.equal((await feb.locator('caption').innerText()).trim(), '2月');
    assert.equal(await feb.locator('td.gk-day-holiday').count(), 8, '春节 2/5–2/12');
    assert.equal((await feb.locator('td.gk-day-workday').innerText()).replace(/\s/g, ''), '20班');
    const moved = preview.getByRole('row').filter({ hasText: receiptCode });
    assert.match((await moved.innerText()).replace(/\s+/g, ' '), /2027-01-01 ?暂定 2027-01-04 推后/);
    await checkConsoleScreen(u, '24-calendar-preview');

    await u.page.getByRole('button', { name: '确认载入' }).click();
    await u.page.getByText(/已载入2027年节假日安排（国办发明电〔2026〕99号），重算了 \d+ 件/).waitFor();
    const loaded = u.page.getByRole('row').filter({ hasText: '2027年' });
    await loaded.getByText('国办发明电〔2026〕99号').waitFor();
    await loaded.getByText('已载入').waitFor();
    assert.match(await loaded.innerText(), /系统管理员 \d{4}-\d\d-\d\d \d\d:\d\d/);
    await u.page.locator('.gk-calendar-warning').waitFor({ state: 'detached' });
    await loaded.getByRole('button', { name: '查看2027年日历' }).click();
    await u.page.locator('.gk-year-shown').getByText('2027年工作日历').waitFor();
    assert.equal(await u.page.locator('.gk-year-shown table.gk-month').count(), 12);
    assert.equal(await u.page.locator('.gk-year-shown td.gk-day-holiday').count(), 28, 'the loaded year\'s holidays');
    await checkConsoleScreen(u, '25-calendar-loaded');

    // a later notice replaces the year; it moves this case's due date earlier
    await text.fill(replacing2027);
    await u.page.getByRole('button', { name: /预\s*览/ }).click();
    await preview.getByText(/将替换此前载入的该年安排/).waitFor();
    assert.match((await preview.getByRole('row').filter({ hasText: receiptCode }).innerText()).replace(/\s+/g, ' '), /2027-01-04 2027-01-02 提前/);
    await u.page.getByRole('button', { name: '确认载入' }).click();
    await u.page.getByText(/已载入2027年节假日安排（国办发明电〔2026〕100号）/).waitFor();
    await u.page.context().close();
  });

  it('lists to the clerk the cases whose due date the load moved earlier; the due date is final now', async () => {
    const u = await login('clerk');
    const card = u.page.locator('.gk-moved-earlier');
    await card.getByText('因载入节假日安排答复期限提前（1）').waitFor();
    const row = card.getByRole('row').filter({ hasText: receiptCode });
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /2027-01-04 2027-01-02 .*载入2027年节假日安排（国办发明电〔2026〕100号）/);
    assert.equal(await u.page.locator('.gk-calendar-warning').count(), 0, 'no banner once 2027 is loaded');
    await checkConsoleScreen(u, '26-workbench-moved-earlier');
    await row.getByRole('link', { name: receiptCode }).click();
    await u.page.getByText('推算过程').waitFor();
    assert.equal(await u.page.locator('.gk-provisional-reason').count(), 0, 'no longer provisional');
    await u.page.context().close();
  });
});
