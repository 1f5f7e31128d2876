import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupApplicantKind, lookupChannel, lookupOutcome, splitOutcomes } from './values.ts';

test('applicant types by label or id', () => {
  const cases: [string, string | undefined][] = [
    ['自然人', 'natural_person'], ['商业企业', 'commercial_enterprise'], ['科研机构', 'research_institution'],
    ['社会公益组织', 'social_welfare_org'], ['法律服务机构', 'legal_service_org'], ['其他', 'other_org'],
    ['natural_person', 'natural_person'], ['Legal_Service_Org', 'legal_service_org'], [' 自 然 人 ', 'natural_person'],
    ['个人', undefined], ['企业', undefined], ['', undefined],
  ];
  for (const [value, expected] of cases) assert.equal(lookupApplicantKind(value), expected, value);
});

test('outcomes by id, label, label with numbering, and the 2019 其他处理', () => {
  const cases: [string, string | undefined][] = [
    ['予以公开', 'granted'],
    ['granted', 'granted'],
    ['部分公开', 'partially_granted'],
    ['部分公开（区分处理的，只计这一情形，不计其他情形）', 'partially_granted'],
    ['属于国家秘密', 'withheld.state_secret'],
    ['1.属于国家秘密', 'withheld.state_secret'],
    ['（三）1.属于国家秘密', 'withheld.state_secret'],
    ['危及“三安全一稳定”', 'withheld.security_stability'],
    ['属于行政查询事项', 'withheld.administrative_query'],
    ['本机关不掌握相关政府信息', 'unavailable.not_held'],
    ['unavailable.not_held', 'unavailable.not_held'],
    ['信访举报投诉类申请', 'not_processed.petition_complaint'],
    ['要求行政机关确认或重新出具已获取信息', 'not_processed.confirm_or_reissue'],
    ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other.no_supplement'],
    ['申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'other.unpaid_fee'],
    ['其他', 'other.other'],
    ['其他处理', 'other.other'],
    ['（六）其他处理', 'other.other'],
    ['other', 'other.other'],
    ['other.other', 'other.other'],
    ['不予公开', undefined],
    ['已答复', undefined],
    ['withheld', undefined],
  ];
  for (const [value, expected] of cases) assert.equal(lookupOutcome(value), expected, value);
});

test('channels by label or id', () => {
  const cases: [string, string | undefined][] = [
    ['当面', 'in-person'], ['邮寄', 'post'], ['平常信函', 'ordinary-letter'], ['网络', 'online'], ['传真', 'fax'],
    ['电子邮件', 'email'], ['其他', 'other'], ['email', 'email'], ['微信', undefined], ['电话', undefined],
  ];
  for (const [value, expected] of cases) assert.equal(lookupChannel(value), expected, value);
});

test('several outcomes in one cell split on ; ； | and line breaks, never on 、', () => {
  assert.deepEqual(splitOutcomes('予以公开；属于国家秘密'), ['予以公开', '属于国家秘密']);
  assert.deepEqual(splitOutcomes('granted; unavailable.not_held |'), ['granted', 'unavailable.not_held']);
  assert.deepEqual(splitOutcomes('申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'), ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请']);
});
