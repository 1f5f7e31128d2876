/**
 * A clerk registers an application that came in person, by post, fax or e-mail (or online, confirmed at
 * once). The receipt date (Art. 31) starts the answer period.
 */
import { inScope, requireRole } from '../accounts/actor.ts';
import { ForbiddenError } from '../accounts/errors.ts';
import { getAgencyByCode } from '../agencies/agencies.ts';
import { TRANSITIONS } from '../law/transitions.ts';
import { ValidationError } from '../shared/domainError.ts';
import { CHANNELS, checkStepDate } from './applicationInput.ts';
import type { ApplicationInput, Channel } from './applicationInput.ts';
import type { CaseContext } from './context.ts';
import { createApplication } from './createApplication.ts';
import type { Created } from './createApplication.ts';
import { todayInChina } from './today.ts';

export interface RegisterApplicationProps {
  agencyCode: string;
  channel: Channel;
  /** The receipt date by the channel's rule (Art. 31); default today. */
  receivedOn?: string | undefined;
  input: ApplicationInput;
}

export async function registerApplication(ctx: CaseContext, props: RegisterApplicationProps): Promise<Created> {
  requireRole(ctx.actor, TRANSITIONS.register.roles, TRANSITIONS.register.label);
  if (!(CHANNELS as readonly string[]).includes(props.channel)) {
    throw new ValidationError('申请', [{ path: 'channel', rule: 'enum', message: `应为：${CHANNELS.join('、')}` }]);
  }
  const agency = await getAgencyByCode(ctx.db, props.agencyCode, 'agencyCode');
  if (!inScope(ctx.actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  const today = ctx.today ?? todayInChina();
  const receivedOn = checkStepDate(props.receivedOn ?? today, 'receivedOn', today);
  return createApplication(ctx, {
    agencyCode: props.agencyCode,
    channel: props.channel,
    input: props.input,
    state: 'processing',
    submittedOn: receivedOn,
    receivedOn,
    actor: ctx.actor,
  });
}
