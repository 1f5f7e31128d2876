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
  const preamble = joinTokens(tokens, 0, first ? first.hit.token : tokens.length);
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
