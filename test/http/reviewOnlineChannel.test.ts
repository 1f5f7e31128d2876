/**
 * 《行政复议法》第二十二条第二款 (letters.md §0.1, "Letter served online"): the agency's setting for the
 * 复议机关's online filing channel — saved and read back, bad input refused naming the field, a non-blocking
 * warning while it is not set — and the letters and notices served online (电子邮件, 网上获取) naming it
 * with the 复议 sentence, read back from their DOCX and PDF; paper ones (邮寄, 自行领取) unchanged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { docxText, pdfText, registerCase, stepOk } from '../support/cases.ts';
import { startTestApp } from '../support/http.ts';
import type { Client, TestApp } from '../support/http.ts';

interface View {
  id: string;
  version: number;
  receiptCode: string;
}
interface Settings {
  version: number;
  reviewOnlineChannel: string | null;
  missing: string[];
  warnings: string[];
}
interface Problem {
  code: string;
  errors: { path: string; rule: string }[];
}

const CHANNEL = '国家信访局行政复议网上申请平台（https://fuyi.gjxfj.example.cn）';
const SENTENCE = `行政复议申请也可以通过${CHANNEL}在线提出。`;
const WARNING = '以电子方式送达的告知书应载明行政复议网上申请渠道（《行政复议法》第二十二条第二款）';
const SETTINGS = '/api/v1/agencies/gjxfj/settings';

describe('the online channel for filing a 复议 application (《行政复议法》第二十二条第二款)', () => {
  let t: TestApp;
  let admin: Client;
  let clerk: Client;

  before(async () => {
    t = await startTestApp();
    t.today.value = '2020-12-31';
    admin = await t.as('admin');
    clerk = await t.as('clerk');
  });
  after(async () => t.close());

  const settings = async () => (await admin.get(SETTINGS)).json<Settings>();
  const setChannel = async (channel: string | null) => {
    const res = await admin.put(SETTINGS, { version: (await settings()).version, reviewOnlineChannel: channel });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.json<Settings>();
  };
  /** The letter (or notice) at `base` read back from its PDF and its DOCX, whitespace removed. */
  const readBack = async (base: string) => ({ pdf: await pdfText(clerk, `${base}.pdf`), docx: await docxText(clerk, `${base}.docx`) });

  describe('the setting', () => {
    it('not set: letters are not blocked, a warning names what they should state', async () => {
      const s = await settings();
      assert.equal(s.reviewOnlineChannel, null);
      assert.deepEqual(s.missing, []);
      assert.deepEqual(s.warnings, [WARNING]);
    });

    const BAD: { name: string; value: unknown; rule: string }[] = [
      { name: 'a control character', value: '国家信访局行政复议\u0007网上申请平台', rule: 'control_character' },
      { name: 'too long (301 characters)', value: `平台${'a'.repeat(299)}`, rule: 'maxLength' },
      { name: 'too short', value: '平台', rule: 'minLength' },
      { name: 'more than one line', value: '国家信访局行政复议网上申请平台\nhttps://fuyi.gjxfj.example.cn', rule: 'single_line' },
      { name: 'not text', value: 42, rule: 'type' },
    ];
    for (const b of BAD) {
      it(`${b.name}: refused as problem+json naming the field, nothing written`, async () => {
        const before = await settings();
        const res = await admin.put(SETTINGS, { version: before.version, reviewOnlineChannel: b.value });
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.match(String(res.headers['content-type']), /application\/problem\+json/);
        const p = res.json<Problem>();
        assert.ok(p.errors.some((e) => e.path === 'reviewOnlineChannel' && e.rule === b.rule), JSON.stringify(p.errors));
        assert.deepEqual(p.errors.filter((e) => e.path !== 'reviewOnlineChannel'), [], 'only that field');
        assert.equal((await settings()).version, before.version);
      });
    }

    it('saved and read back, trimmed; the warning is gone; null clears it', async () => {
      const saved = await setChannel(`  ${CHANNEL} `);
      assert.equal(saved.reviewOnlineChannel, CHANNEL);
      assert.deepEqual(saved.warnings, []);
      assert.equal((await settings()).reviewOnlineChannel, CHANNEL);
      assert.deepEqual((await setChannel(null)).warnings, [WARNING]);
      await setChannel(CHANNEL);
    });
  });

  describe('letters and notices', () => {
    const answer = async (delivery: string, outcome: string, facts: Record<string, string>) => {
      const c = await registerCase<View>(clerk, '2020-09-01', { delivery: delivery as 'email' });
      await stepOk(clerk, c, 'answer', '2020-09-10', { outcome, facts });
      const letter = (await clerk.get(`/api/v1/applications/${c.id}/letter`)).json<{ status: string; body: string }>();
      assert.equal(letter.status, 'sent');
      return { c, letter, texts: await readBack(`/api/v1/applications/${c.id}/letter`) };
    };
    const GRANTED = { outcome: 'granted', facts: { grantBasis: 'disclosed', provision: '电子文件于2020年9月10日发送至申请人电子邮箱' } };
    const SECRET = { outcome: 'withheld.state_secret', facts: { reason: '该文件于2019年5月依法定为秘密级国家秘密' } };

    /** delivery × remedies kind → whether the letter names the channel, and what the 复议 sentence before it ends with. */
    const LETTERS: { delivery: string; kind: 'general' | 'prereview'; online: boolean }[] = [
      { delivery: 'email', kind: 'general', online: true },
      { delivery: 'online', kind: 'general', online: true },
      { delivery: 'post', kind: 'general', online: false },
      { delivery: 'pickup', kind: 'general', online: false },
      { delivery: 'email', kind: 'prereview', online: true },
      { delivery: 'post', kind: 'prereview', online: false },
    ];
    for (const l of LETTERS) {
      it(`${l.delivery}, ${l.kind === 'prereview' ? '复议前置 (Art. 14)' : 'general remedies'}: ${l.online ? 'the channel with the 复议 sentence' : 'no channel'}, in the DOCX and the PDF`, async () => {
        const { outcome, facts } = l.kind === 'prereview' ? SECRET : GRANTED;
        const { letter, texts } = await answer(l.delivery, outcome, facts);
        const review = l.kind === 'prereview' ? '应当先自收到本告知书之日起60日内向国家信访局申请行政复议；' : '60日内向国家信访局申请行政复议，或者';
        for (const [format, text] of Object.entries({ body: letter.body.replace(/\s+/g, ''), ...texts })) {
          assert.ok(text.includes(review), `${format}: the remedies`);
          if (l.online) assert.ok(text.includes(`提起行政诉讼。${SENTENCE}`), `${format}: the channel right after the 复议 sentence`);
          else assert.ok(!text.includes('在线提出'), `${format}: served on paper, no channel`);
        }
      });
    }

    it('notices served online name it too; the third party’s notice does not (not served by the applicant’s method)', async () => {
      const kinds: Record<string, boolean> = {};
      for (const delivery of ['email', 'post']) {
        const c = await registerCase<View>(clerk, '2020-09-01', { delivery: delivery as 'email' });
        await stepOk(clerk, c, 'request-supplement', '2020-09-02', { items: '请写明所需文件的名称' });
        const p = await registerCase<View>(clerk, '2020-09-01', { delivery: delivery as 'email' });
        await stepOk(clerk, p, 'consult-third-party', '2020-09-03', { party: '某某科技有限公司', information: '某项目合同的金额' });
        await stepOk(clerk, p, 'receive-third-party-reply', '2020-09-15', { opinion: 'objects' });
        await stepOk(clerk, p, 'notify-third-party-disclosure', '2020-09-16', { what: '合同金额', why: '该项目使用财政资金，公开涉及重大公共利益' });
        for (const x of [c, p]) {
          for (const n of (await clerk.get(`/api/v1/applications/${x.id}/notices`)).json<{ items: { id: string; kind: string }[] }>().items) {
            const texts = await readBack(`/api/v1/applications/${x.id}/notices/${n.id}`);
            const named = Object.values(texts).map((text) => text.includes(SENTENCE));
            assert.equal(new Set(named).size, 1, `${n.kind}: the DOCX and the PDF agree`);
            kinds[`${delivery} ${n.kind}`] = named[0]!;
          }
        }
      }
      assert.deepEqual(kinds, {
        'email supplement': true,
        'email third-party-consultation': false,
        'email third-party-disclosure': false,
        'post supplement': false,
        'post third-party-consultation': false,
        'post third-party-disclosure': false,
      });
    });

    it('a letter saved before the channel was set is not sent online without it; the message gives the text', async () => {
      await setChannel(null);
      const c = await registerCase<View>(clerk, '2020-09-01', { delivery: 'email' });
      const draft = (await clerk.get(`/api/v1/applications/${c.id}/letter?outcome=${GRANTED.outcome}`)).json<{ title: string; body: string }>();
      t.today.value = '2020-09-09';
      const put = await clerk.put(`/api/v1/applications/${c.id}/letter`, { version: c.version, outcome: GRANTED.outcome, title: draft.title, body: draft.body });
      t.today.value = '2020-12-31';
      assert.equal(put.status, 200, JSON.stringify(put.body));
      c.version = put.json<{ application: { version: number } }>().application.version;
      await setChannel(CHANNEL);
      const refused = await clerk.post(`/api/v1/applications/${c.id}/answer`, { version: c.version, date: '2020-09-10', ...GRANTED });
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      const p = refused.json<{ code: string; detail: string }>();
      assert.equal(p.code, 'letter.remedies');
      assert.ok(p.detail.includes(SENTENCE), p.detail);
    });

    it('served online with the channel not set: the letter still goes out, without it', async () => {
      await setChannel(null);
      const { texts } = await answer('email', GRANTED.outcome, GRANTED.facts);
      for (const text of Object.values(texts)) assert.ok(!text.includes('在线提出') && text.includes('申请行政复议'));
      await setChannel(CHANNEL);
    });
  });
});
