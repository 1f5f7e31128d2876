import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { breakLines, NO_LINE_END, NO_LINE_START, wordUnits } from './cjkLines.ts';

/** One em per Han character or full-width mark, half an em per ASCII character. */
const measure = (t: string) => [...t].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);

const PARAGRAPH = '2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》），坚持以公开为常态、不公开为例外。全年共收到政府信息公开申请1234567件，较上年增加12,630件；全年办结1234560件。';

describe('Chinese line breaking', () => {
  for (const width of [5, 6, 7, 8, 9, 10, 11, 12, 13, 17, 23]) {
    it(`at ${width} em: no line starts with closing or ends with opening punctuation, figures whole, nothing lost`, () => {
      const lines = breakLines(PARAGRAPH, width, measure, { firstIndent: 2 });
      assert.equal(lines.join(''), PARAGRAPH);
      lines.forEach((line, i) => {
        assert.ok(!NO_LINE_START.has([...line][0]!) || i === 0, `line ${i} starts with ${line[0]}: ${line}`);
        assert.ok(!NO_LINE_END.has([...line].at(-1)!) || i === lines.length - 1, `line ${i} ends with ${line.at(-1)}`);
        assert.ok(measure(line) <= width + 2, `line ${i} too wide: ${line}`);
      });
      for (const figure of ['1234567', '12,630', '1234560', '2023']) assert.ok(lines.some((l) => l.includes(figure)), `${figure} was cut`);
    });
  }

  const headers: [string, number, string[]][] = [
    ['社会公益组织', 4, ['社会公益', '组织']],
    ['社会公益组织', 2, ['社会', '公益', '组织']],
    ['法律服务机构', 2, ['法律', '服务', '机构']],
    ['未经复议直接起诉', 4, ['未经复议', '直接起诉']],
  ];
  for (const [text, width, expected] of headers) {
    it(`breaks the header ${text} between words at ${width} em`, () => {
      assert.deepEqual(breakLines(text, width, measure, { units: wordUnits }), expected);
    });
  }
});
