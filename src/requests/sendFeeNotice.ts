/**
 * A fee notice (Art. 42, 国办函〔2020〕109号; decisions.md #16): the amount comes from the fee function —
 * 按件 from the applicant's applications to this agency in the natural month (applicant key, #17), or 按量
 * from the pages — and the clerk may reduce or waive it with a reason, never charge more. The 收费通知书
 * states the basis, the standard, the count, the amount with its breakdown, how to pay and the
 * 20-working-day period. The clock stands still until payment (decisions.md #4).
 */
import { and, eq, like, ne, or, lt, sql } from 'drizzle-orm';
import { applications } from '../db/schema.ts';
import { FEE_METHOD_LABELS, informationProcessingFee } from '../law/fees.ts';
import type { FeeMethod, FeeResult } from '../law/fees.ts';
import { ValidationError } from '../shared/domainError.ts';
import type { Issue } from '../shared/domainError.ts';
import type { CaseContext } from './context.ts';
import { TransitionNotAllowedError } from './errors.ts';
import { feeNotice } from './noticeDraft.ts';
import { withNotice } from './notices.ts';
import type { LoadedCase } from './queries.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface SendFeeNoticeProps extends StepProps {
  method: FeeMethod;
  /** 按量: the pages of this application. */
  pages?: number | undefined;
  /** The amount charged in fen when reduced (减免); default: the computed fee. */
  chargedFen?: number | undefined;
  reductionReason?: string | undefined;
  /** How to pay: account, channel (the agency's text). */
  payment: string;
}

/** Applications of the same applicant to this agency received earlier in the same natural month. */
export async function earlierApplicationsThisMonth(db: CaseContext['db'], c: LoadedCase): Promise<number> {
  const key = c.row.applicantKey;
  const received = c.row.receivedOn;
  if (key === null || received === null) return 0;
  const month = received.slice(0, 7);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(
      and(
        eq(applications.agencyId, c.row.agencyId),
        eq(applications.applicantKey, key),
        ne(applications.id, c.row.id),
        like(applications.receivedOn, `${month}-%`),
        or(lt(applications.receivedOn, received), and(eq(applications.receivedOn, received), lt(applications.id, c.row.id))),
      ),
    );
  return row?.n ?? 0;
}

export function sendFeeNotice(ctx: CaseContext, props: SendFeeNoticeProps): Promise<StepResult> {
  const issues: Issue[] = [];
  if (props.method !== 'per-item' && props.method !== 'per-volume') issues.push({ path: 'method', rule: 'enum', message: `应为 per-item（${FEE_METHOD_LABELS['per-item']}）或 per-volume（${FEE_METHOD_LABELS['per-volume']}），不能同时适用` });
  if (props.method === 'per-volume' && (!Number.isSafeInteger(props.pages) || (props.pages ?? 0) < 1)) issues.push({ path: 'pages', rule: 'positive_integer', message: '按量计收须填写页数（正整数）' });
  if (props.method === 'per-item' && props.pages !== undefined) issues.push({ path: 'pages', rule: 'not_both', message: '按件计收不填页数（109号：按件、按量只能选一种）' });
  if (props.chargedFen !== undefined && (!Number.isSafeInteger(props.chargedFen) || props.chargedFen < 1)) issues.push({ path: 'chargedFen', rule: 'positive_integer', message: '收费金额应为正整数（分）；全部免收的，不发收费通知' });
  if (typeof props.payment !== 'string' || [...props.payment.trim()].length < 4 || [...props.payment].length > 500) issues.push({ path: 'payment', rule: 'length', message: '请写明缴费方式（4–500个字符）' });
  if (issues.length > 0) throw new ValidationError('收费通知', issues);
  let fee: FeeResult | undefined;
  let count = 0;
  let charged = 0;
  return runStep(
    ctx,
    props,
    withNotice(
      ctx,
      {
        transition: 'sendFeeNotice',
        eventKind: 'fee-notice-sent',
        prepare: async (c) => {
          if (props.method === 'per-item') {
            const earlier = await earlierApplicationsThisMonth(ctx.db, c);
            count = earlier + 1;
            fee = informationProcessingFee({ method: 'per-item', earlierItemsThisMonth: earlier, items: 1 });
          } else {
            count = props.pages ?? 0;
            fee = informationProcessingFee({ method: 'per-volume', pages: count });
          }
          if (fee.amountFen === 0) {
            const why = props.method === 'per-item' ? `该申请人本月第${count}件申请，在10件以内` : `共${count}页，在30页以内`;
            throw new TransitionNotAllowedError(`按109号标准本申请不收费（${why}），不能发出收费通知（《条例》第四十二条）`, 'fee.not_chargeable', 'method');
          }
          charged = props.chargedFen ?? fee.amountFen;
          if (charged > fee.amountFen) {
            throw new TransitionNotAllowedError(`收费金额不能高于按109号标准计算的${fee.amountFen}分`, 'fee.above_standard', 'chargedFen');
          }
          if (charged < fee.amountFen && (props.reductionReason === undefined || [...props.reductionReason.trim()].length < 2)) {
            throw new ValidationError('收费通知', [{ path: 'reductionReason', rule: 'required', message: '减收信息处理费须写明理由' }]);
          }
        },
        payload: () => ({
          method: props.method,
          count,
          computedFen: fee?.amountFen ?? 0,
          amountFen: charged,
          ...(charged < (fee?.amountFen ?? 0) ? { reductionReason: props.reductionReason } : {}),
        }),
      },
      (n) => {
        if (fee === undefined) throw new Error('fee not computed');
        return feeNotice(n.notice, { fee, chargedFen: charged, reductionReason: props.reductionReason ?? null, payment: props.payment, count });
      },
    ),
  );
}
