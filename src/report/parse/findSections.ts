/**
 * The six statutory section headings (law/sections.ts), located in the label stream. A heading counts
 * only with its number (`一、`), so the preamble's list of the six parts is not taken for headings;
 * its wording may vary (the variants law/ lists, or a few characters off: `行政法复议`).
 */
import { REPORT_SECTIONS, type SectionId } from '../../law/index.ts';
import { type LabelHit, type LabelStream, matchAt, toleratedErrors } from './labelStream.ts';
import { labelStreamKey } from './normalize.ts';
import type { Token } from './tokens.ts';

export type SectionHits = Partial<Record<SectionId, LabelHit>>;


export function findSections(stream: LabelStream, tokens: readonly Token[] = []): SectionHits {
  const hits: SectionHits = {};
  REPORT_SECTIONS.forEach((section, index) => {
    const number = labelStreamKey(section.number);
    const titles = [section.title, ...section.variants].map((t) => number + labelStreamKey(t));
    // `第一部分 总体情况`: the same heading numbered as a part
    const parts = [section.title, ...section.variants].map((t) => `第${number}部分${labelStreamKey(t)}`);
    const found = earliest(titles.map((key) => stream.findExact(key, 0, stream.text.length)))
      ?? earliest(titles.map((key) => firstNumbered(stream, key, number)))
      ?? earliest(parts.map((key) => stream.findExact(key, 0, stream.text.length)))
      ?? arabicNumbered(stream, tokens, index + 1, [section.title, ...section.variants].map(labelStreamKey));
    if (found) hits[section.id] = found;
  });
  return hits;
}

/**
 * `1. 总体情况` / `3、收到和处理…`: a heading numbered in Arabic figures, which the label stream drops.
 * It counts only as a list number starting a line, followed by the title — never the preamble's list
 * of the six parts, which runs on within a sentence.
 */
function arabicNumbered(stream: LabelStream, tokens: readonly Token[], n: number, titles: readonly string[]): LabelHit | null {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'list' || !new RegExp(`^\\s*${n}\\s*[.、．]`).test(t.raw) || !startsLine(tokens, i)) continue;
    const next = tokens[i + 1]!;
    if (next.kind !== 'text') continue;
    const title = titles.find((k) => next.key.startsWith(k));
    if (!title) continue;
    const start = stream.posOfToken(i + 1);
    return { start, end: start + title.length, token: i + 1, distance: 0 };
  }
  return null;
}

/** Nothing but punctuation (a Markdown `##`) before token i on its line. */
function startsLine(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && tokens[k]!.line === tokens[i]!.line; k--) {
    const t = tokens[k]!;
    if (t.kind !== 'text' || t.key !== '') return false;
  }
  return true;
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
