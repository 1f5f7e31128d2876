import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onlineReviewSentence, withOnlineReviewChannel } from './onlineReviewChannel.ts';
import { DEFAULT_REMEDIES, fillRemedies } from './remedies.ts';

const CHANNEL = '司法部行政复议网上申请平台（https://fuyi.example.gov.cn）';
const SENTENCE = `行政复议申请也可以通过${CHANNEL}在线提出。`;

describe('the online 复议 channel sentence (《行政复议法》第二十二条第二款)', () => {
  it('names the channel; trailing punctuation of the setting is not doubled', () => {
    assert.equal(onlineReviewSentence(CHANNEL), SENTENCE);
    assert.equal(onlineReviewSentence(` ${CHANNEL}。 `), SENTENCE);
  });

  const general = fillRemedies(DEFAULT_REMEDIES.general, '某市人民政府', '某区人民法院');
  const prereview = fillRemedies(DEFAULT_REMEDIES.prereview, '某市人民政府', '某区人民法院');
  const cases: { name: string; remedies: string; expected: string }[] = [
    { name: 'the default general remedies: after its one sentence', remedies: general, expected: `${general}${SENTENCE}` },
    { name: 'the default 复议前置 remedies: after its one sentence', remedies: prereview, expected: `${prereview}${SENTENCE}` },
    {
      name: 'an agency text of several sentences: right after the 复议 sentence',
      remedies: '如不服本答复，可以在60日内向某市人民政府申请行政复议。也可以在6个月内向某区人民法院提起行政诉讼。',
      expected: `如不服本答复，可以在60日内向某市人民政府申请行政复议。${SENTENCE}也可以在6个月内向某区人民法院提起行政诉讼。`,
    },
    { name: 'a text without 复议: at the end', remedies: '如不服，可以依法提起诉讼。', expected: `如不服，可以依法提起诉讼。${SENTENCE}` },
    { name: 'a 复议 text without a full stop: closed, then the sentence', remedies: '可以向某市人民政府申请行政复议', expected: `可以向某市人民政府申请行政复议。${SENTENCE}` },
  ];
  for (const c of cases) it(c.name, () => assert.equal(withOnlineReviewChannel(c.remedies, CHANNEL), c.expected));
});
