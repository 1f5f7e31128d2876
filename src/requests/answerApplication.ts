/**
 * The answer (Arts. 33, 36–40): the case's one legal outcome (a table-3 row), its facts and reasons
 * (answerFacts.ts), and the letter sent with it. Several items answered differently count once
 * (decisions.md): 区分处理 counts as partially_granted (law/severalAnswers.ts); otherwise the clerk marks
 * which of the items' outcomes the case counts under.
 *
 * Refused, with the rule and the article, and nothing written: a missing fact; an Art. 15 refusal without
 * an objecting (or unanswered) consultation or a recorded reason why none was possible, or after the third
 * party agreed; 补正后仍不明确 without a 补正 on record; 大量反复 without the Art. 35 说明理由 record;
 * 重复申请 without the earlier answered case of the same applicant; a letter with a placeholder left; an
 * agency whose 复议机关, court or 文号 pattern is not set. The 文号 is given in the same transaction.
 */
import { findAgencyById } from '../agencies/agencies.ts';
import { allocateLetterNumber, loadAgencySettings, requireLetterSettings } from '../agencies/settings.ts';
import { yearOf } from '../calendar/civilDate.ts';
import { resultOfSeveralAnswers } from '../law/severalAnswers.ts';
import type { CaseOutcome } from '../law/outcomes.ts';
import type { Issue } from '../shared/domainError.ts';
import { ValidationError } from '../shared/domainError.ts';
import { checkAnswerFacts, parseAnswerFacts } from './answerFacts.ts';
import type { AnswerFacts } from './answerFacts.ts';
import type { CaseContext } from './context.ts';
import { TransitionNotAllowedError } from './errors.ts';
import { findPlaceholders, placeholdersIn } from './letterDraft.ts';
import { draftFor, findEarlierAnswered, openLetterBody, parseOutcome, remediesFor, thirdPartyRecord, upsertLetter } from './letters.ts';
import { REMEDY_BASIS, remedyKindFor } from '../law/remedies.ts';
import { findLetter } from './queries.ts';
import type { EventRow, LoadedCase } from './queries.ts';
import { validateLetterText } from './saveLetter.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface AnswerItem {
  description: string;
  outcome: string;
}

export interface AnswerApplicationProps extends StepProps {
  /** The case's outcome; required unless `items` decide it. */
  outcome?: string | undefined;
  /** The requested items and how each was answered. */
  items?: readonly AnswerItem[] | undefined;
  /** The specific facts and reasons (required per outcome). */
  facts?: unknown;
  /** The final letter; default: the saved letter, else the draft for the outcome. */
  letter?: { title: string; body: string } | undefined;
  /** Answered at once when handed in (Art. 33 ¶1). */
  onTheSpot?: boolean | undefined;
}

/** The outcome the case counts under. */
export function resolveOutcome(props: Pick<AnswerApplicationProps, 'outcome' | 'items'>): CaseOutcome {
  const issues: Issue[] = [];
  const itemOutcomes: CaseOutcome[] = [];
  (props.items ?? []).forEach((item, i) => {
    try {
      itemOutcomes.push(parseOutcome(item.outcome, `items.${i}.outcome`));
    } catch (err) {
      if (err instanceof ValidationError) issues.push(...err.issues);
    }
    if (typeof item.description !== 'string' || item.description.trim().length < 1) issues.push({ path: `items.${i}.description`, rule: 'required', message: '请填写该项申请内容' });
  });
  if (issues.length > 0) throw new ValidationError('答复', issues);
  const chosen = props.outcome === undefined ? undefined : parseOutcome(props.outcome);
  for (const fixed of ['other.no_supplement', 'other.unpaid_fee'] as const) {
    if (chosen === fixed || itemOutcomes.includes(fixed)) {
      throw new ValidationError('答复', [{ path: 'outcome', rule: 'by_step', message: `「${fixed}」由“逾期未补正/逾期未缴费”步骤产生，不能直接答复` }]);
    }
  }
  if (itemOutcomes.length === 0) {
    if (chosen === undefined) throw new ValidationError('答复', [{ path: 'outcome', rule: 'required', message: '请选择办理结果' }]);
    return chosen;
  }
  const derived = resultOfSeveralAnswers(itemOutcomes);
  if (derived !== null) {
    if (chosen !== undefined && chosen !== derived) {
      throw new ValidationError('答复', [{ path: 'outcome', rule: 'several_answers', message: `各项答复结果合计应计为「${derived}」（区分处理的，只计部分公开）` }]);
    }
    return derived;
  }
  if (chosen === undefined || !itemOutcomes.includes(chosen)) {
    throw new ValidationError('答复', [{ path: 'outcome', rule: 'several_answers', message: '各项答复结果不同，请从各项结果中选择本申请计入的一项' }]);
  }
  return chosen;
}

