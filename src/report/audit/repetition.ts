/**
 * How much of a report's prose repeats the same agency's report of the year before (第三方评估 flags
 * copied reports). Prose is compared in overlapping 8-character pieces, with every digit made the
 * same, so that a sentence copied with only its year or figures changed still counts as repeated.
 */
import type { ReportData } from '../reportData.ts';
import { halfWidth } from '../parse/normalize.ts';

const SHINGLE = 8;

function shingles(report: ReportData): Set<string> {
  const n = report.narrative ?? {};
  const text = halfWidth([n.overview, n.problems, n.other].filter(Boolean).join(''))
    .replace(/[^\p{Script=Han}\p{L}\p{N}]+/gu, '')
    .replace(/\d/g, '0');
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE <= text.length; i++) set.add(text.slice(i, i + SHINGLE));
  return set;
}

/** The share (0–1) of the current report's prose found in the previous one; null when it has no prose. */
export function repeatedShare(current: ReportData, previous: ReportData): number | null {
  const now = shingles(current);
  if (now.size === 0) return null;
  const before = shingles(previous);
  let repeated = 0;
  for (const s of now) if (before.has(s)) repeated++;
  return Math.round((repeated / now.size) * 1000) / 1000;
}
