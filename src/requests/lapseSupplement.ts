/**
 * The correction period ran out (Art. 30): the application is deemed abandoned → outcome
 * other.no_supplement. Not before the period stated in the 补正告知书 ends (decisions.md #12). Issues the
 * 不再处理告知书 with the remedies.
 */
import type { CaseContext } from './context.ts';
import { lapseNotice } from './noticeDraft.ts';
import { withNotice } from './notices.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export type LapseSupplementProps = StepProps;

export function lapseSupplement(ctx: CaseContext, props: LapseSupplementProps): Promise<StepResult> {
  return runStep(
    ctx,
    props,
    withNotice(ctx, { transition: 'lapseSupplement', eventKind: 'supplement-lapsed' }, (n) => {
      const req = [...n.events].reverse().find((e) => e.kind === 'supplement-requested');
      const end = req?.payload['periodEnd'];
      return lapseNotice(n.notice, 'supplement-lapsed', typeof end === 'string' ? end : null);
    }),
  );
}
