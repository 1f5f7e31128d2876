/**
 * An applicant submits an application online. It waits in `submitted` until the office confirms
 * receipt (Art. 31(三): the receipt date is the day both sides confirm). No login: the applicant gets a
 * receipt code and a query password to follow the case.
 */
import { APPLICANT } from '../accounts/actor.ts';
import type { ApplicationInput } from './applicationInput.ts';
import type { CaseContext } from './context.ts';
import { createApplication } from './createApplication.ts';
import type { Created } from './createApplication.ts';
import { todayInChina } from './today.ts';

export interface SubmitApplicationProps {
  agencyCode: string;
  input: ApplicationInput;
}

export async function submitApplication(ctx: Omit<CaseContext, 'actor'>, props: SubmitApplicationProps): Promise<Created> {
  const today = ctx.today ?? todayInChina();
  return createApplication(
    { ...ctx, actor: APPLICANT },
    { agencyCode: props.agencyCode, channel: 'online', input: props.input, state: 'submitted', submittedOn: today, actor: APPLICANT },
  );
}
