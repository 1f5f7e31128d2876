/** The clerk saves an edited answer letter (before the answer is given). */
import { ValidationError } from '../shared/domainError.ts';
import type { CaseContext } from './context.ts';
import { parseOutcome, upsertLetter } from './letters.ts';
import { runStep } from './transition.ts';
import type { StepProps, StepResult } from './transition.ts';

export interface SaveLetterProps extends StepProps {
  outcome: string;
  title: string;
  body: string;
}

export function validateLetterText(title: string, body: string): void {
  const issues = [];
  if (title.trim().length < 2 || title.length > 100) issues.push({ path: 'title', rule: 'length', message: '标题应为2–100个字符' });
  if (body.trim().length < 20 || body.length > 20000) issues.push({ path: 'body', rule: 'length', message: '正文应为20–20000个字符' });
  if (issues.length > 0) throw new ValidationError('告知书', issues);
}

export function saveLetter(ctx: CaseContext, props: SaveLetterProps): Promise<StepResult> {
  const outcome = parseOutcome(props.outcome);
  return runStep(ctx, props, {
    transition: 'editLetter',
    eventKind: 'letter-saved',
    payload: { outcome },
    check: () => validateLetterText(props.title, props.body),
    alsoWrite: (tx, c) => upsertLetter(tx, ctx.key, c, { outcome, title: props.title.trim(), body: props.body, status: 'saved', issuedOn: null }),
  });
}
