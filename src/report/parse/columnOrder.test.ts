import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LabelStream } from './labelStream.ts';
import { columnOrder } from './readApplications.ts';
import { tokenize } from './tokens.ts';

/** The header as lines of cells (document order), read by columnOrder. */
const order = (...lines: string[][]) => {
  const stream = new LabelStream(tokenize(lines.map((cells) => ({ cells, atomic: true }))));
  return columnOrder({ stream }, 0, stream.text.length);
};

describe('table 3: the applicant columns in the order the header prints them', () => {
  it('the template’s two-level header in document order (总计 after the merged cell) is the template order', () => {
    assert.equal(order(['申请人情况'], ['自然人', '法人或其他组织', '总计'], ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']), null);
  });

  it('总计 first, in a flat header and in a two-level one', () => {
    const totalFirst = [6, 0, 1, 2, 3, 4, 5];
    assert.deepEqual(order(['总计', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']), totalFirst);
    assert.deepEqual(order(['总计', '自然人', '法人或其他组织'], ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']), totalFirst);
  });

  it('a header that does not show every column once leaves the template order', () => {
    assert.equal(order(['自然人', '法人或其他组织', '总计']), null);
    assert.equal(order(['总计', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']), null);
  });
});
