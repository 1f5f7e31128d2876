/**
 * Issue 11, done when: the case steps produce every procedural notice and every answer letter, and each is
 * read back from its DOCX and its PDF with the elements letters.md requires of it — title, 文号, addressee,
 * the application referred to, the articles relied on, the facts of this case, the period, the remedies
 * naming the configured 复议机关 and court where the document affects rights, the agency, （印章） and the date.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { docxText, pdfText, registerCase, stepOk } from '../support/cases.ts';
import type { personInput } from '../support/fixtures.ts';
import { startTestApp } from '../support/http.ts';
import type { Client, TestApp } from '../support/http.ts';

interface View {
  id: string;
  version: number;
  receiptCode: string;
}
interface Notice {
  id: string;
  kind: string;
  number: string;
  title: string;
  addressee: string;
  issuedOn: string;
}

const LAW = '《中华人民共和国政府信息公开条例》';
const AGENCY = '国家信访局';
const GENERAL_REMEDIES = ['60日内向国家信访局申请行政复议', '6个月内向北京市第二中级人民法院提起行政诉讼'];
const PREREVIEW_REMEDIES = ['应当先自收到本告知书之日起60日内向国家信访局申请行政复议', '15日内向北京市第二中级人民法院提起行政诉讼'];

function cn(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

describe('every notice and answer letter, read back from DOCX and PDF', () => {
  let t: TestApp;
  let clerk: Client;
  let head: Client;

  before(async () => {
    t = await startTestApp();
    t.today.value = '2020-12-31';
    clerk = await t.as('clerk');
    head = await t.as('head');
  });
  after(async () => t.close());

  const register = (receivedOn: string, overrides: Parameters<typeof personInput>[0] = {}) => registerCase<View>(clerk, receivedOn, overrides);
  const ok = async (c: View, path: string, date: string, body: Record<string, unknown> = {}, who = clerk) => void (await stepOk(who, c, path, date, body));

  /** The text of the PDF and of the DOCX at `base`.pdf / `base`.docx, whitespace removed. */
  async function readBack(base: string): Promise<{ pdf: string; docx: string }> {
    return { pdf: await pdfText(clerk, `${base}.pdf`), docx: await docxText(clerk, `${base}.docx`) };
  }

  function assertElements(what: string, texts: { pdf: string; docx: string }, elements: readonly string[]): void {
    for (const [format, text] of Object.entries(texts)) {
      for (const e of elements) assert.ok(text.includes(e.replace(/\s+/g, '')), `${what} (${format}): “${e}” missing`);
    }
  }

  describe('the procedural notices', () => {
    const notices: (Notice & { application: View })[] = [];
    const cases: Record<string, View> = {};

    before(async () => {
      const s = (cases['supplement'] = await register('2020-09-01'));
      await ok(s, 'request-supplement', '2020-09-02', { items: '请写明所需文件的名称或文号\n请写明获取信息的方式' });
      await ok(s, 'lapse-supplement', '2020-09-23');
      const e = (cases['extension'] = await register('2020-09-01'));
      await ok(e, 'request-extension', '2020-09-20', { reason: '需要调取多个年度的档案并逐件审查' });
      await ok(e, 'approve-extension', '2020-09-21', {}, head);
      const f = (cases['fee'] = await register('2020-09-01'));
      await ok(f, 'send-fee-notice', '2020-09-03', { method: 'per-volume', pages: 120, payment: '凭本通知书到本机关财务处领取非税收入一般缴款书，通过银行柜台缴纳' });
      await ok(f, 'lapse-fee', '2020-10-12');
      const p = (cases['third'] = await register('2020-09-01'));
      await ok(p, 'consult-third-party', '2020-09-03', { party: '某某科技有限公司', information: '某项目合同的金额和履行期限' });
      await ok(p, 'receive-third-party-reply', '2020-09-15', { opinion: 'objects' });
      await ok(p, 'notify-third-party-disclosure', '2020-09-16', { what: '合同金额和履行期限', why: '该项目使用财政资金，公开合同金额涉及重大公共利益' });
      const a = (cases['agency'] = await register('2020-09-01'));
      await ok(a, 'consult-agency', '2020-09-03', { agencyName: '北京市财政局', information: '2020年信访专项经费的拨付文件' });
      const r = (cases['reasons'] = await register('2020-09-01'));
      await ok(r, 'request-reasons', '2020-09-02', { facts: '您于2020年8月1日至8月31日向本机关提出政府信息公开申请45件，其中38件内容相同', replyBy: '2020-09-10' });
      for (const c of Object.values(cases)) notices.push(...(await clerk.get(`/api/v1/applications/${c.id}/notices`)).json<{ items: Notice[] }>().items.map((n) => ({ ...n, application: c })));
    });

    const EXPECTED: Record<string, { title: string; addressee: string; elements: readonly string[]; remedies: boolean }> = {
      supplement: { title: '政府信息公开申请补正告知书', addressee: '张三丰', elements: ['第三十条', '一次性告知', '请写明所需文件的名称或文号', '请写明获取信息的方式', '2020年9月23日前', '15个工作日内', '重新计算答复期限', '视为放弃申请'], remedies: true },
      'supplement-lapsed': { title: '政府信息公开申请不再处理告知书（逾期未补正）', addressee: '张三丰', elements: ['第三十条', '补正期限至2020年9月23日', '无正当理由逾期未补正', '视为放弃申请', '不再处理'], remedies: true },
      extension: { title: '政府信息公开申请延期答复告知书', addressee: '张三丰', elements: ['第三十三条第二款', '需要调取多个年度的档案并逐件审查', '政府信息公开工作机构负责人同意', '延长20个工作日', '2020年11月2日前作出答复'], remedies: false },
      fee: {
        title: '政府信息公开信息处理费收费通知书',
        addressee: '张三丰',
        elements: ['第四十二条', '国办函〔2020〕109号', '按量计收', '共120页', '第31–100页：70页×10元=700元', '合计1100元', '应缴金额为1100元', '银行柜台缴纳', '财政票据', '20个工作日内', '视为放弃申请'],
        remedies: false,
      },
      'fee-lapsed': { title: '政府信息公开申请不再处理告知书（逾期未缴费）', addressee: '张三丰', elements: ['第四十二条', '国办函〔2020〕109号', '逾期未缴纳信息处理费', '视为放弃申请'], remedies: true },
      'third-party-consultation': { title: '政府信息公开征求第三方意见书', addressee: '某某科技有限公司', elements: ['第三十二条', '某项目合同的金额和履行期限', '15个工作日内', '说明理由', '逾期未提出意见的，由本机关依法决定是否公开', '书面告知贵方'], remedies: false },
      'third-party-disclosure': { title: '政府信息公开决定公开告知书（给第三方）', addressee: '某某科技有限公司', elements: ['第三十二条', '贵方不同意公开', '决定公开的政府信息内容：合同金额和履行期限', '理由：该项目使用财政资金'], remedies: true },
      'agency-consultation': { title: '政府信息公开征求意见函', addressee: '北京市财政局', elements: ['第三十四条', '2020年信访专项经费的拨付文件', '共同制作', '15个工作日内', '视为同意公开'], remedies: false },
      'reasons-request': { title: '政府信息公开申请说明理由告知书', addressee: '张三丰', elements: ['第三十五条', '提出政府信息公开申请45件', '明显超过合理范围', '2020年9月10日前书面说明理由', '不予处理', '延迟答复的合理期限'], remedies: false },
    };

    it('each kind was issued once, with its 文号', () => {
      assert.deepEqual(notices.map((n) => n.kind).sort(), Object.keys(EXPECTED).sort());
      for (const n of notices) assert.match(n.number, /^国信公开〔2020〕\d+号$/, n.kind);
      assert.equal(new Set(notices.map((n) => n.number)).size, notices.length, 'one number each');
    });

    for (const [kind, expected] of Object.entries(EXPECTED)) {
      it(`${expected.title}: its elements in the DOCX and the PDF`, async () => {
        const n = notices.find((x) => x.kind === kind);
        assert.ok(n !== undefined, kind);
        assert.equal(n.title, expected.title);
        assert.equal(n.addressee, expected.addressee);
        const application = n.application;
        const texts = await readBack(`/api/v1/applications/${application.id}/notices/${n.id}`);
        const remedies = expected.remedies ? GENERAL_REMEDIES : [];
        assertElements(kind, texts, [expected.title, n.number, `${expected.addressee}：`, `受理编号：${application.receiptCode}`, LAW, ...expected.elements, ...remedies, AGENCY, '（印章）', cn(n.issuedOn)]);
        for (const text of Object.values(texts)) {
          if (!expected.remedies) assert.ok(!text.includes('申请行政复议'), `${kind}: no remedies in a notice that decides nothing`);
          assert.ok(!/。”。|［/.test(text), `${kind}: no doubled punctuation or blank`);
        }
      });
    }
  });

  describe('the answer letters', () => {
    let earlier: View;

    before(async () => {
      earlier = await register('2020-08-03');
      await ok(earlier, 'answer', '2020-08-20', { outcome: 'granted', facts: { grantBasis: 'disclosed', provision: '电子文件于2020年8月20日发送至申请人电子邮箱' } });
    });

    /** outcome (and variant) → the facts it is answered with, the steps before it, what the letter must say. */
    const LETTERS: { name: string; outcome: string; facts: Record<string, string>; before?: (c: View) => Promise<void>; elements: string[] }[] = [
      { name: '36(一) 已主动公开', outcome: 'granted', facts: { grantBasis: 'published', publishedAt: '国家信访局网站“法定主动公开内容”栏目，2020年3月1日发布' }, elements: ['第三十六条第（一）项', '已经主动公开', '2020年3月1日发布'] },
      { name: '36(二) 予以公开', outcome: 'granted', facts: { grantBasis: 'disclosed', provision: '电子文件于2020年9月10日发送至申请人电子邮箱' }, elements: ['第三十六条第（二）项', '获取信息的方式、途径和时间：电子文件于2020年9月10日发送'] },
      { name: '37 部分公开', outcome: 'partially_granted', facts: { provision: '纸质文件于2020年9月10日邮寄', reason: '其中第3页载有来访人的身份证号码' }, elements: ['第三十七条', '区分处理', '纸质文件于2020年9月10日邮寄', '其中第3页载有来访人的身份证号码'] },
      { name: '14 国家秘密', outcome: 'withheld.state_secret', facts: { reason: '该文件于2019年5月依法定为秘密级国家秘密' }, elements: ['第十四条', '第三十六条第（三）项', '依法定为秘密级国家秘密'] },
      { name: '14 法律禁止', outcome: 'withheld.prohibited_by_law', facts: { reason: '《中华人民共和国统计法》第三十九条禁止公开' }, elements: ['第十四条', '统计法》第三十九条禁止公开'] },
      { name: '14 三安全一稳定', outcome: 'withheld.security_stability', facts: { reason: '该名单公开后可能引发群体性事件' }, elements: ['第十四条', '可能危及国家安全、公共安全、经济安全、社会稳定', '该名单公开后可能引发群体性事件'] },
      { name: '15 第三方', outcome: 'withheld.third_party_rights', facts: { reason: '该信息为某自然人的病历', noConsultationReason: '该第三方已死亡且无法确定其近亲属' }, elements: ['第十五条', '该信息为某自然人的病历', '未能征求第三方意见，理由：该第三方已死亡'] },
      { name: '16① 内部事务', outcome: 'withheld.internal_affairs', facts: { reason: '该文件为本局人事任免的内部请示', discretion: '不对外部产生直接约束力' }, elements: ['第十六条第一款', '可以不予公开', '理由：不对外部产生直接约束力'] },
      { name: '16② 过程性信息', outcome: 'withheld.process_information', facts: { reason: '该文件为尚在讨论中的请示稿', discretion: '该事项尚未决定，公开可能误导公众' }, elements: ['第十六条第二款', '该文件为尚在讨论中的请示稿', '理由：该事项尚未决定'] },
      { name: '16② 执法案卷', outcome: 'withheld.enforcement_file', facts: { reason: '该卷宗为某信访事项的调查材料', discretion: '涉及举报人的个人信息' }, elements: ['第十六条第二款', '行政执法案卷信息', '理由：涉及举报人的个人信息'] },
      { name: '36(七) 行政查询', outcome: 'withheld.administrative_query', facts: { route: '请依《不动产登记暂行条例》向不动产登记机构申请查询' }, elements: ['第三十六条第（七）项', '不动产登记机构申请查询'] },
      { name: '36(四) 不存在', outcome: 'unavailable.not_held', facts: { notHeldBasis: 'not_exist', search: '本机关检索了2015年至2020年的公文系统和档案室' }, elements: ['第三十六条第（四）项', '经检索，本机关检索了2015年至2020年的公文系统', '该政府信息不存在'] },
      { name: '36(五) 非本机关', outcome: 'unavailable.not_held', facts: { notHeldBasis: 'not_responsible', reason: '该信息由教育部门制作并保存', responsibleOrgan: '北京市教育委员会', responsibleContact: '010-51990000' }, elements: ['第三十六条第（五）项', '由北京市教育委员会负责公开，联系方式：010-51990000'] },
      { name: '38 需加工', outcome: 'unavailable.needs_creation', facts: { reason: '需要对五年的来信逐件统计' }, elements: ['第三十八条', '加工、分析', '需要对五年的来信逐件统计'] },
      {
        name: '30 补正后仍不明确',
        outcome: 'unavailable.still_unclear',
        facts: { reason: '补正后仍未写明文件名称或者可以识别的特征' },
        before: async (c) => {
          await ok(c, 'request-supplement', '2020-09-02', { items: '请写明所需文件的名称' });
          await ok(c, 'receive-supplement', '2020-09-04');
        },
        elements: ['第三十条', '补正后的申请内容仍不明确', '补正后仍未写明文件名称'],
      },
      { name: '39① 信访', outcome: 'not_processed.petition_complaint', facts: { route: '国家信访局网上信访平台' }, elements: ['第三十九条第一款', '不作为政府信息公开申请处理', '国家信访局网上信访平台'] },
      { name: '36(六) 重复申请', outcome: 'not_processed.repeated', facts: {}, elements: ['第三十六条第（六）项', '重复申请', '本机关已于2020年8月20日以国信公开〔2020〕'] },
      { name: '39② 出版物', outcome: 'not_processed.publication', facts: { route: '国家信访局官方网站“信访年鉴”栏目' }, elements: ['第三十九条第二款', '公开出版物', '信访年鉴'] },
      {
        name: '35 大量反复',
        outcome: 'not_processed.mass_repetitive',
        facts: { reason: '您说明的研究需要不能说明为何对相同信息重复申请38次' },
        before: async (c) => {
          await ok(c, 'request-reasons', '2020-09-02', { facts: '您于2020年8月向本机关提出政府信息公开申请45件，其中38件内容相同', replyBy: '2020-09-09' });
          await ok(c, 'receive-reasons', '2020-09-08', { reasonable: false, reasons: '为研究需要', assessment: '研究需要不能说明重复申请' });
        },
        elements: ['第三十五条', '说明的理由不合理', '重复申请38次'],
      },
      { name: '（五）5 确认或重新出具', outcome: 'not_processed.confirm_or_reissue', facts: {}, elements: ['确认或者重新出具', '不予处理'] },
      { name: '（六）3 其他', outcome: 'other.other', facts: { reason: '申请人所申请的事项已由本机关另案书面答复' }, elements: ['申请人所申请的事项已由本机关另案书面答复', '不再处理该政府信息公开申请'] },
    ];

    it('其他处理 by an answer needs its reason (a withdrawal has no letter), refused naming the field, nothing written', async () => {
      const c = await register('2020-09-01');
      const res = await clerk.post(`/api/v1/applications/${c.id}/answer`, { version: c.version, date: '2020-09-10', outcome: 'other.other' });
      assert.equal(res.status, 400);
      assert.deepEqual(res.json<{ errors: { path: string; rule: string }[] }>().errors.map((e) => `${e.path}:${e.rule}`), ['facts.reason:required']);
      assert.equal((await clerk.get(`/api/v1/applications/${c.id}`)).json<{ version: number }>().version, c.version);
    });

    for (const l of LETTERS) {
      it(`${l.name}: the letter states the case, in the DOCX and the PDF`, async () => {
        const c = await register('2020-09-01');
        await l.before?.(c);
        const facts = l.outcome === 'not_processed.repeated' ? { earlierReceiptCode: earlier.receiptCode } : l.facts;
        await ok(c, 'answer', '2020-09-10', { outcome: l.outcome, facts });
        const letter = (await clerk.get(`/api/v1/applications/${c.id}/letter`)).json<{ status: string; number: string; articles: string[]; body: string }>();
        assert.equal(letter.status, 'sent');
        assert.match(letter.number, /^国信公开〔2020〕\d+号$/);
        const texts = await readBack(`/api/v1/applications/${c.id}/letter`);
        const prereview = /^withheld\.(state_secret|prohibited_by_law|security_stability|third_party_rights|internal_affairs|process_information|enforcement_file)$/.test(l.outcome);
        const articles = letter.articles.length === 0 ? [] : [LAW];
        assertElements(l.name, texts, [
          '政府信息公开申请答复告知书',
          letter.number,
          '张三丰：',
          '本机关于2020年9月1日收到您当面提交的政府信息公开申请',
          `受理编号：${c.receiptCode}`,
          '申请获取“2020年度信访工作统计数据及相关文件”。',
          ...articles,
          ...letter.articles,
          ...l.elements,
          ...(prereview ? PREREVIEW_REMEDIES : GENERAL_REMEDIES),
          '联系电话：010-68018000',
          AGENCY,
          '（印章）',
          '2020年9月10日',
        ]);
        for (const text of Object.values(texts)) {
          assert.ok(!/。”。|［|。。/.test(text), `${l.name}: no doubled punctuation or blank`);
          if (prereview) assert.ok(!text.includes('6个月内'), `${l.name}: 复议前置, no direct suit`);
        }
      });
    }
  });
});
