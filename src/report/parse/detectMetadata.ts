/**
 * What a report says about itself: the statistics year, the publishing agency, and which national
 * template its tables follow. Each answer comes with how it was found, for the provenance.
 */
import {
  TABLE2_BLOCKS,
  TEMPLATE_IDS,
  TABLE3_GROUPS,
  table3Rows,
  templateForYear,
  type TemplateId,
} from '../../law/index.ts';
import type { LabelStream } from './labelStream.ts';
import { halfWidth, labelStreamKey } from './normalize.ts';

export interface Detected<T> {
  value: T;
  how: string;
}

const MIN_YEAR = 2008;
const MAX_YEAR = 2100;
/** How the name of a government body ends (局, 委员会, 人民政府, 办公室, 区, 县 …). */
const AGENCY_SUFFIX = /(?:局|委|委员会|厅|部|署|办|办公室|政府|中心|院|会|所|站|队|馆|处|科|区|县|市|省|镇|乡|街道|盟|旗|州)$/u;
const TITLE_TAIL = /政府信息公开(?:工作)?年度报告/;

const HAN_DIGITS = '〇一二三四五六七八九';

/** A line without spaces, half-width, with a year in Chinese numerals (`二〇二三年`) in digits. */
function compact(line: string): string {
  return halfWidth(line)
    .replace(/\s+/g, '')
    .replace(/([〇零一二三四五六七八九]{4})年/gu, (_, y: string) => `${[...y].map((c) => HAN_DIGITS.indexOf(c === '零' ? '〇' : c)).join('')}年`);
}

/** `XX局政府信息公开工作2023年度报告`: the year after the subject. */
const YEAR_LAST_TITLE = /^(.*?)政府信息公开工作(\d{4})年度?报告/;

function plausibleYear(value: number): boolean {
  return value >= MIN_YEAR && value <= MAX_YEAR;
}

/** The statistics year: the period the preamble states, else the title's year, else the first `YYYY年度`. */
export function detectYear(lines: readonly string[], title: string | undefined): Detected<number> | null {
  const text = lines.map(compact).join('\n');
  const period = /(\d{4})年0?1月0?1日(?:起)?(?:至|到|-|~|—)(?:(\d{4})年)?12月31日/.exec(text);
  if (period && (period[2] === undefined || period[1] === period[2]) && plausibleYear(Number(period[1]))) {
    return { value: Number(period[1]), how: `统计期限 ${period[0]}` };
  }
  // `2023.1.1—2023.12.31`, `2023-01-01至2023-12-31`
  const dotted = /(\d{4})[.\-/]0?1[.\-/]0?1日?起?(?:至|到|-|~|—{1,2})(?:(\d{4})[.\-/])?12[.\-/]31/.exec(text);
  if (dotted && (dotted[2] === undefined || dotted[1] === dotted[2]) && plausibleYear(Number(dotted[1]))) {
    return { value: Number(dotted[1]), how: `统计期限 ${dotted[0]}` };
  }
  for (const line of [title ?? '', ...lines.slice(0, 40)].map(compact)) {
    const m = /(\d{4})年度?.{0,30}?政府信息公开(?:工作)?年度报告/.exec(line);
    if (m && plausibleYear(Number(m[1]))) return { value: Number(m[1]), how: `title ${m[0]}` };
    const late = YEAR_LAST_TITLE.exec(line);
    if (late && plausibleYear(Number(late[2]))) return { value: Number(late[2]), how: `title ${late[0]}` };
  }
  const anyYear = /(\d{4})年度/.exec(text);
  if (anyYear && plausibleYear(Number(anyYear[1]))) return { value: Number(anyYear[1]), how: `first mention ${anyYear[0]}` };
  return null;
}

