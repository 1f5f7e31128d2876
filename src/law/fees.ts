/**
 * 信息处理费 (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号; law.md §3). Two methods, one per
 * application and never both (Art. 3), each 超额累进: only the part above a threshold pays that tier's rate.
 *   按件计收: the applicant's applications counted cumulatively in one natural month: 1–10 free,
 *            11–30 100元/件, then bands of 10 件 each 100元/件 dearer (31–40 200元, 41–50 300元 …).
 *            The open-ended banding is law.md's reading of "超额累进" (marked ❓ there).
 *   按量计收: the pages of one application: 1–30 free, 31–100 10元/页, 101–200 20元/页, 201+ 40元/页.
 * Amounts are integer fen.
 */
import { ValidationError } from '../shared/domainError.ts';

export type FeeMethod = 'per-item' | 'per-volume';

export const FEE_METHOD_LABELS = {
  'per-item': '按件计收',
  'per-volume': '按量计收',
} as const satisfies Record<FeeMethod, string>;

export const FEE_BASIS = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

export type FeeInput =
  | {
      readonly method: 'per-item';
      /** Applications of this applicant already counted earlier in the same natural month. */
      readonly earlierItemsThisMonth?: number;
      /** Applications (件, after splitting by 一事一申请) now being charged. */
      readonly items: number;
    }
  | {
      readonly method: 'per-volume';
      /** Pages of this one application. */
      readonly pages: number;
    };

/** One tier of the breakdown: units `from`…`to` (1-based, inclusive) at `rateFen` each. */
export interface FeeTierLine {
  readonly from: number;
  readonly to: number;
  readonly units: number;
  readonly rateFen: number;
  readonly amountFen: number;
  /** `第11–30件：20件 × 100元 = 2000元` */
  readonly text: string;
}

export interface FeeResult {
  readonly method: FeeMethod;
  readonly amountFen: number;
  readonly breakdown: readonly FeeTierLine[];
}

interface Band {
  readonly from: number;
  /** Inclusive; Infinity for the open tier. */
  readonly to: number;
  readonly rateFen: number;
}

const PER_VOLUME_BANDS: readonly Band[] = [
  { from: 1, to: 30, rateFen: 0 },
  { from: 31, to: 100, rateFen: 1_000 },
  { from: 101, to: 200, rateFen: 2_000 },
  { from: 201, to: Infinity, rateFen: 4_000 },
];

/** The 按件 band holding the k-th application of the month (k ≥ 1). */
function perItemBand(k: number): Band {
  if (k <= 10) return { from: 1, to: 10, rateFen: 0 };
  if (k <= 30) return { from: 11, to: 30, rateFen: 10_000 };
  const n = Math.floor((k - 31) / 10);
  return { from: 31 + 10 * n, to: 40 + 10 * n, rateFen: 10_000 * (n + 2) };
}

function yuan(fen: number): string {
  return fen % 100 === 0 ? `${fen / 100}元` : `${(fen / 100).toFixed(2)}元`;
}

function line(from: number, to: number, rateFen: number, unit: '件' | '页'): FeeTierLine {
  const units = to - from + 1;
  const amountFen = units * rateFen;
  const span = from === to ? `第${from}${unit}` : `第${from}–${to}${unit}`;
  const text = rateFen === 0 ? `${span}：${units}${unit}，免费` : `${span}：${units}${unit} × ${yuan(rateFen)} = ${yuan(amountFen)}`;
  return { from, to, units, rateFen, amountFen, text };
}

function requireCount(value: number | undefined, path: string, min: number): number {
  const v = value ?? 0;
  if (!Number.isSafeInteger(v) || v < min) {
    throw new ValidationError('信息处理费计算参数', [{ path, rule: 'integer', message: `应为不小于${min}的整数，得到 ${String(value)}` }]);
  }
  return v;
}

/** The fee for the given applications or pages, with the tiers it crosses. */
export function informationProcessingFee(input: FeeInput): FeeResult {
  const breakdown: FeeTierLine[] = [];
  switch (input.method) {
    case 'per-item': {
      const earlier = requireCount(input.earlierItemsThisMonth, 'earlierItemsThisMonth', 0);
      const items = requireCount(input.items, 'items', 0);
      let k = earlier + 1;
      const last = earlier + items;
      while (k <= last) {
        const band = perItemBand(k);
        const to = Math.min(band.to, last);
        breakdown.push(line(k, to, band.rateFen, '件'));
        k = to + 1;
      }
      break;
    }
    case 'per-volume': {
      const pages = requireCount(input.pages, 'pages', 0);
      for (const band of PER_VOLUME_BANDS) {
        if (pages < band.from) break;
        breakdown.push(line(band.from, Math.min(band.to, pages), band.rateFen, '页'));
      }
      break;
    }
    default: {
      const never: never = input;
      throw new Error(`unknown fee method ${String((never as { method: unknown }).method)}`);
    }
  }
  return { method: input.method, amountFen: breakdown.reduce((sum, l) => sum + l.amountFen, 0), breakdown };
}
