import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DELIVERIES } from './applicationInput.ts';
import type { Delivery } from './applicationInput.ts';
import { isServedOnline, remediesAsServed } from './servedOnline.ts';

describe('served online (以电子方式送达) by the delivery method chosen', () => {
  // Every delivery method is decided here: a new one fails this test until it is classified.
  const ONLINE: Record<Delivery, boolean> = { email: true, online: true, post: false, pickup: false };
  for (const d of DELIVERIES) it(`${d} → ${ONLINE[d] ? 'online' : 'paper'}`, () => assert.equal(isServedOnline(d), ONLINE[d]));
  it('an unknown method is not online', () => assert.equal(isServedOnline('fax'), false));

  const remedies = '可以在60日内向某市人民政府申请行政复议。';
  const channel = '某省行政复议网上申请平台（https://fy.example.gov.cn）';
  const cases: [string, string | null, boolean][] = [
    ['email', channel, true],
    ['online', channel, true],
    ['post', channel, false],
    ['pickup', channel, false],
    ['email', null, false],
  ];
  for (const [delivery, set, added] of cases) {
    it(`${delivery}, channel ${set === null ? 'not set' : 'set'}: ${added ? 'the sentence is added' : 'unchanged'}`, () => {
      const out = remediesAsServed(remedies, set, delivery);
      if (added) assert.equal(out, `${remedies}行政复议申请也可以通过${channel}在线提出。`);
      else assert.equal(out, remedies);
    });
  }
});
