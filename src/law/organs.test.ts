import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annualReportDueOn, formatLetterNumber, isComplaintOffice, letterNumberPatternIssue, suggestReviewBody } from './organs.ts';

describe('organs: 复议机关 suggestion, report due date, 文号', () => {
  const cases = [
    ['department', '本级人民政府', '《行政复议法》第二十四条第一款第（一）项'],
    ['government', '上一级人民政府', '《行政复议法》第二十四条第一款第（二）项'],
    ['state-council-department', '本机关', '《行政复议法》第二十五条'],
    ['vertical', '上一级主管部门', '《行政复议法》第二十七条'],
  ] as const;
  for (const [kind, body, article] of cases) {
    it(`${kind} → ${body}`, () => assert.deepEqual([suggestReviewBody(kind).reviewBody, suggestReviewBody(kind).article], [body, article]));
  }
  it('Art. 49: departments by 31 January, governments by 31 March of the next year', () => {
    assert.equal(annualReportDueOn('department', 2024), '2025-01-31');
    assert.equal(annualReportDueOn('government', 2024), '2025-03-31');
  });
  it('a 政务公开办 is the complaint route, not a 复议机关', () => {
    assert.equal(isComplaintOffice('示范省人民政府办公厅（政务公开办）'), true);
    assert.equal(isComplaintOffice('某市人民政府'), false);
  });
  it('formats and checks the 文号 pattern', () => {
    assert.equal(formatLetterNumber('某信公〔{YYYY}〕{N}号', 2024, 7), '某信公〔2024〕7号');
    assert.equal(formatLetterNumber('某信公〔{YYYY}〕{NNN}号', 2024, 7), '某信公〔2024〕007号');
    assert.match(letterNumberPatternIssue('某信公{N}号') ?? '', /年份/);
    assert.match(letterNumberPatternIssue('某信公〔{YYYY}〕号') ?? '', /序号/);
    assert.equal(letterNumberPatternIssue('某信公〔{YYYY}〕{N}号'), null);
  });
});
