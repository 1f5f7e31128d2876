/** What the table readers share: the token stream, the report they fill, and the provenance they add to. */
import type { InferredCell, ReportData } from '../reportData.ts';
import type { LabelStream } from './labelStream.ts';
import { isFigure, type FigureToken, type Token } from './tokens.ts';

export interface ReadContext {
  tokens: readonly Token[];
  stream: LabelStream;
  report: ReportData;
  inferred: InferredCell[];
  notes: string[];
  /** the report's prose (sections without tables), for figures the narrative states */
  prose: string;
}

/** A text token this long after a row's figures is prose again: the row has ended. */
const PROSE_KEY_LENGTH = 24;

/** The table figures among tokens [from, to), stopping where prose resumes after the first figure. */
export function figuresBetween(tokens: readonly Token[], from: number, to: number): FigureToken[] {
  const out: FigureToken[] = [];
  for (let i = from; i < to && i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isFigure(t)) out.push(t);
    else if (out.length > 0 && t.kind === 'text' && t.key.length > PROSE_KEY_LENGTH) break;
  }
  return out;
}

/** The figures as printed, for messages: `713000074`, `1 0 14 0 15`. */
export function printed(figures: readonly FigureToken[]): string {
  return figures.map((f) => (f.kind === 'blank' ? f.raw || '(空)' : `${f.negative ? '-' : ''}${f.digits}`)).join(' ');
}
