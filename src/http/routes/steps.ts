/** The lifecycle steps as routes: POST /applications/:id/<step>. Each only parses, authorises and calls its command. */
import type { Static, TSchema } from 'typebox';
import type { StaffActor } from '../../accounts/actor.ts';
import { TRANSITIONS } from '../../law/transitions.ts';
import type { TransitionId } from '../../law/transitions.ts';
import { answerApplication } from '../../requests/answerApplication.ts';
import { approveExtension } from '../../requests/approveExtension.ts';
import { confirmReceipt } from '../../requests/confirmReceipt.ts';
import { consultAgency } from '../../requests/consultAgency.ts';
import { consultThirdParty } from '../../requests/consultThirdParty.ts';
import type { CaseContext } from '../../requests/context.ts';
import { deliverAnswer } from '../../requests/deliverAnswer.ts';
import { lapseFee } from '../../requests/lapseFee.ts';
import { lapseSupplement } from '../../requests/lapseSupplement.ts';
import { receiveAgencyReply } from '../../requests/receiveAgencyReply.ts';
import { receiveFee } from '../../requests/receiveFee.ts';
import { receiveSupplement } from '../../requests/receiveSupplement.ts';
import { receiveThirdPartyReply } from '../../requests/receiveThirdPartyReply.ts';
import { requestExtension } from '../../requests/requestExtension.ts';
import { notifyThirdPartyDisclosure } from '../../requests/notifyThirdPartyDisclosure.ts';
import { receiveReasons } from '../../requests/receiveReasons.ts';
import { rejectSubmission } from '../../requests/rejectSubmission.ts';
import { requestReasons } from '../../requests/requestReasons.ts';
import { requestSupplement } from '../../requests/requestSupplement.ts';
import { splitApplication } from '../../requests/splitApplication.ts';
import { sendFeeNotice } from '../../requests/sendFeeNotice.ts';
import type { StepResult } from '../../requests/transition.ts';
import { withdrawApplication } from '../../requests/withdrawApplication.ts';
import { STEP_BODIES } from '../schemas.ts';

type StepId = keyof typeof STEP_BODIES;

interface StepRoute<S extends TSchema> {
  path: string;
  body: S;
  run: (ctx: CaseContext, id: string, body: Static<S>) => Promise<StepResult>;
}

function route<S extends TSchema>(path: string, body: S, run: StepRoute<S>['run']): StepRoute<S> {
  return { path, body, run };
}

const B = STEP_BODIES;

/** Path segment, body schema and command of each step. */
export const STEP_ROUTES = {
  confirmReceipt: route('confirm-receipt', B.confirmReceipt, (ctx, id, b) => confirmReceipt(ctx, { applicationId: id, ...b })),
  rejectSubmission: route('reject-submission', B.rejectSubmission, (ctx, id, b) => rejectSubmission(ctx, { applicationId: id, ...b })),
  notifyThirdPartyDisclosure: route('notify-third-party-disclosure', B.notifyThirdPartyDisclosure, (ctx, id, b) => notifyThirdPartyDisclosure(ctx, { applicationId: id, ...b })),
  split: route('split', B.split, (ctx, id, b) => splitApplication(ctx, { applicationId: id, ...b })),
  requestReasons: route('request-reasons', B.requestReasons, (ctx, id, b) => requestReasons(ctx, { applicationId: id, ...b })),
  receiveReasons: route('receive-reasons', B.receiveReasons, (ctx, id, b) => receiveReasons(ctx, { applicationId: id, ...b })),
  requestSupplement: route('request-supplement', B.requestSupplement, (ctx, id, b) => requestSupplement(ctx, { applicationId: id, ...b })),
  receiveSupplement: route('receive-supplement', B.receiveSupplement, (ctx, id, b) => receiveSupplement(ctx, { applicationId: id, ...b })),
  lapseSupplement: route('lapse-supplement', B.lapseSupplement, (ctx, id, b) => lapseSupplement(ctx, { applicationId: id, ...b })),
  consultThirdParty: route('consult-third-party', B.consultThirdParty, (ctx, id, b) => consultThirdParty(ctx, { applicationId: id, ...b })),
  receiveThirdPartyReply: route('receive-third-party-reply', B.receiveThirdPartyReply, (ctx, id, b) => receiveThirdPartyReply(ctx, { applicationId: id, ...b })),
  consultAgency: route('consult-agency', B.consultAgency, (ctx, id, b) => consultAgency(ctx, { applicationId: id, ...b })),
  receiveAgencyReply: route('receive-agency-reply', B.receiveAgencyReply, (ctx, id, b) => receiveAgencyReply(ctx, { applicationId: id, ...b })),
  requestExtension: route('request-extension', B.requestExtension, (ctx, id, b) => requestExtension(ctx, { applicationId: id, ...b })),
  approveExtension: route('approve-extension', B.approveExtension, (ctx, id, b) => approveExtension(ctx, { applicationId: id, ...b })),
  sendFeeNotice: route('send-fee-notice', B.sendFeeNotice, (ctx, id, b) => sendFeeNotice(ctx, { applicationId: id, ...b })),
  receiveFee: route('receive-fee', B.receiveFee, (ctx, id, b) => receiveFee(ctx, { applicationId: id, ...b })),
  lapseFee: route('lapse-fee', B.lapseFee, (ctx, id, b) => lapseFee(ctx, { applicationId: id, ...b })),
  answer: route('answer', B.answer, (ctx, id, b) => answerApplication(ctx, { applicationId: id, ...b })),
  deliver: route('deliver', B.deliver, (ctx, id, b) => deliverAnswer(ctx, { applicationId: id, ...b })),
  withdraw: route('withdraw', B.withdraw, (ctx, id, b) => withdrawApplication(ctx, { applicationId: id, ...b })),
} satisfies { [K in StepId]: StepRoute<(typeof STEP_BODIES)[K]> };

export const STEP_IDS = Object.keys(STEP_ROUTES) as (StepId & TransitionId)[];

export function stepRoles(id: StepId & TransitionId) {
  return TRANSITIONS[id].roles;
}

export type { StaffActor };
