/**
 * The six statutory section headings (law/sections.ts), located in the label stream. A heading counts
 * only with its number (`一、`), so the preamble's list of the six parts is not taken for headings;
 * its wording may vary (the variants law/ lists, or a few characters off: `行政法复议`).
 */
import { REPORT_SECTIONS, type SectionId } from '../../law/index.ts';
import { type LabelHit, type LabelStream, toleratedErrors } from './labelStream.ts';
import { labelStreamKey } from './normalize.ts';

export type SectionHits = Partial<Record<SectionId, LabelHit>>;

const MAX_TRIES = 30;

export function findSections(stream: LabelStream): SectionHits {
  const hits: SectionHits = {};
  for (const section of REPORT_SECTIONS) {
    const number = labelStreamKey(section.number);
    const titles = [section.title, ...section.variants].map((t) => number + labelStreamKey(t));
    const found = earliest(titles.map((key) => stream.findExact(key, 0, stream.text.length)))
      ?? earliest(titles.map((key) => firstNumbered(stream, key, number)));
    if (found) hits[section.id] = found;
  }
  return hits;
}

function earliest(hits: (LabelHit | null)[]): LabelHit | null {
  let found: LabelHit | null = null;
  for (const hit of hits) if (hit && (!found || hit.start < found.start)) found = hit;
  return found;
}

function firstNumbered(stream: LabelStream, key: string, number: string): LabelHit | null {
  let from = 0;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const hit = stream.findFuzzy(key, from, stream.text.length, toleratedErrors(key.length));
    if (!hit) return null;
    if (stream.text.startsWith(number, hit.start)) return hit;
    from = hit.start + 1;
  }
  return null;
}

/** Headings found in document order (for table regions and narrative cuts). */
export function orderedSections(hits: SectionHits): { id: SectionId; hit: LabelHit }[] {
  return REPORT_SECTIONS.flatMap((s) => (hits[s.id] ? [{ id: s.id, hit: hits[s.id]! }] : [])).sort((a, b) => a.hit.start - b.hit.start);
}
