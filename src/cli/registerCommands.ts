/**
 * `gongkai register check FILE` — validate a register (台账) without writing anything;
 * `gongkai register import FILE --agency CODE` — import it into the agency's cases, all or nothing.
 */
import type { Command } from 'commander';
import type { RegisterRow } from '../register/validate.ts';
import { basename } from 'node:path';
import { withDatabase } from './database.ts';
import { printJson } from './io.ts';
import { action } from './run.ts';

/** The reader loads exceljs and csv-parse: only when a register is actually read. */
async function readRegister(file: string): Promise<RegisterRow[]> {
  const { parseRegisterFile } = await import('../register/read.ts');
  return parseRegisterFile(file);
}

/** Import into the database named by DATABASE_URL / GONGKAI_DATA_DIR (loaded only when used). */
async function importIntoDatabase(file: string, agencyCode: string, rows: RegisterRow[]) {
  const [{ importRegister }, { readFile }] = await Promise.all([import('../register/importRegister.ts'), import('node:fs/promises')]);
  const bytes = await readFile(file);
  return withDatabase(({ db, key, actor }) => importRegister(db, actor, key(), { agencyCode, fileName: basename(file), bytes, rows }));
}

function summarise(rows: readonly RegisterRow[]): { total: number; open: number; years: Record<string, number> } {
  const years: Record<string, number> = {};
  for (const r of rows) years[r.receivedOn.slice(0, 4)] = (years[r.receivedOn.slice(0, 4)] ?? 0) + 1;
  return { total: rows.length, open: rows.filter((r) => r.outcome === null).length, years };
}

export function registerRegisterCommands(program: Command): void {
  const register = program.command('register').description('申请台账：检查与导入 (the application register: check and import)');
  register
    .command('check')
    .description('检查台账文件（CSV/XLSX），不写入任何数据')
    .argument('<file>', '台账 .csv 或 .xlsx')
    .option('--json', '输出 JSON')
    .action(
      action(async (file: string, options: { json?: boolean }) => {
        const rows = await readRegister(file);
        const s = summarise(rows);
        if (options.json) return printJson({ file, ok: true, ...s, rows });
        const years = Object.entries(s.years).map(([y, n]) => `${y}年 ${n} 件`).join('，');
        process.stdout.write(`${file}: 台账有效，共 ${s.total} 件申请（${years}），其中 ${s.open} 件尚未办结\n`);
      }),
    );
  register
    .command('import')
    .description('导入台账：全部有效才写入，任何一格有误则一件也不写入')
    .argument('<file>', '台账 .csv 或 .xlsx')
    .requiredOption('--agency <code>', '机关代码')
    .option('--json', '输出 JSON')
    .action(
      action(async (file: string, options: { agency: string; json?: boolean }) => {
        const rows = await readRegister(file);
        const summary = await importIntoDatabase(file, options.agency, rows);
        if (options.json) return printJson({ importId: summary.importId, agency: summary.agency, imported: summary.imported, open: summary.open });
        process.stdout.write(`已导入 ${summary.imported} 件申请到 ${summary.agency}（${summary.open} 件尚未办结）\n`);
      }),
    );
}
