import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emWidth, titleLines } from './reportDocument.ts';

describe('report title lines', () => {
  it('measures CJK as one em, ASCII as half, with a quarter em around an ASCII run', () => {
    assert.equal(emWidth('年度报告'), 4);
    assert.equal(emWidth('2020'), 2);
    assert.equal(emWidth('局2020年'), 4.5);
  });

  it('keeps a title that fits on one line', () => {
    assert.deepEqual(titleLines({ title: '某局2020年政府信息公开工作年度报告', agency: '某局' }, 20.1), ['某局2020年政府信息公开工作年度报告']);
  });

  it('breaks a longer title after the agency, never leaving a character alone', () => {
    assert.deepEqual(titleLines({ title: '国家信访局2020年政府信息公开工作年度报告', agency: '国家信访局' }, 20.1), [
      '国家信访局',
      '2020年政府信息公开工作年度报告',
    ]);
    const agency = '平潭综合实验区自然资源和规划局';
    assert.deepEqual(titleLines({ title: `${agency}2023年政府信息公开工作年度报告`, agency }, 20.1), [agency, '2023年政府信息公开工作年度报告']);
  });
});