/** The rules that depend on the case's record (events), not only on the answer itself. */
export function checkAnswerAgainstRecord(outcome: CaseOutcome, itemOutcomes: readonly string[], facts: AnswerFacts, events: readonly EventRow[]): void {
  const all = [outcome, ...itemOutcomes];
  if (all.includes('withheld.third_party_rights')) {
    const tp = thirdPartyRecord(events);
    if (tp.record === 'agrees') {
      throw new TransitionNotAllowedError('第三方已同意公开，应当予以公开，不能以保护第三方合法权益为由不予公开（《条例》第十五条）', 'answer.third_party_agreed', 'outcome');
    }
    if (tp.record === 'none' && facts.noConsultationReason === undefined) {
      throw new TransitionNotAllowedError(
        '以保护第三方合法权益为由不予公开，须先书面征求第三方意见且第三方不同意公开（《条例》第十五条、第三十二条），或在 facts.noConsultationReason 中写明未能征求意见的理由',
        'answer.third_party_not_consulted',
        'facts.noConsultationReason',
      );
    }
    const pending = [...events].reverse().find((e) => e.kind === 'third-party-sent' || e.kind === 'third-party-replied' || e.kind === 'third-party-lapsed');
    if (pending?.kind === 'third-party-sent') throw new TransitionNotAllowedError('第三方征求意见尚未结束（《条例》第三十二条）', 'answer.third_party_pending', 'state');
  }
  if (outcome === 'granted' && thirdPartyRecord(events).record === 'objects' && !events.some((e) => e.kind === 'third-party-disclosure-notified')) {
    throw new TransitionNotAllowedError('第三方不同意公开，本机关决定公开的，应当先将决定公开的内容和理由书面告知第三方（《条例》第三十二条）', 'answer.third_party_not_told', 'state');
  }
  if (all.includes('unavailable.still_unclear') && !events.some((e) => e.kind === 'supplement-received')) {
    throw new TransitionNotAllowedError('“补正后申请内容仍不明确”须先告知补正并收到补正后的申请（《条例》第三十条）；本申请没有补正记录', 'answer.no_supplement_on_record', 'outcome');
  }
  if (all.includes('not_processed.mass_repetitive')) {
    const reply = [...events].reverse().find((e) => e.kind === 'reasons-received' || e.kind === 'reasons-lapsed');
    const unreasonable = reply !== undefined && (reply.kind === 'reasons-lapsed' || reply.payload['reasonable'] === false);
    if (!unreasonable) {
      throw new TransitionNotAllowedError('“无正当理由大量反复申请”须先要求申请人说明理由，且理由不合理或逾期未说明（《条例》第三十五条）；本申请没有相应记录', 'answer.no_art35_on_record', 'outcome');
    }
  }
}

