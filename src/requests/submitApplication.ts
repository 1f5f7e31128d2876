/**
 * An applicant submits an application online. It waits in `submitted` until the office confirms
 * receipt (Art. 31(三): the receipt date is the day both sides confirm). No login: the applicant gets a
 * receipt code and a query password to follow the case.
 */
import { APPLICANT } from '../accounts/actor.ts';
import type { ApplicationInput } from './applicationInput.ts';
import { onlineApplicationIssues, validateApplicationInput } from './applicationInput.ts';
import { ValidationError } from '../shared/domainError.ts';
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
  // Online, the delivery method decides which contact is required; the shape rules are checked with it
  // so that the applicant sees every problem at once.
  const delivery = onlineApplicationIssues(props.input, today);
  if (delivery.length > 0) {
    let shape: readonly { path: string; rule: string; message: string }[] = [];
    try {
      validateApplicationInput(props.input);
    } catch (err) {
      if (err instanceof ValidationError) shape = err.issues;
      else throw err;
    }
    throw new ValidationError('申请', [...shape, ...delivery.filter((d) => !shape.some((s) => s.path === d.path))]);
  }
  return createApplication(
    { ...ctx, actor: APPLICANT },
    { agencyCode: props.agencyCode, channel: 'online', input: props.input, state: 'submitted', submittedOn: today, actor: APPLICANT },
  );
}
