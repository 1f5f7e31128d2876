/**
 * Many files at once: directories are walked recursively for report files; each file is parsed on
 * its own, and a file that fails is recorded with its reason while the run goes on.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DomainError } from '../../shared/domainError.ts';
import type { ReportData } from '../reportData.ts';
import { parseReportFile, REPORT_EXTENSIONS } from './parseFile.ts';
import type { ParseOptions } from './parseReport.ts';

export type FileResult = { path: string; ok: true; report: ReportData } | { path: string; ok: false; reason: string };

/** The files named, and the report files under the directories named, in a stable order. */
export async function listReportFiles(paths: readonly string[]): Promise<{ files: string[]; missing: FileResult[] }> {
  const files: string[] = [];
  const missing: FileResult[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      missing.push({ path, ok: false, reason: 'no such file or directory' });
      continue;
    }
    if (info.isDirectory()) files.push(...(await walk(path)));
    else files.push(path);
  }
  return { files, missing };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || /^readme\./i.test(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile() && REPORT_EXTENSIONS.includes(extname(entry.name).toLowerCase()) && !entry.name.endsWith('.expected.json')) out.push(path);
  }
  return out;
}

/** Parse one file; every failure becomes a result with a reason, never an exception. */
export async function parseOne(path: string, options: ParseOptions = {}): Promise<FileResult> {
  try {
    return { path, ok: true, report: await parseReportFile(path, options) };
  } catch (error) {
    if (error instanceof DomainError) return { path, ok: false, reason: error.message };
    return { path, ok: false, reason: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export interface BulkSummary {
  parsed: number;
  withArithmeticErrors: number;
  failed: number;
}

export function summarize(results: readonly FileResult[]): BulkSummary {
  const parsed = results.filter((r) => r.ok);
  return {
    parsed: parsed.length,
    withArithmeticErrors: parsed.filter((r) => r.ok && !(r.report.provenance?.checks as { ok?: boolean } | undefined)?.ok).length,
    failed: results.length - parsed.length,
  };
}