export function answerApplication(ctx: CaseContext, props: AnswerApplicationProps): Promise<StepResult> {
  const outcome = resolveOutcome(props);
  const itemOutcomes = (props.items ?? []).map((i) => i.outcome);
  const facts = parseAnswerFacts(props.facts);
  checkAnswerFacts(outcome, facts);
  if (props.letter !== undefined) validateLetterText(props.letter.title, props.letter.body);
  let letter: { title: string; body: string } | undefined = props.letter;
  let numbering: { pattern: string; agencyId: string } | undefined;
  return runStep(ctx, props, {
    transition: 'answer',
    eventKind: 'answered',
    payload: () => ({
      outcome,
      facts,
      ...(props.items !== undefined ? { items: props.items.map((i) => ({ description: i.description, outcome: i.outcome })) } : {}),
      ...(props.onTheSpot === true ? { onTheSpot: true } : {}),
    }),
    check: (_c, events) => checkAnswerAgainstRecord(outcome, itemOutcomes, facts, events),
    patch: (_c, date) => ({ outcome, answeredOn: date, closedOn: date, answerFacts: facts as Record<string, unknown> }),
    prepare: async (c: LoadedCase, events, date) => {
      const agency = await findAgencyById(ctx.db, c.row.agencyId);
      const settings = await loadAgencySettings(ctx.db, agency ?? { id: c.row.agencyId, remediesTemplate: null });
      const required = requireLetterSettings(c.agencyName, settings);
      numbering = { pattern: required.letterNumberPattern, agencyId: c.row.agencyId };
      if (outcome === 'not_processed.repeated' && facts.earlierReceiptCode !== undefined) {
        const earlier = await findEarlierAnswered(ctx.db, c, facts.earlierReceiptCode);
        const problem =
          earlier === undefined
            ? '本机关没有该受理编号的申请'
            : earlier.id === c.row.id
              ? '不能引用本申请自身'
              : earlier.applicantKey === null || earlier.applicantKey !== c.row.applicantKey
                ? '该申请不是同一申请人提出的（按身份证件号码或统一社会信用代码识别）'
                : earlier.answeredOn === null
                  ? '该申请尚未答复'
                  : null;
        if (problem !== null) throw new TransitionNotAllowedError(`重复申请须为同一申请人已获答复的同一政府信息（《条例》第三十六条第（六）项）：${problem}`, 'answer.repeated_not_found', 'facts.earlierReceiptCode');
      }
      if (letter === undefined) {
        const saved = await findLetter(ctx.db, c.row.id);
        if (saved !== undefined && saved.outcome === outcome) letter = { title: saved.title, body: openLetterBody(ctx.key, saved.body) };
        else letter = await draftFor(ctx.db, ctx.key, c, events, outcome, date, { facts, itemOutcomes });
      }
      const remedies = remediesFor(settings, c.row.delivery, outcome, itemOutcomes);
      if (!letter.body.includes(remedies)) {
        const kind = remedyKindFor(outcome, itemOutcomes);
        throw new TransitionNotAllowedError(
          `告知书应载明救济途径（${REMEDY_BASIS[kind]}）${kind === 'prereview' ? '：依第十四条至第十六条不予公开的，须写明应当先申请行政复议' : ''}。应有的文字：${remedies}`,
          'letter.remedies',
          'letter.body',
        );
      }
      const left = findPlaceholders(`${letter.title}\n${letter.body}`);
      if (left.length > 0) {
        throw new TransitionNotAllowedError(`告知书中仍有待填写的内容：${left.join('、')}。请补充答复事实或编辑告知书后再答复`, 'letter.placeholder', 'letter.body');
      }
    },
    alsoWrite: async (tx, c, date) => {
      if (letter === undefined || numbering === undefined) throw new Error('letter not prepared');
      const number = await allocateLetterNumber(tx, numbering.agencyId, numbering.pattern, yearOf(date));
      await upsertLetter(tx, ctx.key, c, { outcome, title: letter.title, body: letter.body, status: 'sent', issuedOn: date, number });
    },
  });
}

/** An edited letter (given, or saved by the clerk) is not sent while a blank of the draft is left in it. */
export function refusePlaceholders(body: string): void {
  const left = placeholdersIn(body);
  if (left.length > 0) {
    throw new ValidationError('答复', [{ path: 'letter.body', rule: 'placeholder', message: `告知书中还有未填写的内容：${[...new Set(left)].join('、')}` }]);
  }
}
