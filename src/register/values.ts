/**
 * The value vocabularies of the register (spec/register.md): applicant type, outcome and channel, each
 * accepted by id or by its Chinese label. Labels come from law/, never restated here.
 */
import { CHANNELS as LAW_CHANNELS, CHANNEL_IDS, type Channel } from '../law/deadline/index.ts';
import { APPLICANT_KINDS, CASE_OUTCOMES, TABLE3_ROWS, isCaseOutcome, table3RowShortName, type ApplicantKind, type CaseOutcome } from '../law/index.ts';

/** The deadline engine's channels, plus `other` for registers that recorded some other way in. */
export type ChannelId = Channel | 'other';
export const CHANNELS: readonly { id: ChannelId; label: string }[] = [
  ...CHANNEL_IDS.map((id) => ({ id, label: LAW_CHANNELS[id].label })),
  { id: 'other', label: '其他' },
];

/** Whitespace of any width removed, so `予以 公开` and `予以公开` are one value. */
export function squeeze(value: string): string {
  return value.replace(/[\s\u3000]+/g, '');
}

const APPLICANT_BY_VALUE = new Map<string, ApplicantKind>();
for (const k of APPLICANT_KINDS) {
  APPLICANT_BY_VALUE.set(k.id.toLowerCase(), k.id);
  APPLICANT_BY_VALUE.set(k.label, k.id);
}

export function lookupApplicantKind(value: string): ApplicantKind | undefined {
  const v = squeeze(value);
  return APPLICANT_BY_VALUE.get(v) ?? APPLICANT_BY_VALUE.get(v.toLowerCase());
}

const CHANNEL_BY_VALUE = new Map<string, ChannelId>();
for (const c of CHANNELS) {
  CHANNEL_BY_VALUE.set(c.id, c.id);
  CHANNEL_BY_VALUE.set(c.label, c.id);
}

export function lookupChannel(value: string): ChannelId | undefined {
  const v = squeeze(value);
  return CHANNEL_BY_VALUE.get(v) ?? CHANNEL_BY_VALUE.get(v.toLowerCase());
}

/** `（一）`, `(三)`, `三、`, `1.`, `1．`, `1、` at the start of a label: the template's numbering. */
const NUMBERING = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])/;

function stripNumbering(value: string): string {
  let v = value;
  for (let m = NUMBERING.exec(v); m !== null; m = NUMBERING.exec(v)) v = v.slice(m[0].length);
  return v;
}

const OUTCOME_BY_VALUE = new Map<string, CaseOutcome>();
for (const r of TABLE3_ROWS['2021']) {
  if (r.kind !== 'outcome' || !isCaseOutcome(r.id)) continue;
  OUTCOME_BY_VALUE.set(squeeze(r.name), r.id);
  // the （二） label carries its counting rule in brackets; the plain words name it too
  OUTCOME_BY_VALUE.set(squeeze(table3RowShortName(r)), r.id);
}
for (const id of CASE_OUTCOMES) OUTCOME_BY_VALUE.set(id.toLowerCase(), id);
// The 2019 template's single （六）其他处理 row: a case recorded against it is 2021's （六）3 其他.
OUTCOME_BY_VALUE.set('其他处理', 'other.other');
OUTCOME_BY_VALUE.set('other', 'other.other');

/** One outcome by id (`withheld.state_secret`) or label, with or without the template's numbering. */
export function lookupOutcome(value: string): CaseOutcome | undefined {
  const v = squeeze(value);
  return OUTCOME_BY_VALUE.get(v) ?? OUTCOME_BY_VALUE.get(v.toLowerCase()) ?? OUTCOME_BY_VALUE.get(stripNumbering(v));
}

/**
 * Several outcomes in one cell, separated by `;`, `；`, `|` or a line break (not `、`, which labels
 * themselves contain). Empty parts are ignored.
 */
export function splitOutcomes(value: string): string[] {
  return value
    .split(/[;；|\n\r]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
