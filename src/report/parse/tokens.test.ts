import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linesFromText } from './extract/text.ts';
import { tokenize, type Token } from './tokens.ts';

// punctuation-only text (key '') is kept for the narrative but carries no label
const kinds = (text: string) => tokenize([{ cells: [text], atomic: false }]).filter((t) => t.kind !== 'text' || t.key !== '').map(describeToken);
function describeToken(t: Token): string {
  switch (t.kind) {
    case 'text':
      return `T:${t.key}`;
    case 'num':
      return `${t.prose ? 'P' : 'N'}:${t.negative ? '-' : ''}${t.digits}${t.unit ? `/${t.unit}` : ''}`;
    case 'blank':
      return 'B';
    case 'list':
      return `L:${t.raw}`;
  }
}

describe('tokenize', () => {
  it('detaches a row number glued to the previous row’s figures', () => {
    assert.deepEqual(kinds('1.属于国家秘密00000002.其他法律'), ['L:1.', 'T:属于国家秘密', 'N:0000000', 'L:2.', 'T:其他法律']);
    assert.deepEqual(kinds('4. 无正当理由大'), ['L:4.', 'T:无正当理由大']);
  });

  it('marks figures in sentences as prose', () => {
    assert.deepEqual(kinds('全年共收到申请136件，第3季度'), ['T:全年共收到申请', 'P:136', 'T:件第', 'P:3', 'T:季度']);
  });

  it('reads full-width digits, units and signs', () => {
    assert.deepEqual(kinds('１２５９.８０ 万元'), ['N:1259.80/wan']);
    assert.deepEqual(kinds('251000元'), ['N:251000/yuan']);
    assert.deepEqual(kinds('增减 -3'), ['T:增减', 'N:-3']);
  });

  it('reads thousands separators, but not a full-width comma between figures', () => {
    assert.deepEqual(kinds('12,345 1,259.80万元'), ['N:12345', 'N:1259.80/wan']);
    assert.deepEqual(kinds('12，345'), ['N:12', 'N:345']);
  });

  it('keeps H5 and 8.5 as they are', () => {
    assert.deepEqual(kinds('多用H5、图片'), ['T:多用H', 'P:5', 'T:图片']);
    assert.deepEqual(kinds('8.5'), ['N:8.5']);
  });

  it('keeps the printed text for the narrative', () => {
    const [t] = tokenize([{ cells: ['（一）予以公开'], atomic: false }]);
    assert.equal(t?.raw, '（一）予以公开');
  });

  it('an empty table cell is a blank; in text only an empty cell between figures is one', () => {
    assert.deepEqual(tokenize([{ cells: ['', '3'], atomic: true }]).map(describeToken), ['B', 'N:3']);
    assert.deepEqual(tokenize(linesFromText('\t3')).map(describeToken), ['N:3']);
    assert.deepEqual(tokenize(linesFromText('7、属于行政执法案卷\t8\t0\t\t0\t\t')).map(describeToken).slice(-4), ['N:8', 'N:0', 'B', 'N:0']);
    // a Markdown row delimits every cell: after the labels an empty cell is a blank, before them a merged label
    assert.deepEqual(tokenize(linesFromText('| 第二十条第（一）项 | | | |')).map(describeToken).filter((t) => t === 'B'), []);
    assert.deepEqual(tokenize(linesFromText('|  |  | 3.补正后申请内容仍不明确 |  | 0 | 2 |  |')).map(describeToken).slice(-4), ['B', 'N:0', 'N:2', 'B']);
  });

  it('a figure alone in its cell with its unit is a figure; in a sentence it is prose', () => {
    assert.deepEqual(tokenize([{ cells: ['24件'], atomic: true }]).map(describeToken), ['N:24']);
    assert.deepEqual(tokenize(linesFromText('予以公开\t24 件\t3')).map(describeToken).slice(-2), ['N:24', 'N:3']);
    assert.equal(tokenize(linesFromText('全年共收到申请136件')).filter((t) => t.kind === 'num' && !t.prose).length, 0);
  });

  it('page numbers in extracted text are not figures', () => {
    const text = '行政事业性收费    0\n\n        — 3 —\n\f三、收到和处理政府信息公开申请情况\n12\n\f第 4 页 共 9 页\n';
    assert.deepEqual(tokenize(linesFromText(text)).filter((t) => t.kind !== 'text').map(describeToken), ['N:0']);
  });

  it('a table cell with thousands separators is one figure, whatever the separator', () => {
    for (const cell of ['1,205', '1，205', '1 205', '１，２０５']) assert.deepEqual(tokenize([{ cells: [cell], atomic: true }]).map(describeToken), ['N:1205'], cell);
  });

  it('a mark between two parts of a label is punctuation; after a label and before figures it is a blank', () => {
    const marks = (text: string) => tokenize([{ cells: [text], atomic: false }]).filter((t) => t.kind === 'blank').length;
    assert.equal(marks('三、本年度办理结果 / （三）不予公开 / 2.其他法律行政法规禁止公开'), 0);
    assert.equal(marks('（二）部分公开 — 0 0 0 0 0 0（三）不予公开'), 1);
  });
});
