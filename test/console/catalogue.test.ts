/**
 * The publisher's 政府信息目录 in the console, in Chromium: the agency's documents listed, a draft written
 * (a bad date refused before sending), published to the portal, corrected, a 政策解读 linked to it, marked
 * 废止, another withdrawn; the 依申请转主动 queue (one published, one dismissed); the Art. 26 late list; the
 * 指南 settings (a required field refused, then saved as a new version). Screens: Chinese, axe, no console
 * error, screenshots. Each step awaits the API's answer and the list's refresh, not a toast.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiFromPage, awaitApi, checkConsoleScreen, chooseOption, consoleHarness, forgetExpectedRefusal } from '../support/consoleBrowser.ts';
import type { ConsoleUser } from '../support/consoleBrowser.ts';

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
    await awaitApi(u, 'POST', /\/catalogue\/documents$/, () => dialog.getByRole('button', { name: '保存草稿' }).click(), LIST);
    const row = u.page.getByRole('row').filter({ hasText: TITLE });
    await row.getByText('草稿').waitFor();

    await row.getByRole('button', { name: `发布（${TITLE}）` }).click();
    await awaitApi(u, 'POST', /\/publish$/, () => u.page.getByRole('dialog').getByRole('button', { name: /发\s*布/ }).click(), LIST);
    await chooseOption(u.page, '按状态筛选', '已发布');
    const published = u.page.getByRole('row').filter({ hasText: TITLE });
    assert.match((await published.innerText()).replace(/\s+/g, ' '), /示范信〔2026〕7号 .*2026-08-28 2026-09-01 有效 已发布/);
    await checkConsoleScreen(u, '42-catalogue-published');
    // on the portal's search at once
    const hits = await apiFromPage<{ items: { title: string; publishedOn: string }[] }>(u.page, 'GET', `/catalogue/search?q=${encodeURIComponent('信访事项办理规范')}`);
    assert.deepEqual(hits.body.items.filter((d) => d.title === TITLE).map((d) => d.publishedOn), ['2026-09-01']);
    await u.page.context().close();
  });

  it('corrects a published document, links a 政策解读 to it, marks it 废止 and withdraws another', async () => {
    const u = await openCatalogue();
    const made = await apiFromPage<{ id: string }>(u.page, 'POST', '/agencies/gjxfj/catalogue/documents', { title: INTERPRETATION, writtenOn: '2026-08-29', item: '1', topic: '信访', kind: 'interpretation', body: '一、起草背景……', publish: true });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    await u.page.reload();
    await filterPublished(u);

    await row(u, TITLE).getByRole('button', { name: `更正（${TITLE}）` }).click();
    let dialog = u.page.getByRole('dialog');
    await dialog.getByLabel('发文字号').fill('示范信〔2026〕8号');
    await dialog.getByLabel('更正理由（门户上与更正日期一并显示）').waitFor();
    await checkConsoleScreen(u, '43-catalogue-correct');
    await dialog.getByRole('button', { name: /更\s*正/ }).click();
    await dialog.getByText('请填写更正理由').waitFor();
    await dialog.getByLabel('更正理由（门户上与更正日期一并显示）').fill('发文字号录入有误');
    const corrected = await awaitApi(u, 'POST', /\/correct$/, () => dialog.getByRole('button', { name: /更\s*正/ }).click(), LIST) as { id: string; docNumber: string };
    assert.equal(corrected.docNumber, '示范信〔2026〕8号');
    await row(u, TITLE).getByText('示范信〔2026〕8号').waitFor();

    await row(u, INTERPRETATION).getByRole('button', { name: `关联被解读文件（${INTERPRETATION}）` }).click();
    dialog = u.page.getByRole('dialog');
    await dialog.getByLabel('被解读的文件').fill('信访事项办理规范');
    await u.page.getByTitle(`${TITLE}（示范信〔2026〕8号）`).click();
    await dialog.locator('.ant-modal-title').click();
    await u.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' });
    await checkConsoleScreen(u, '44-catalogue-link-interpretation');
    await awaitApi(u, 'POST', /\/interpretations$/, () => dialog.getByRole('button', { name: /关\s*联/ }).click(), LIST);
    const doc = await apiFromPage<{ interpretations: { title: string }[] }>(u.page, 'GET', `/catalogue/documents/${corrected.id}`);
    assert.deepEqual(doc.body.interpretations.map((i) => i.title), [INTERPRETATION]);

    await row(u, TITLE).getByRole('button', { name: `标注失效或废止（${TITLE}）` }).click();
    dialog = u.page.getByRole('dialog');
    await dialog.getByLabel('说明（如废止决定的文号）').fill('示范信〔2026〕9号决定废止');
    await checkConsoleScreen(u, '45-catalogue-repeal');
    await awaitApi(u, 'POST', /\/repeal$/, () => dialog.getByRole('button', { name: /标\s*注/ }).click(), LIST);
    assert.match((await row(u, TITLE).innerText()).replace(/\s+/g, ' '), / 废止 已发布/);

    await row(u, INTERPRETATION).getByRole('button', { name: `撤回（${INTERPRETATION}）` }).click();
    dialog = u.page.getByRole('dialog');
    await dialog.getByLabel(/撤回理由/).fill('与正式文件一并调整后重新发布');
    await awaitApi(u, 'POST', /\/withdraw$/, () => dialog.getByRole('button', { name: /撤\s*回/ }).click(), LIST);
    await chooseOption(u.page, '按状态筛选', '已撤回');
    await row(u, INTERPRETATION).getByText('已撤回').waitFor();
    await u.page.context().close();
  });

  it('works the 依申请转主动 queue: one published (linked to its applications), one dismissed', async () => {
    const u = await openCatalogue();
    for (const description of [PROPOSED, '信访接待场所的监控录像']) {
      const res = await apiFromPage(u.page, 'POST', '/agencies/gjxfj/catalogue/proposals', { description });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    await awaitApi(u, 'GET', /\/catalogue\/proposals$/, () => u.page.getByRole('tab', { name: '依申请转主动' }).click());
    await u.page.getByRole('cell', { name: PROPOSED, exact: true }).waitFor();
    await checkConsoleScreen(u, '46-catalogue-proposals');

    await u.page.getByRole('button', { name: `发布（${PROPOSED}）` }).click();
    const dialog = u.page.getByRole('dialog', { name: '发布为主动公开的政府信息' });
    await dialog.getByLabel('主题分类').fill('信访');
    await dialog.getByLabel('正文').fill('2025年度信访事项复查复核工作规程全文。');
    await awaitApi(u, 'POST', /\/proposals\/[^/]+\/publish$/, () => dialog.getByRole('button', { name: /发\s*布/ }).click(), { method: 'GET', path: /\/catalogue\/proposals$/ });
    await u.page.getByRole('button', { name: '不予采纳（信访接待场所的监控录像）' }).click();
    const reason = u.page.getByRole('dialog', { name: '不予采纳' });
    await reason.getByLabel('理由').fill('涉及个人信息，不宜主动公开');
    await awaitApi(u, 'POST', /\/dismiss$/, () => reason.getByRole('button', { name: /确\s*定/ }).click(), { method: 'GET', path: /\/catalogue\/proposals$/ });
    assert.equal(await u.page.getByRole('cell', { name: PROPOSED, exact: true }).count(), 0, 'the published one left the open queue');
    assert.equal(await u.page.getByRole('cell', { name: '信访接待场所的监控录像', exact: true }).count(), 0, 'the dismissed one too');
    const published = await apiFromPage<{ items: { description: string; documentId: string | null }[] }>(u.page, 'GET', '/agencies/gjxfj/catalogue/proposals?status=published');
    assert.equal(published.body.items.find((p) => p.description === PROPOSED)?.documentId !== null, true);
    await u.page.context().close();
  });

  it('lists the Art. 26 late documents: published late, drafts waiting past their day, and a change published late', async () => {
    const u = await openCatalogue();
    const late = [
      { title: '示范迟发文件（已发布）', writtenOn: '2026-06-01', publish: true, publishedOn: '2026-08-20' },
      { title: '示范待发文件（草稿）', writtenOn: '2026-06-02' },
    ];
    for (const d of late) {
      const res = await apiFromPage(u.page, 'POST', '/agencies/gjxfj/catalogue/documents', { ...d, item: '1', topic: '信访', kind: 'other' });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    // A document published on time whose correction (the information changed on 2026-07-01) is published only now.
    const onTime = await apiFromPage<{ id: string; version: number }>(u.page, 'POST', '/agencies/gjxfj/catalogue/documents', { title: '示范按时文件（迟更正）', writtenOn: '2026-06-01', publish: true, publishedOn: '2026-06-05', item: '1', topic: '信访', kind: 'other' });
    assert.equal(onTime.status, 201, JSON.stringify(onTime.body));
    const corrected = await apiFromPage(u.page, 'POST', `/catalogue/documents/${onTime.body.id}/correct`, { version: onTime.body.version, reason: '发文字号有误', changes: { docNumber: '示范信〔2026〕9号' }, changedOn: '2026-07-01' });
    assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
    const answer = await awaitApi(u, 'GET', /\/catalogue\/late$/, () => u.page.getByRole('tab', { name: '逾期公开（第二十六条）' }).click()) as { publishedLate: { title: string; art26DueOn: string }[]; waitingLate: { title: string }[]; changedLate: { title: string; art26DueOn: string; recordedOn: string }[] };
    const change = answer.changedLate.find((c) => c.title === '示范按时文件（迟更正）');
    assert.ok(change !== undefined && change.art26DueOn > '2026-07-01' && change.art26DueOn < change.recordedOn, JSON.stringify(answer.changedLate));
    const changeDays = (Date.parse(change.recordedOn) - Date.parse(change.art26DueOn)) / 86_400_000;
    assert.match((await row(u, '示范按时文件（迟更正）').innerText()).replace(/\s+/g, ' '), new RegExp(`更正 2026-07-01 ${change.art26DueOn} ${change.recordedOn} ${changeDays} 天`));
    assert.deepEqual(answer.waitingLate.map((d) => d.title), ['示范待发文件（草稿）']);
    await row(u, '示范待发文件（草稿）').waitFor();
    const due = answer.publishedLate.find((d) => d.title === '示范迟发文件（已发布）')?.art26DueOn;
    assert.ok(due !== undefined && due > '2026-06-01' && due < '2026-08-20', `due ${String(due)}`);
    const days = (Date.parse('2026-08-20') - Date.parse(due)) / 86_400_000;
    assert.match((await row(u, '示范迟发文件（已发布）').innerText()).replace(/\s+/g, ' '), new RegExp(`2026-06-01 ${due} 2026-08-20 ${days} 天`));
    await checkConsoleScreen(u, '47-catalogue-late');
    await u.page.context().close();
  });

  it('edits the 指南 settings: a required field refused by the server, then saved as a new version', async () => {
    const u = await openCatalogue();
    await awaitApi(u, 'GET', /\/guide$/, () => u.page.getByRole('tab', { name: '公开指南' }).click());
    await u.page.getByLabel('办公地址').fill('北京市西城区示例大街1号');
    await u.page.getByLabel('传真').fill('010-68880000');
    await u.page.getByLabel('其他互联网联系方式').fill('微信公众号：示范信访');
    await u.page.getByLabel('邮政编码').fill('1000');
    const refused = u.page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/guide'));
    await u.page.getByRole('button', { name: '保存指南（新版本）' }).click();
    assert.equal((await refused).status(), 400);
    // The refusal names the field by its label, in the message and under the field itself.
    await u.page.locator('.ant-message').getByText('填写有误：邮政编码应为6位数字').waitFor();
    await u.page.locator('.ant-form-item-explain-error').getByText('邮政编码应为6位数字').waitFor();
    assert.equal(await u.page.getByText(/postalCode/).count(), 0);
    forgetExpectedRefusal(u, 400);
    await checkConsoleScreen(u, '47-catalogue-guide-refused');
    await u.page.getByLabel('邮政编码').fill('100035');
    const saved = await awaitApi(u, 'PUT', /\/guide$/, () => u.page.getByRole('button', { name: '保存指南（新版本）' }).click(), { method: 'GET', path: /\/guide$/ }) as { version: number; settings: { fax: string } };
    assert.equal(saved.settings.fax, '010-68880000');
    await u.page.getByText(`第 ${saved.version} 版，`).waitFor();
    await checkConsoleScreen(u, '48-catalogue-guide');
    await u.page.context().close();
  });
});

const LIST = { method: 'GET', path: /\/catalogue\/documents$/ };
const INTERPRETATION = '《示范市信访事项办理规范（试行）》政策解读';
const PROPOSED = '2025年度信访事项复查复核工作规程';

function row(u: ConsoleUser, text: string) {
  return u.page.getByRole('row').filter({ has: u.page.getByRole('cell', { name: text, exact: true }) });
}

async function openCatalogue(): Promise<ConsoleUser> {
  const u = await h.login('editor');
  await awaitApi(u, 'GET', /\/catalogue\/documents$/, () => u.page.getByRole('menuitem', { name: '政府信息目录' }).click());
  return u;
}

async function filterPublished(u: ConsoleUser): Promise<void> {
  await awaitApi(u, 'GET', /\/catalogue\/documents$/, () => chooseOption(u.page, '按状态筛选', '已发布'));
}
