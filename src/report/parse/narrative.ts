/**
 * The report's prose by section: the text between one heading and the next, rebuilt from the tokens.
 * Sections that hold a table keep only the text before the table starts, which is usually none.
 */
import type { Narrative, NarrativeKey } from '../reportData.ts';
import { orderedSections, type SectionHits } from './findSections.ts';
import type { LabelStream } from './labelStream.ts';
import type { Token } from './tokens.ts';

const PROSE_SECTIONS: readonly NarrativeKey[] = ['overview', 'problems', 'other'];

/** The tokens [from, to) as printed, with their spacing: cells by a tab, lines by a newline. */
export function joinTokens(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let i = Math.max(0, from); i < to && i < tokens.length; i++) {
    const t = tokens[i]!;
    if (out !== '') out += t.sep;
    out += t.raw;
  }
  // a Markdown heading's `##` belongs to the next section's heading, not to this text
  return out.replace(/[\s#]+$/, '').trim();
}

export function extractNarrative(tokens: readonly Token[], stream: LabelStream, sections: SectionHits): Narrative {
  const ordered = orderedSections(sections);
  const narrative: Narrative = {};
  const first = ordered[0];
  const preamble = withoutTitle(joinTokens(tokens, 0, first ? first.hit.token : tokens.length));
  if (preamble && first) narrative.preamble = preamble;
  ordered.forEach(({ id, hit }, k) => {
    if (!(PROSE_SECTIONS as readonly string[]).includes(id)) return;
    const next = ordered[k + 1];
    const from = stream.tokenAt(hit.end - 1) + 1;
    const text = joinTokens(tokens, from, next ? next.hit.token : tokens.length);
    if (text) narrative[id as NarrativeKey] = text;
  });
  return narrative;
}

/** A title line: `…政府信息公开工作年度报告`, `…年报`, not a sentence (no full stop). */
const TITLE_LINE = /政府信息公开(?:工作)?(?:年度报告|年报)/;

/**
 * The preamble without the report's title: the title line (and what stands above it — a breadcrumb, the
 * agency on a line of its own in a two-line heading) is the heading of the document, not its text.
 */
export function withoutTitle(preamble: string): string {
  const lines = preamble.split('\n');
  let titleAt = -1;
  lines.slice(0, 6).forEach((line, i) => {
    const compact = line.replace(/\s+/g, '');
    if (TITLE_LINE.test(compact) && !/[。；;]/.test(compact) && compact.length <= 60) titleAt = i;
  });
  return lines.slice(titleAt + 1).join('\n').trim();
}
