/**
 * The answer (Arts. 33, 36–40): the case's one legal outcome (a table-3 row), and the letter sent with it.
 * Several items answered differently count once (decisions.md): 区分处理 counts as partially_granted
 * (law/severalAnswers.ts); otherwise the clerk marks which of the items' outcomes the case counts under.
 */
import { resultOfSeveralAnswers } from '../law/severalAnswers.ts';
import type { CaseOutcome } from '../law/outcomes.ts';
import type { Issue } from '../shared/domainError.ts';
import { ValidationError } from '../shared/domainError.ts';
import type { CaseContext } from './context.ts';
import { placeholdersIn } from './letterDraft.ts';
import { draftFor, openLetterBody, parseOutcome, upsertLetter } from './letters.ts';
import { findLetter } from './queries.ts';
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

export function answerApplication(ctx: CaseContext, props: AnswerApplicationProps): Promise<StepResult> {
  const outcome = resolveOutcome(props);
  if (props.letter !== undefined) {
    validateLetterText(props.letter.title, props.letter.body);
    refusePlaceholders(props.letter.body);
  }
  let letter: { title: string; body: string } | undefined = props.letter;
  return runStep(ctx, props, {
    transition: 'answer',
    eventKind: 'answered',
    payload: () => ({
      outcome,
      ...(props.items !== undefined ? { items: props.items.map((i) => ({ description: i.description, outcome: i.outcome })) } : {}),
      ...(props.onTheSpot === true ? { onTheSpot: true } : {}),
    }),
    patch: (_c, date) => ({ outcome, answeredOn: date, closedOn: date }),
    prepare: async (c, events, date) => {
      if (letter !== undefined) return;
      const saved = await findLetter(ctx.db, c.row.id);
      if (saved !== undefined && saved.outcome === outcome) {
        const body = openLetterBody(ctx.key, saved.body);
        refusePlaceholders(body);
        letter = { title: saved.title, body };
      }
      else letter = await draftFor(ctx.db, ctx.key, c, events, outcome, date);
    },
    alsoWrite: async (tx, c, date) => {
      if (letter === undefined) throw new Error('letter not prepared');
      await upsertLetter(tx, ctx.key, c, { outcome, title: letter.title, body: letter.body, status: 'sent', issuedOn: date });
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
