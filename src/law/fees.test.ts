import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../shared/domainError.ts';
import { informationProcessingFee } from './fees.ts';

describe('按件计收 (per applicant, natural month, cumulative)', () => {
  const cases: [number, number, number][] = [
    // [earlier this month, items now, fen] worked by hand
    [0, 0, 0],
    [0, 10, 0],
    [0, 11, 10_000],
    [0, 30, 200_000],
    [0, 31, 220_000], // 20×100 + 1×200
    [0, 35, 300_000], // 20×100 + 5×200 = 3000元 (law.md §3 example)
    [0, 40, 400_000], // 2000 + 10×200
    [0, 41, 430_000], // + 1×300
    [0, 55, 900_000], // 2000 + 2000 + 3000 + 5×400 = 9000元
    [10, 1, 10_000], // the 11th of the month
    [9, 2, 10_000], // 10th free, 11th 100元
    [30, 1, 20_000], // the 31st
    [34, 1, 20_000],
    [29, 3, 50_000], // 30th 100, 31st 200, 32nd 200
  ];
  for (const [earlier, items, fen] of cases) {
    it(`${earlier} earlier + ${items} → ${fen} fen`, () => {
      assert.equal(informationProcessingFee({ method: 'per-item', earlierItemsThisMonth: earlier, items }).amountFen, fen);
    });
  }
  it('breaks 35 件 down by tier', () => {
    const r = informationProcessingFee({ method: 'per-item', items: 35 });
    assert.deepEqual(
      r.breakdown.map((l) => [l.from, l.to, l.units, l.rateFen, l.amountFen]),
      [[1, 10, 10, 0, 0], [11, 30, 20, 10_000, 200_000], [31, 35, 5, 20_000, 100_000]],
    );
    assert.equal(r.breakdown[1]?.text, '第11–30件：20件 × 100元 = 2000元');
    assert.equal(r.breakdown[0]?.text, '第1–10件：10件，免费');
  });
});

describe('按量计收 (pages of one application)', () => {
  const cases: [number, number][] = [
    [0, 0],
    [30, 0],
    [31, 1_000],
    [100, 70_000],
    [101, 72_000],
    [150, 170_000], // 70×10 + 50×20 = 1700元 (law.md §3 example)
    [200, 270_000],
    [201, 274_000],
    [250, 470_000], // 700 + 2000 + 50×40
  ];
  for (const [pages, fen] of cases) {
    it(`${pages} pages → ${fen} fen`, () => assert.equal(informationProcessingFee({ method: 'per-volume', pages }).amountFen, fen));
  }
  it('breaks 150 pages down by tier', () => {
    const r = informationProcessingFee({ method: 'per-volume', pages: 150 });
    assert.deepEqual(r.breakdown.map((l) => l.text), ['第1–30页：30页，免费', '第31–100页：70页 × 10元 = 700元', '第101–150页：50页 × 20元 = 1000元']);
  });
});

it('rejects negative or fractional counts', () => {
  assert.throws(() => informationProcessingFee({ method: 'per-volume', pages: -1 }), ValidationError);
  assert.throws(() => informationProcessingFee({ method: 'per-item', items: 2.5 }), ValidationError);
  assert.throws(() => informationProcessingFee({ method: 'per-item', earlierItemsThisMonth: -3, items: 1 }), ValidationError);
});
