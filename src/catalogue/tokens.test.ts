import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { indexTokens, queryTerms, toTsquery } from './tokens.ts';

describe('search tokens', () => {
  it('indexes jieba words and every Han bigram, lower-cased, without punctuation', () => {
    const tokens = indexTokens('国家信访局关于加强信访工作的通知 国信发〔2021〕3号 GJXFJ').split(' ');
    for (const t of ['国家', '信访局', '信访', '工作', '访局', '通知', '2021', 'gjxfj']) assert.ok(tokens.includes(t), t);
    for (const t of tokens) assert.match(t, /^[\p{L}\p{N}]+$/u, t);
  });

  const cases: [string, string | null][] = [
    ['信访', '信访'],
    ['信访工作', '(信访工作 | (信访 & 访工 & 工作))'],
    ['办', '办:*'],
    ['ＡＢＣ 投诉', 'abc:* & 投诉'],
    ['！！！', null],
    ['', null],
    ["<script>'&|!:*()", 'script:*'],
  ];
  for (const [query, expected] of cases) {
    it(`turns “${query}” into ${expected ?? 'no query'}`, () => assert.equal(toTsquery(queryTerms(query)), expected));
  }

  it('keeps at most 12 words of a very long query', () => {
    assert.ok(queryTerms('信访工作条例 '.repeat(1000) + Array.from({ length: 40 }, (_, i) => `词${i}`).join(' ')).length <= 12);
  });
});
