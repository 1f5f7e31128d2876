/**
 * Chinese search tokens. Documents are cut by jieba (search mode) and every pair of adjacent Han
 * characters is added as well, so that any two-character query finds its text even where jieba cut a
 * longer word; the lexemes go into a `simple` tsvector (GIN-indexed). A query is cut the same way and
 * becomes a tsquery of ANDed terms: a Han word matches as itself or as all of its bigrams, a single
 * character or a Latin/digit word as a prefix. Tokenising in Node gives PGlite and PostgreSQL the very
 * same lexemes, hence the same results.
 */
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import type * as JiebaModule from '@node-rs/jieba';
import type * as JiebaDict from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;
/** jieba and its dictionary (tens of MB once loaded) are loaded at the first search or indexing, not at start. */
function cutter(): Jieba {
  if (jieba === undefined) {
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof JiebaModule;
    const { dict } = require('@node-rs/jieba/dict.js') as typeof JiebaDict;
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

const HAN = /\p{Script=Han}/u;
const WORD_CHARS = /[^\p{L}\p{N}]+/gu;
/** Text beyond this is not indexed (a tsvector is limited to 1 MB). */
const MAX_INDEXED_CHARS = 30_000;

export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function clean(token: string): string {
  return token.replace(WORD_CHARS, '');
}

function bigrams(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

function hanRuns(text: string): string[] {
  return text.match(/\p{Script=Han}+/gu) ?? [];
}

/** The lexemes of a text, space-separated, for `to_tsvector('simple', …)`. */
export function indexTokens(text: string): string {
  const t = normalizeText(text.slice(0, MAX_INDEXED_CHARS));
  const out = new Set<string>();
  for (const tok of cutter().cutForSearch(t, true)) {
    const c = clean(tok);
    if (c !== '') out.add(c);
  }
  for (const run of hanRuns(t)) {
    const chars = [...run];
    if (chars.length === 1) out.add(run);
    for (const b of bigrams(run)) out.add(b);
  }
  return [...out].join(' ');
}

/** The words of a query (jieba, normal mode), cleaned of punctuation; at most 12. */
export function queryTerms(query: string): string[] {
  const q = normalizeText(query).slice(0, 200);
  const terms: string[] = [];
  for (const tok of cutter().cut(q, true)) {
    const c = clean(tok);
    if (c !== '' && !terms.includes(c)) terms.push(c);
  }
  return terms.slice(0, 12);
}

/**
 * The tsquery text for `to_tsquery('simple', …)`, or null when the query has no word at all (then the
 * answer is an empty list). Terms contain letters and digits only, so nothing in them is tsquery syntax.
 */
export function toTsquery(terms: readonly string[]): string | null {
  const parts = terms.map((term) => {
    const chars = [...term];
    if (!HAN.test(term)) return `${term}:*`;
    if (chars.length === 1) return `${term}:*`;
    const grams = bigrams(term);
    return grams.length === 1 ? term : `(${term} | (${grams.join(' & ')}))`;
  });
  return parts.length === 0 ? null : parts.join(' & ');
}