/** The agency: the title before its year, else the signature above the closing date. */
export function detectAgency(lines: readonly string[], title: string | undefined, source: string | undefined): Detected<string> | null {
  const head = [title ?? '', ...lines.slice(0, 40)].map(compact);
  let titleAt = -1;
  for (let i = 0; i < head.length; i++) {
    const line = head[i]!;
    if (!TITLE_TAIL.test(line)) continue;
    const m = /^(.*?)(\d{4})年度?(.*?)政府信息公开(?:工作)?年度报告/.exec(line);
    if (!m) continue;
    const before = cleanAgency(m[1]!);
    if (before) return { value: before, how: `title ${m[0]}` };
    const between = cleanAgency(m[3]!);
    if (between) return { value: between, how: `title ${m[0]}` };
    if (titleAt < 0) titleAt = i;
  }
  for (const line of head) {
    const late = YEAR_LAST_TITLE.exec(line);
    const agency = late ? cleanAgency(late[1]!) : '';
    if (agency) return { value: agency, how: `title ${late![0]}` };
  }
  // a title without the agency: the agency often stands on the line above it (a two-line heading)
  if (titleAt > 1) {
    const above = head.slice(1, titleAt).filter((l) => l !== '').at(-1);
    if (above && isAgencyName(above) && AGENCY_SUFFIX.test(above)) return { value: above, how: `the line above the title ${above}` };
  }
  // a page's metadata: `发布机构：XX局`, `来源：XX局`
  for (const line of head) {
    const m = /^(?:发布机构|发文机关|发布单位|信息来源|来源|公开主体)[:：](.{2,40})$/.exec(line);
    if (m && isAgencyName(m[1]!)) return { value: m[1]!, how: `page metadata ${line}` };
  }
  const tail = lines.map(compact).filter((l) => l !== '').slice(-6);
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i]!;
    const dated = /^(.{2,40}?)(?:\d{4})年\d{1,2}月\d{1,2}日$/.exec(line);
    if (dated && isAgencyName(dated[1]!)) return { value: dated[1]!, how: `signature ${line}` };
    if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(line) && i > 0 && isAgencyName(tail[i - 1]!)) {
      return { value: tail[i - 1]!, how: `signature ${tail[i - 1]} ${line}` };
    }
  }
  if (source) {
    const name = compact(source.split(/[\\/]/).pop() ?? '');
    const m = /^(?:\d+_)?(.{2,40}?)\d{4}年/.exec(name);
    if (m && isAgencyName(m[1]!)) return { value: m[1]!, how: `file name ${name}` };
  }
  return null;
}

function cleanAgency(text: string): string {
  // a page title often carries the site: `XX市人民政府-XX局…`, `标题:XX局…`
  const afterColon = (text.split(/[:：\-_|>»/—]+/).pop() ?? '').replace(/^.*[】\]]/, '');
  // `# 关于公布《XX局2022年…》的公告`: the heading marks, the covering notice and its quotes go
  const cleaned = afterColon
    .replace(/^[#*>\s《“"]+/, '')
    .replace(/^关于(?:印发|发布|公布|公开|转发)?/, '')
    .replace(/^[《“"]+/, '')
    .replace(/[》”"]+$/, '')
    .replace(/关于$/, '');
  return isAgencyName(cleaned) ? cleaned : '';
}

function isAgencyName(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && /^[\p{Script=Han}A-Za-z0-9（）()·]+$/u.test(text) && /\p{Script=Han}{2}/u.test(text);
}

/** Labels one template prints and the other does not (a key that is not part of any label of the other). */
function distinctiveLabels(): Record<TemplateId, string[]> {
  const labels = (t: TemplateId) => [
    ...TABLE2_BLOCKS[t].flatMap((b) => [...b.columns.map((c) => c.label), ...b.rows.map((r) => r.label)]),
    ...table3Rows(t).map((r) => r.name),
    // a group's label is printed too: 2021's （六）其他处理 heads three rows, so 其他处理 alone is no sign of 2019
    ...new Set(table3Rows(t).flatMap((r) => r.groups.map((g) => TABLE3_GROUPS[g].name))),
  ].map(labelStreamKey);
  const mine = { '2019': labels('2019'), '2021': labels('2021') };
  const other = (t: TemplateId): TemplateId => (t === '2019' ? '2021' : '2019');
  const result = { '2019': [] as string[], '2021': [] as string[] };
  for (const t of TEMPLATE_IDS) {
    result[t] = [...new Set(mine[t].filter((k) => k.length >= 4 && !mine[other(t)].some((o) => o.includes(k))))];
  }
  return result;
}

const DISTINCTIVE = distinctiveLabels();

export function detectTemplate(stream: LabelStream, year: number | null): Detected<TemplateId> {
  const count = (t: TemplateId) => DISTINCTIVE[t].filter((k) => stream.text.includes(k)).length;
  const c2019 = count('2019');
  const c2021 = count('2021');
  const byYear = year === null ? null : templateForYear(year);
  if (c2021 > c2019) return { value: '2021', how: `${c2021} labels only the 2021 template prints (2019: ${c2019})` };
  if (c2019 > c2021) return { value: '2019', how: `${c2019} labels only the 2019 template prints (2021: ${c2021})` };
  if (byYear) return { value: byYear, how: `no distinctive label; the template for reports on ${year}` };
  return { value: '2021', how: 'no distinctive label and no year; assumed the current template' };
}
