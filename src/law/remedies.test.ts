import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CASE_OUTCOMES } from './outcomes.ts';
import { DEFAULT_REMEDIES, fillRemedies, remedyKindFor } from './remedies.ts';

describe('remedies (decisions.md #11)', () => {
  const prereview = new Set(['withheld.state_secret', 'withheld.prohibited_by_law', 'withheld.security_stability', 'withheld.third_party_rights', 'withheld.internal_affairs', 'withheld.process_information', 'withheld.enforcement_file']);
  for (const outcome of CASE_OUTCOMES) {
    it(`${outcome} → ${prereview.has(outcome) ? '复议前置' : '复议或诉讼'}`, () => assert.equal(remedyKindFor(outcome), prereview.has(outcome) ? 'prereview' : 'general'));
  }
  it('a 部分公开 withholding under Arts. 14–16 is 复议前置; under Art. 38 it is not', () => {
    assert.equal(remedyKindFor('partially_granted', ['granted', 'withheld.third_party_rights']), 'prereview');
    assert.equal(remedyKindFor('partially_granted', ['granted', 'unavailable.needs_creation']), 'general');
  });
  it('fills the configured 复议机关 and court', () => {
    const t = fillRemedies(DEFAULT_REMEDIES.prereview, '某市人民政府', '某区人民法院');
    assert.match(t, /应当先自收到本告知书之日起60日内向某市人民政府申请行政复议；.*15日内向某区人民法院提起行政诉讼/);
    assert.match(fillRemedies(DEFAULT_REMEDIES.general, '某市人民政府', '某区人民法院'), /60日内向某市人民政府申请行政复议，或者.*6个月内向某区人民法院/);
  });
});
