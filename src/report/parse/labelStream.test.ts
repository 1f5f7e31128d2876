import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { table3Rows } from '../../law/index.ts';
import { alignLabels } from './alignLabels.ts';
import { LabelStream } from './labelStream.ts';
import { labelHead, labelStreamKey } from './normalize.ts';
import { tokenize } from './tokens.ts';

const stream = (...lines: string[][]) => new LabelStream(tokenize(lines.map((cells) => ({ cells, atomic: false }))));
const specs = table3Rows('2019').map((r) => ({ key: labelStreamKey(r.name), head: labelHead(r.name) }));

describe('label matching', () => {
  it('normalises full-width brackets, spaces and quotes on both sides', () => {
    assert.equal(labelStreamKey('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'), labelStreamKey('(二) 部分公开(区分处理的,只计这一情形,不计其他情形)'));
    assert.equal(labelStreamKey('3.危及“三安全一稳定”'), '危及三安全一稳定');
  });

  it('reads a label broken across lines with its figures in between', () => {
    const s = stream(['4. 无正当理由大', '0', '0'], ['量反复申请'], ['5. 要求行政机关 确认或重新出具 已获取信息', '0']);
    assert.ok(s.findExact(labelStreamKey('无正当理由大量反复申请'), 0, s.text.length));
  });

  it('tolerates the misspellings real reports carry', () => {
    const s = stream(['（二）部分公开（区分处理的，只计这一情况，不计其他情形）', '1'], ['5.属于三类内容事务信息', '0']);
    const partly = specs.find((x) => x.key.startsWith('部分公开'))!;
    const internal = specs.find((x) => x.key.includes('三类内部事务信息'))!;
    const hits = alignLabels(s, [partly, internal], 0, s.text.length);
    assert.ok(hits[0] && hits[0].distance > 0);
    assert.ok(hits[1] && hits[1].distance === 1);
  });

  it('finds a label by its head when the parenthetical note is left out', () => {
    const s = stream(['（一）予以公开', '1'], ['（二）部分公开', '2'], ['（三）不予公开']);
    const hits = alignLabels(s, specs.slice(2, 4), 0, s.text.length);
    assert.ok(hits[0] && hits[1]);
  });

  it('takes a short label from the row, not from a header before it', () => {
    const s = stream(['其他', '总计'], ['（六）其他处理', '3'], ['（七）总计', '124'], ['四、结转下年度继续办理', '12']);
    const tail = specs.slice(-3);
    const hits = alignLabels(s, tail, 0, s.text.length);
    assert.ok(hits.every((h) => h !== null));
    assert.ok(hits[1]!.start > hits[0]!.start && hits[1]!.start > s.text.indexOf('其他处理'));
  });
});
