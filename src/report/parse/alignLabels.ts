/**
 * Finding a table's row labels, in template order, inside a stretch of the label stream.
 *
 * A short label (`总计`, `其他`, `规章`) occurs in headers and prose too, so the exact occurrences of
 * all labels are aligned at once: the longest chain with increasing positions wins, the most compact
 * one on a tie. Rows still missing are then looked for between their found neighbours, tolerating
 * misspellings, and finally by the part of the label before its parenthetical note.
 */
import { type LabelHit, type LabelStream, toleratedErrors } from './labelStream.ts';

export interface LabelSpec {
  /** the label in the stream's form (labelStreamKey) */
  key: string;
  /** the label before its parenthetical note, when it has one */
  head?: string;
}

const MAX_CANDIDATES = 40;

/**
 * Whether the label text found between two rows' labels may be the row between them, identified by its
 * place (a label damaged beyond the misspelling tolerance, `2.其他法律行政止公开`). The caller knows
 * which stretches are other labels (a group's header) and must not be taken.
 */
export type PlaceCheck = (start: number, end: number, spec: LabelSpec) => boolean;

export function alignLabels(stream: LabelStream, specs: readonly LabelSpec[], from: number, to: number, byPlace?: PlaceCheck): (LabelHit | null)[] {
  const candidates = specs.map((s) => {
    const exact = stream.findAll(s.key, from, to).slice(0, MAX_CANDIDATES);
    if (exact.length > 0) return exact;
    // a misspelt or interrupted long label still anchors the chain, so that a short label
    // (`其他`) is not taken from the group header printed just before it
    const tolerance = toleratedErrors(s.key.length);
    const fuzzy = tolerance > 0 ? stream.findFuzzy(s.key, from, to, tolerance) : null;
    return fuzzy ? [fuzzy] : [];
  });
  const hits = longestChain(candidates);

  for (let i = 0; i < specs.length; i++) {
    if (hits[i]) continue;
    const lo = previousEnd(hits, i, from);
    const hi = nextStart(hits, i, to);
    const spec = specs[i]!;
    let hit = stream.findFuzzy(spec.key, lo, hi, toleratedErrors(spec.key.length));
    if (!hit && spec.head && spec.head.length >= 2) hit = stream.findExact(spec.head, lo, hi);
    if (hit) hits[i] = hit;
  }
  if (byPlace) {
    // a row between two found rows whose label is still not found: the label text between them is its own
    for (let i = 1; i < specs.length - 1; i++) {
      if (hits[i] || !hits[i - 1] || !hits[i + 1]) continue;
      const start = hits[i - 1]!.end;
      const end = hits[i + 1]!.start;
      if (end - start >= 2 && byPlace(start, end, specs[i]!)) hits[i] = { start, end, token: stream.tokenAt(start), distance: Number.POSITIVE_INFINITY };
    }
  }
  return hits;
}

function previousEnd(hits: readonly (LabelHit | null)[], i: number, fallback: number): number {
  for (let k = i - 1; k >= 0; k--) if (hits[k]) return hits[k]!.end;
  return fallback;
}

function nextStart(hits: readonly (LabelHit | null)[], i: number, fallback: number): number {
  for (let k = i + 1; k < hits.length; k++) if (hits[k]) return hits[k]!.start;
  return fallback;
}

interface Chain {
  count: number;
  first: number;
  hit: LabelHit;
  row: number;
  prev: Chain | null;
}

function better(a: Chain | null, b: Chain): boolean {
  if (!a) return true;
  if (b.count !== a.count) return b.count > a.count;
  return b.hit.start - b.first < a.hit.start - a.first;
}

function longestChain(candidates: readonly LabelHit[][]): (LabelHit | null)[] {
  const chains: Chain[] = [];
  let best = null as Chain | null;
  candidates.forEach((hits, row) => {
    const added: Chain[] = [];
    for (const hit of hits) {
      let chosen: Chain | null = null;
      for (const c of chains) {
        if (c.hit.end > hit.start) continue;
        const candidate: Chain = { count: c.count + 1, first: c.first, hit, row, prev: c };
        if (better(chosen, candidate)) chosen = candidate;
      }
      const chain = chosen ?? { count: 1, first: hit.start, hit, row, prev: null };
      added.push(chain);
      if (better(best, chain)) best = chain;
    }
    chains.push(...added);
  });
  const out: (LabelHit | null)[] = candidates.map(() => null);
  for (let c: Chain | null = best; c; c = c.prev) out[c.row] = c.hit;
  return out;
}
