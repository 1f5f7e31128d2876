import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linesFromText } from './extract/text.ts';
import { findSections, orderedSections } from './findSections.ts';
import { LabelStream } from './labelStream.ts';
import { tokenize } from './tokens.ts';

const found = (text: string) => {
  const tokens = tokenize(linesFromText(text));
  return orderedSections(findSections(new LabelStream(tokens), tokens)).map((s) => s.id);
};
const PREAMBLE = '本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。';
const ALL = ['overview', 'proactive', 'applications', 'appeals', 'problems', 'other'];

describe('section headings', () => {
  it('numbered 一、 … 六、, as parts (第一部分), or in Arabic figures at the start of a line (## 1. …)', () => {
    const titles = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
    const han = '一二三四五六';
    assert.deepEqual(found([PREAMBLE, ...titles.map((t, i) => `${han[i]}、${t}\n正文。`)].join('\n')), ALL);
    assert.deepEqual(found([PREAMBLE, ...titles.map((t, i) => `第${han[i]}部分 ${t}\n正文。`)].join('\n')), ALL);
    assert.deepEqual(found([PREAMBLE, ...titles.map((t, i) => `## ${i + 1}. ${t}\n正文。`)].join('\n')), ALL);
  });

  it('the preamble’s list of the six parts is no heading', () => {
    assert.deepEqual(found(PREAMBLE), []);
  });
});
