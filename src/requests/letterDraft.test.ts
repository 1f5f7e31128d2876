/** Every outcome's letter: with its facts it states them and leaves no placeholder; without them it shows one. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CASE_OUTCOMES } from '../law/outcomes.ts';
import type { CaseOutcome } from '../law/outcomes.ts';
import { checkAnswerFacts, requiredFacts } from './answerFacts.ts';
import type { AnswerFacts } from './answerFacts.ts';
import { draftLetter, findPlaceholders, quoteDescription } from './letterDraft.ts';
import type { LetterDraftInput } from './letterDraft.ts';

const FULL: Record<CaseOutcome, AnswerFacts> = {
  granted: { grantBasis: 'disclosed', provision: '电子文件发送至邮箱' },
  partially_granted: { provision: '电子文件发送至邮箱', reason: '其中个人信息部分' },
  'withheld.state_secret': { reason: '已定密' },
  'withheld.prohibited_by_law': { reason: '某法第十条禁止公开' },
  'withheld.security_stability': { reason: '可能危及公共安全' },
  'withheld.third_party_rights': { reason: '商业秘密', noConsultationReason: '无法联系' },
  'withheld.internal_affairs': { reason: '人事管理', discretion: '不对外产生影响' },
  'withheld.process_information': { reason: '讨论记录', discretion: '尚未决定' },
  'withheld.enforcement_file': { reason: '执法案卷', discretion: '涉及他人' },
  'withheld.administrative_query': { route: '不动产登记机构依《不动产登记暂行条例》查询' },
  'unavailable.not_held': { notHeldBasis: 'not_exist', search: '检索了公文系统' },
  'unavailable.needs_creation': { reason: '需要汇总统计' },
  'unavailable.still_unclear': { reason: '仍未写明名称' },
  'not_processed.petition_complaint': {},
  'not_processed.repeated': { earlierReceiptCode: '20200901-ABCDEF' },
  'not_processed.publication': { route: '新华书店购买' },
  'not_processed.mass_repetitive': { reason: '理由不合理' },
  'not_processed.confirm_or_reissue': {},
  'other.no_supplement': {},
  'other.unpaid_fee': {},
  'other.other': { reason: '申请人已于答复前死亡，无继承人继续申请' },
};

function input(outcome: CaseOutcome, facts: AnswerFacts): LetterDraftInput {
  return {
    outcome,
    facts,
    agencyName: '某市信访局',
    agencyAddress: null,
    agencyPhone: '010-1',
    applicantName: '张三',
    natural: true,
    receiptCode: '20200901-ABCDEF',
    description: '某文件。',
    receivedOn: '2020-09-01',
    channelText: '当面提交',
    supplementReceivedOn: null,
    extendedDays: null,
    thirdParty: 'none',
    thirdPartyRepliedOn: null,
    earlier: facts.earlierReceiptCode !== undefined ? { receiptCode: '20200901-ABCDEF', number: '某信公〔2020〕1号', answeredOn: '2020-09-10' } : null,
    remedies: '如对本答复不服，……',
    issuedOn: '2020-09-20',
  };
}

describe('answer letters by outcome', () => {
  for (const outcome of CASE_OUTCOMES) {
    it(`${outcome}: complete facts pass the check and leave no placeholder; the signature block has （印章）`, () => {
      checkAnswerFacts(outcome, FULL[outcome]);
      const l = draftLetter(input(outcome, FULL[outcome]));
      assert.deepEqual(findPlaceholders(l.body), []);
      assert.match(l.body, /\n某市信访局\n（印章）\n2020年9月20日$/);
      for (const { key } of requiredFacts(outcome, FULL[outcome])) {
        const v = FULL[outcome][key];
        if (typeof v === 'string' && key !== 'grantBasis' && key !== 'notHeldBasis' && key !== 'earlierReceiptCode') assert.ok(l.body.includes(v), `${key} stated`);
      }
    });
    if (requiredFacts(outcome, {}).length > 0) {
      it(`${outcome}: without facts the check refuses and the draft shows a placeholder`, () => {
        assert.throws(() => checkAnswerFacts(outcome, {}), /请填写/);
        assert.notDeepEqual(findPlaceholders(draftLetter(input(outcome, {})).body), []);
      });
    }
  }
  it('closes the quoted description cleanly', () => assert.equal(quoteDescription('某文件。 '), '“某文件”'));
});
