/**
 * Art. 32: the third party objected, but the agency considers that not disclosing may seriously affect
 * the public interest and decides to disclose: it must tell the third party in writing what is disclosed
 * and why. Issues the 决定公开告知书（给第三方）; only after an objecting reply is on record.
 */
import type { CaseContext } from './context.ts';
import { TransitionNotAllowedError } from './errors.ts';
import { thirdPartyRecord } from './letters.ts';
import { thirdPartyDisclosureNotice } from './noticeDraft.ts';
import { withNotice } from './notices.ts';
import { requireText } from './stepChecks.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface NotifyThirdPartyDisclosureProps extends StepProps {
  /** What will be disclosed. */
  what: string;
  /** Why: the public interest that outweighs the objection. */
  why: string;
}

export function notifyThirdPartyDisclosure(ctx: CaseContext, props: NotifyThirdPartyDisclosureProps): Promise<StepResult> {
  let party = '';
  return runStep(
    ctx,
    props,
    withNotice(
      ctx,
      {
        transition: 'notifyThirdPartyDisclosure',
        eventKind: 'third-party-disclosure-notified',
        payload: () => ({ party, what: props.what, why: props.why }),
        check: (_c, events) => {
          requireText('决定公开告知', 'what', props.what, 2, 2000);
          requireText('决定公开告知', 'why', props.why, 2, 2000);
          if (thirdPartyRecord(events).record !== 'objects') {
            throw new TransitionNotAllowedError('只有第三方书面表示不同意公开后，才需就决定公开书面告知第三方（《条例》第三十二条）', 'third_party.no_objection', 'state');
          }
          const sent = [...events].reverse().find((e) => e.kind === 'third-party-sent');
          party = typeof sent?.payload['party'] === 'string' ? sent.payload['party'] : '第三方';
        },
      },
      (n) => thirdPartyDisclosureNotice(n.notice, party, props.what, props.why),
    ),
  );
}
