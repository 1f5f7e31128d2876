/**
 * `gongkai register check FILE` — validate a register (台账) without writing anything;
 * `gongkai register import FILE --agency CODE` — import it into the agency's cases, all or nothing;
 * `gongkai register export --agency CODE --year YYYY` — a year's register, in the format import reads.
 */
import type { Command } from 'commander';
import type { RegisterRow } from '../register/validate.ts';
import { basename, extname } from 'node:path';
import { withDatabase } from './database.ts';
import { CliInputError } from './errors.ts';
import { printJson, writeFileAtomic } from './io.ts';
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
    .command('export')
    .description('导出申请台账：该年度表三统计的全部申请，可重新导入；申请人默认遮蔽')
    .requiredOption('--agency <code>', '机关代码')
    .requiredOption('--year <year>', '年度（YYYY）')
    .option('--format <format>', 'csv 或 xlsx（缺省按 -o 的扩展名，否则 csv）')
    .option('-o, --output <file>', '写入文件（缺省输出到标准输出；xlsx 须指定文件）')
    .option('--full-personal-data <reason>', '申请人姓名或名称不遮蔽；须说明理由，记入审计日志')
    .action(
      action(async (options: { agency: string; year: string; format?: string; output?: string; fullPersonalData?: string }) => {
        if (!/^\d{4}$/.test(options.year)) throw new CliInputError(`--year 应为四位年份：${options.year}`);
        const fromName = options.output === undefined ? undefined : extname(options.output).toLowerCase().slice(1);
        const format = options.format ?? (fromName === 'xlsx' ? 'xlsx' : 'csv');
        if (format !== 'csv' && format !== 'xlsx') throw new CliInputError(`--format 应为 csv 或 xlsx：${format}`);
        if (format === 'xlsx' && options.output === undefined) throw new CliInputError('xlsx 须以 -o 指定输出文件');
        const [{ exportRegister }, { registerFile }] = await Promise.all([import('../register/exportRegister.ts'), import('../register/write.ts')]);
        const reveal = options.fullPersonalData === undefined ? undefined : { reason: options.fullPersonalData };
        const exported = await withDatabase(({ db, key, actor }) => exportRegister(db, actor, key(), { agencyCode: options.agency, year: Number(options.year), reveal }));
        const bytes = await registerFile(format, exported.headers, exported.rows);
        if (options.output === undefined) {
          process.stdout.write(bytes);
          return;
        }
        writeFileAtomic(options.output, bytes);
        process.stderr.write(`已导出${exported.agency.name}${exported.year}年度申请台账 ${exported.rows.length} 件到 ${options.output}${exported.revealed ? '（含完整个人信息，已记入审计日志）' : '（申请人已遮蔽）'}\n`);
      }),
    );
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
