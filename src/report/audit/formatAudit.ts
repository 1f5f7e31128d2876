/** The audit as a reader's table: one block per report, then the checks across the set. */
import { REPORT_SECTIONS } from '../../law/index.ts';
import { RULES } from '../check.ts';
import type { ReportAudit, SetAudit } from './auditReports.ts';

const sectionName = (id: string) => {
  const s = REPORT_SECTIONS.find((x) => x.id === id);
  return s ? s.number + s.title : id;
};

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function formatReportAudit(a: ReportAudit): string[] {
  const lines = [`${a.source ?? '(report)'} — ${a.agency || '(未识别机关)'} ${a.year}年 (${a.template} 模板)`];
  if (a.templateMismatch) {
    lines.push(`  ✗ 表格样式与年度不符: ${a.year} 年报告应使用 ${a.templateMismatch.expected} 年版格式, 实际按 ${a.templateMismatch.printed} 年版格式填报（已按所印格式读取）`);
  }
  if (a.tablesMissing.length > 0) lines.push(`  ? 文件中缺少表格: ${a.tablesMissing.join('、')}（其数据未知）`);
  const r = a.relations;
  lines.push(`  勾稽关系 R1–R4: ${r.passed} 成立, ${r.violated.length} 不成立, ${r.unchecked} 未核对（数据缺失）`);
  for (const v of r.violated) lines.push(`    ✗ ${v.rule} ${v.table}.${v.row}.${v.column}: 应为 ${v.expected}, 实为 ${v.actual} — ${RULES[v.rule]}`);
  if (a.quoted.length === 0) lines.push('  正文数字: 未找到可与表格核对的数字');
  for (const q of a.quoted) {
    const mark = q.status === 'agrees' ? '✓' : q.status === 'contradicts' ? '✗' : q.status === 'unknown' ? '?' : '≈';
    const detail = q.status === 'agrees-otherwise' ? `（${q.against} 为 ${q.table}; ${q.note}）` : `（${q.against}: ${q.table ?? '缺失'}）`;
    lines.push(`    ${mark} 正文“${q.quote}” ${detail}`);
  }
  if (a.sections) {
    const { missing, inOrder } = a.sections;
    if (missing.length === 0 && inOrder) lines.push('  六个部分: 齐全, 顺序正确');
    else {
      if (missing.length > 0) lines.push(`  ✗ 缺少部分: ${missing.map(sectionName).join('、')}`);
      if (!inOrder) lines.push(`  ✗ 部分顺序不符: ${a.sections.found.map(sectionName).join(' → ')}`);
    }
  }
  if (a.repetition) {
    const share = a.repetition.share;
    lines.push(`  与 ${a.repetition.previousYear} 年报告重复: ${share === null ? '无正文可比' : percent(share)}${a.repetition.previousSource ? ` (${a.repetition.previousSource})` : ''}`);
  }
  if (a.missingCells > 0 || a.inferredCells > 0) lines.push(`  缺失 ${a.missingCells} 格, 推断 ${a.inferredCells} 格`);
  return lines;
}

export function formatSetAudit(audit: SetAudit): string {
  const lines: string[] = [];
  for (const a of audit.reports) lines.push(...formatReportAudit(a), '');
  const differing = audit.carryOver.filter((c) => c.status === 'differs');
  if (audit.carryOver.length > 0) {
    lines.push(`跨年结转 (R5): ${audit.carryOver.length - differing.length} 项一致, ${differing.length} 项不一致`);
    for (const c of differing) lines.push(`  ✗ ${c.agency} ${c.column}: ${c.previousYear} 年结转下年度 ${c.carriedForward} ≠ ${c.year} 年上年结转 ${c.carriedOver}`);
  }
  for (const r of audit.regions) {
    lines.push(`${r.region} ${r.year} 年 与 ${r.agencies.length} 个部门之和: ${r.equal ? '一致' : `${r.differences.length} 格不一致`}（比较 ${r.compared} 格）`);
    for (const d of r.differences.slice(0, 20)) lines.push(`  ✗ ${d.cell}: 区域 ${d.region}, 部门之和 ${d.sum}`);
    if (r.differences.length > 20) lines.push(`  … 另有 ${r.differences.length - 20} 格`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
