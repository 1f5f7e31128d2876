/**
 * The six statutory section headings (law/sections.ts), located in the label stream. A heading counts
 * only with its number (`一、`), so the preamble's list of the six parts is not taken for headings;
 * its wording may vary (the variants law/ lists, or a few characters off: `行政法复议`).
 */
import { REPORT_SECTIONS, type SectionId } from '../../law/index.ts';
import { type LabelHit, type LabelStream, matchAt, toleratedErrors } from './labelStream.ts';
import { labelStreamKey } from './normalize.ts';

export type SectionHits = Partial<Record<SectionId, LabelHit>>;


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

/** The first place where the heading's number is followed by its title, give or take a few characters. */
function firstNumbered(stream: LabelStream, key: string, number: string): LabelHit | null {
  const tolerance = toleratedErrors(key.length);
  for (let pos = stream.text.indexOf(number); pos >= 0; pos = stream.text.indexOf(number, pos + 1)) {
    const hit = matchAt(stream, key, pos, tolerance);
    if (hit) return hit;
  }
  return null;
}

/** Headings found in document order (for table regions and narrative cuts). */
export function orderedSections(hits: SectionHits): { id: SectionId; hit: LabelHit }[] {
  return REPORT_SECTIONS.flatMap((s) => (hits[s.id] ? [{ id: s.id, hit: hits[s.id]! }] : [])).sort((a, b) => a.hit.start - b.hit.start);
}
