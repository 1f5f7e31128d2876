/**
 * The publisher's 政府信息目录 in the console, in Chromium: the agency's documents listed, a draft written
 * (a bad date refused before sending), published to the portal. Screens: Chinese, axe, no console error,
 * screenshots.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiFromPage, checkConsoleScreen, consoleHarness } from '../support/consoleBrowser.ts';

const TODAY = '2026-09-01';
const TITLE = '示范市信访事项办理规范（试行）';

const h = consoleHarness(TODAY);

describe('the publisher and the catalogue', () => {
  it('lists the documents, writes a draft and publishes it', async () => {
    const u = await h.login('editor');
    await u.page.getByRole('menuitem', { name: '政府信息目录' }).click();
    await u.page.getByText(/共 \d+ 件/).waitFor();
    await u.page.getByRole('cell', { name: '已发布' }).first().waitFor();
    await checkConsoleScreen(u, '40-catalogue');

    await u.page.getByRole('button', { name: '新建文件' }).click();
    const dialog = u.page.getByRole('dialog');
    await dialog.getByLabel('名称').fill(TITLE);
    await dialog.getByLabel('发文字号').fill('示范信〔2026〕7号');
    await dialog.getByLabel('主题分类').fill('信访');
    await dialog.getByLabel('成文日期').fill('2026年8月');
    await dialog.getByLabel('正文').fill('第一条 为规范信访事项办理，制定本规范。');
    await dialog.getByRole('button', { name: '保存草稿' }).click();
    await dialog.getByText('格式为 YYYY-MM-DD').waitFor();
    await dialog.getByLabel('成文日期').fill('2026-08-28');
    await checkConsoleScreen(u, '41-catalogue-draft');
    await dialog.getByRole('button', { name: '保存草稿' }).click();
    await u.page.getByText(`已保存草稿：${TITLE}`).waitFor();
    const row = u.page.getByRole('row').filter({ hasText: TITLE });
    await row.getByText('草稿').waitFor();

    await row.getByRole('button', { name: `发布（${TITLE}）` }).click();
    await u.page.getByRole('dialog').getByRole('button', { name: /发\s*布/ }).click();
    await u.page.getByText(`已发布：${TITLE}`).waitFor();
    await u.page.getByLabel('按状态筛选').click();
    await u.page.getByTitle('已发布').click();
    const published = u.page.getByRole('row').filter({ hasText: TITLE });
    assert.match((await published.innerText()).replace(/\s+/g, ' '), /示范信〔2026〕7号 .*2026-08-28 2026-09-01 有效 已发布/);
    await checkConsoleScreen(u, '42-catalogue-published');
    // on the portal's search at once
    const hits = await apiFromPage<{ items: { title: string; publishedOn: string }[] }>(u.page, 'GET', `/catalogue/search?q=${encodeURIComponent('信访事项办理规范')}`);
    assert.deepEqual(hits.body.items.filter((d) => d.title === TITLE).map((d) => d.publishedOn), ['2026-09-01']);
    await u.page.context().close();
  });
});
