/**
 * Administration in the console, in Chromium: the administrator lists the users, adds one with roles (a
 * common password refused by the policy, with its reason), resets a password, deactivates the user (who
 * then cannot log in) and activates them again (who then logs in with the new password). Screens: Chinese,
 * axe, no console error, screenshots.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkConsoleScreen, chooseOption, consoleHarness, forgetExpectedRefusal, newConsoleContext } from '../support/consoleBrowser.ts';

const TODAY = '2026-09-01';
const NEW_PASSWORD = 'Qiuyue-lanting-2026';

const h = consoleHarness(TODAY);

/** Tries to log in; returns the page's error text, or null when the console opened. */
async function tryLogin(username: string, password: string): Promise<string | null> {
  const context = await newConsoleContext(h.browser, TODAY);
  const page = await context.newPage();
  await page.goto(`${h.server.origin}/console/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  const out = await Promise.race([
    page.getByRole('button', { name: /退\s*出/ }).waitFor().then(() => null),
    page.getByRole('alert').waitFor().then(() => page.getByRole('alert').innerText()),
  ]);
  await context.close();
  return out;
}

describe('administration: users and agency settings', () => {
  it('adds a user with roles, resets the password, deactivates and activates the user', async () => {
    const u = await h.login('admin');
    await u.page.getByText('系统管理').first().waitFor();
    await u.page.getByRole('menuitem', { name: '用户管理' }).click();
    await u.page.getByRole('cell', { name: 'clerk', exact: true }).waitFor();
    assert.match(await u.page.getByRole('row').filter({ hasText: 'head' }).first().innerText(), /负责人/);
    await checkConsoleScreen(u, '30-users');

    await u.page.getByRole('button', { name: '新增用户' }).click();
    const dialog = u.page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('wangfang');
    await dialog.getByLabel('姓名').fill('王芳');
    await dialog.getByLabel('角色').click();
    await u.page.locator('.ant-select-item-option[title="负责人"]').click();
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByLabel('初始密码').fill('password123');
    await checkConsoleScreen(u, '31-users-add');
    await dialog.getByRole('button', { name: /新\s*增/ }).click();
    await u.page.getByText(/这是常见密码，容易被猜中，请换一个/).waitFor();
    forgetExpectedRefusal(u, 400);
    await dialog.getByLabel('初始密码').fill('Chunfeng-xuyuan-88');
    await dialog.getByRole('button', { name: /新\s*增/ }).click();
    await u.page.getByText('已新增用户 wangfang').waitFor();
    const row = u.page.getByRole('row').filter({ hasText: 'wangfang' });
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /王芳 承办人 ?负责人 .* 启用/);

    await u.page.getByRole('dialog').waitFor({ state: 'detached' });
    await row.getByRole('button', { name: '重设密码（wangfang）' }).click();
    await u.page.getByRole('dialog').getByLabel('新密码').fill(NEW_PASSWORD);
    await u.page.getByRole('dialog').getByRole('button', { name: /重\s*设/ }).click();
    await u.page.getByText('已重设 王芳 的密码，其全部会话已退出').waitFor({ timeout: 10_000 }).catch((err: unknown) => {
      throw new Error(`reset refused: ${u.refused.join('\n')}`, { cause: err });
    });
    assert.notEqual(await tryLogin('wangfang', 'Chunfeng-xuyuan-88'), null, 'the old password no longer works');

    await row.getByRole('button', { name: '停用（wangfang）' }).click();
    await u.page.getByRole('dialog').getByRole('button', { name: /停\s*用/ }).click();
    await row.getByText('已停用').waitFor();
    await checkConsoleScreen(u, '32-users-deactivated');
    assert.notEqual(await tryLogin('wangfang', NEW_PASSWORD), null, 'a deactivated user cannot log in');

    await row.getByRole('button', { name: '启用（wangfang）' }).click();
    await row.getByText('启用', { exact: true }).waitFor();
    assert.equal(await tryLogin('wangfang', NEW_PASSWORD), null, 'active again, with the reset password');
    assert.equal(await u.page.getByRole('button', { name: '停用（admin）' }).isDisabled(), true, 'an administrator cannot deactivate themself');
    await u.page.context().close();
  });

  it('edits the settings of an agency: the 复议机关 and court of its letters, the online 复议 channel, the 文号 format, the 补正 period', async () => {
    const u = await h.login('admin');
    await u.page.getByRole('menuitem', { name: '机关设置' }).click();
    await u.page.getByRole('heading', { name: '机关设置' }).waitFor();
    await u.page.waitForFunction(() => (document.querySelector('#reviewBody') as HTMLInputElement | null)?.value === '国家信访局');
    await checkConsoleScreen(u, '33-agency-settings');

    await chooseOption(u.page, '机关', '示范省人民政府办公厅（政务公开办）');
    await u.page.getByText('发出告知书前还需设置：行政复议机关、人民法院、文号格式').waitFor();
    // not blocking, shown apart from what blocks letters
    await u.page.locator('.gk-settings-warnings').getByText('以电子方式送达的告知书应载明行政复议网上申请渠道（《行政复议法》第二十二条第二款）').waitFor();
    await chooseOption(u.page, '机关类型', '县级以上人民政府工作部门');
    await u.page.getByLabel('行政复议机关（全称）').fill('上级机关');
    await u.page.getByLabel('人民法院（全称）').fill('示范市中级人民法院');
    await u.page.getByLabel('文号格式').fill('示范公开〔{YYYY}〕{N}号');
    await u.page.getByLabel('补正期限（工作日，不少于5）').fill('10');
    await u.page.getByRole('button', { name: '保存设置' }).click();
    await u.page.getByText(/请写明行政复议机关的全称/).first().waitFor();
    await u.page.locator('#reviewBody_help').getByText(/请写明行政复议机关的全称/).waitFor();
    forgetExpectedRefusal(u, 400);
    await checkConsoleScreen(u, '34-agency-settings-refused');

    await u.page.getByLabel('行政复议机关（全称）').fill('示范省人民政府');
    await u.page.getByLabel('行政复议网上申请渠道').fill('示范省行政复议\u0007网上申请平台');
    await u.page.getByRole('button', { name: '保存设置' }).click();
    await u.page.locator('#reviewOnlineChannel_help').getByText(/不能包含控制字符/).waitFor();
    await u.page.getByText('填写有误：行政复议网上申请渠道：不能包含控制字符（制表符、换行符除外）').waitFor();
    forgetExpectedRefusal(u, 400);
    await u.page.getByLabel('行政复议网上申请渠道').fill('示范省行政复议网上申请平台（https://fy.example.gov.cn）');
    await u.page.getByRole('button', { name: '保存设置' }).click();
    await u.page.getByText('已保存示范省人民政府办公厅（政务公开办）的设置（第1版）').waitFor();
    await u.page.locator('.gk-settings-missing').waitFor({ state: 'detached' });
    await u.page.locator('.gk-settings-warnings').waitFor({ state: 'detached' });
    // no message of the refused saves left under a field
    await u.page.waitForFunction(() => document.querySelectorAll('.ant-form-item-explain-error').length === 0, undefined, { timeout: 5_000 });
    await checkConsoleScreen(u, '35-agency-settings-saved');
    await u.page.getByText(/^依.*行政复议机关为/).waitFor();
    await u.page.reload();
    await chooseOption(u.page, '机关', '示范省人民政府办公厅（政务公开办）');
    await u.page.waitForFunction(() => (document.querySelector('#reviewBody') as HTMLInputElement | null)?.value === '示范省人民政府');
    assert.equal(await u.page.getByLabel('补正期限（工作日，不少于5）').inputValue(), '10');
    assert.equal(await u.page.getByLabel('文号格式').inputValue(), '示范公开〔{YYYY}〕{N}号');
    assert.equal(await u.page.getByLabel('行政复议网上申请渠道').inputValue(), '示范省行政复议网上申请平台（https://fy.example.gov.cn）');
    await u.page.context().close();
  });
});
