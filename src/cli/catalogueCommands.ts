/**
 * `gongkai catalogue …` — the 政府信息公开目录 from the command line: import an old site (CSV/XLSX/JSON plus
 * attachment files, all or nothing), list, publish, correct, repeal, withdraw, the Art. 26 late list and the
 * Art. 44 queue. Commands act as the system (`system:cli`) and are audited like the API's.
 */
import type { Command } from 'commander';
import { withDatabase } from './database.ts';
import { printJson } from './io.ts';
import { action } from './run.ts';
import { ValidationError } from '../shared/domainError.ts';
import { CORRECTABLE_FIELDS } from '../catalogue/documentInput.ts';

/** `field=value` arguments as a record; one without `=` is refused naming it. */
export function fieldAssignments(args: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const bad = args.filter((a) => !/^[A-Za-z]+=/.test(a));
  if (bad.length > 0) throw new ValidationError('--set', bad.map((a) => ({ path: 'set', rule: 'field=value', message: `应为 字段=值，得到「${a}」` })));
  for (const a of args) {
    const i = a.indexOf('=');
    out[a.slice(0, i)] = a.slice(i + 1);
  }
  return out;
}

export function registerCatalogueCommands(program: Command): void {
  const cat = program.command('catalogue').description('政府信息公开目录：导入、列表、发布、废止、撤回、逾期清单、依申请转主动 (the disclosure catalogue)');
  cat
    .command('import')
    .description('导入旧网站的文件（CSV/XLSX/JSON）：全部有效才写入，任何一行有误则一件也不写入，逐行列出问题')
    .argument('<file>', '.csv、.xlsx 或 .json（表头：标题、发文字号、成文日期、发布日期、类别、主题分类、文件类型、有效性、有效性变更日期、内容概述、正文、主题词、索引号、附件 …）')
    .requiredOption('--agency <code>', '机关代码')
    .option('--files <dir>', '附件所在目录（“附件”列写文件名，多个用 ; 分隔）')
    .option('--json', '输出 JSON')
    .action(
      action(async (file: string, options: { agency: string; files?: string; json?: boolean }) => {
        const [{ importCatalogue, importFormatOf }, { readFile }, { DiskFileStore }, { dataDirFromEnv }, path] = await Promise.all([
          import('../catalogue/importCatalogue.ts'),
          import('node:fs/promises'),
          import('../requests/fileStore.ts'),
          import('../db/open.ts'),
          import('node:path'),
        ]);
        const format = importFormatOf(file);
        if (format === undefined) {
          const { ValidationError } = await import('../shared/domainError.ts');
          throw new ValidationError('导入文件', [{ path: 'file', rule: 'format', message: '文件应为 .csv、.xlsx 或 .json' }]);
        }
        const bytes = await readFile(file);
        const result = await withDatabase(({ db, actor }) =>
          importCatalogue({ db, actor }, new DiskFileStore(path.join(dataDirFromEnv(), 'files')), { agencyCode: options.agency, bytes, format, filesDir: options.files }),
        );
        if (options.json) return printJson(result);
        process.stdout.write(`已导入 ${result.imported} 件文件（附件 ${result.attachments} 个）到 ${options.agency}\n`);
      }),
    );
  cat
    .command('list')
    .description('列出文件（默认已发布的）')
    .requiredOption('--agency <code>', '机关代码')
    .option('--status <status>', 'draft | published | withdrawn', 'published')
    .option('--json', '输出 JSON')
    .action(
      action(async (options: { agency: string; status: string; json?: boolean }) => {
        const { listDocuments } = await import('../catalogue/queries.ts');
        const { getAgencyByCode } = await import('../agencies/agencies.ts');
        const items = await withDatabase(async ({ db }) => {
          const agency = await getAgencyByCode(db, options.agency, 'agency');
          const out = [];
          for (let page = 1; ; page++) {
            const r = await listDocuments(db, { agencyId: agency.id, status: options.status, page, pageSize: 100 });
            out.push(...r.items.map(({ body: _b, ...d }) => d));
            if (page >= r.pages) break;
          }
          return out;
        });
        if (options.json) return printJson(items);
        for (const d of items) process.stdout.write(`${d.indexNumber}\t${d.publishedOn ?? d.writtenOn}\t${d.validityLabel}\t${d.title}\t${d.id}\n`);
      }),
    );
  cat
    .command('publish')
    .description('发布草稿')
    .argument('<id>', '文件 id')
    .requiredOption('--version <n>', '版本号', (v) => Number(v))
    .option('--date <YYYY-MM-DD>', '发布日期（默认今天）')
    .action(
      action(async (id: string, options: { version: number; date?: string }) => {
        const { publishDocument } = await import('../catalogue/publishDocument.ts');
        const d = await withDatabase(({ db, actor }) => publishDocument({ db, actor }, { documentId: id, version: options.version, publishedOn: options.date }));
        process.stdout.write(`已发布 ${d.indexNumber}（${d.publishedOn}）\n`);
      }),
    );
  cat
    .command('correct')
    .description('更正（元数据或正文）：给出的字段替换原值，留痕；索引号不变')
    .argument('<id>', '文件 id')
    .requiredOption('--version <n>', '版本号', (v) => Number(v))
    .requiredOption('--reason <text>', '更正原因')
    .requiredOption('--set <field=value...>', `要更正的字段，如 --set title=新名称 --set docNumber=…（可更正：${CORRECTABLE_FIELDS.join('、')}）`)
    .option('--changed-on <YYYY-MM-DD>', '政府信息变更之日（早于今天时；第二十六条的20个工作日自此起算）')
    .action(
      action(async (id: string, options: { version: number; reason: string; set: string[]; changedOn?: string }) => {
        const { correctDocument } = await import('../catalogue/correctDocument.ts');
        const changes = fieldAssignments(options.set);
        const d = await withDatabase(({ db, actor }) => correctDocument({ db, actor }, { documentId: id, version: options.version, reason: options.reason, changes, changedOn: options.changedOn }));
        process.stdout.write(`已更正 ${d.indexNumber}：${Object.keys(changes).join('、')}（第 ${d.version} 版）\n`);
      }),
    );
  cat
    .command('repeal')
    .description('标注失效、废止或已修订')
    .argument('<id>', '文件 id')
    .requiredOption('--version <n>', '版本号', (v) => Number(v))
    .requiredOption('--validity <v>', 'expired | repealed | revised')
    .requiredOption('--date <YYYY-MM-DD>', '有效性变更日期')
    .action(
      action(async (id: string, options: { version: number; validity: 'expired' | 'repealed' | 'revised'; date: string }) => {
        const { repealDocument } = await import('../catalogue/repealDocument.ts');
        const d = await withDatabase(({ db, actor }) => repealDocument({ db, actor }, { documentId: id, version: options.version, validity: options.validity, changedOn: options.date }));
        process.stdout.write(`${d.indexNumber}：${d.validityLabel}（${d.validityChangedOn}）\n`);
      }),
    );
  cat
    .command('withdraw')
    .description('撤回（从门户下线）')
    .argument('<id>', '文件 id')
    .requiredOption('--version <n>', '版本号', (v) => Number(v))
    .requiredOption('--reason <text>', '撤回原因')
    .action(
      action(async (id: string, options: { version: number; reason: string }) => {
        const { withdrawDocument } = await import('../catalogue/withdrawDocument.ts');
        const d = await withDatabase(({ db, actor }) => withdrawDocument({ db, actor }, { documentId: id, version: options.version, reason: options.reason }));
        process.stdout.write(`已撤回 ${d.indexNumber}\n`);
      }),
    );
  cat
    .command('late')
    .description('《条例》第二十六条：成文或变更后超过20个工作日才发布的，以及至今仍未发布的')
    .requiredOption('--agency <code>', '机关代码')
    .option('--year <year>', '只看某年', (v) => Number(v))
    .option('--json', '输出 JSON')
    .action(
      action(async (options: { agency: string; year?: number; json?: boolean }) => {
        const { lateList } = await import('../catalogue/lateList.ts');
        const late = await withDatabase(({ db, actor }) => lateList(db, actor, options.agency, options.year !== undefined ? { year: options.year } : {}));
        if (options.json) return printJson(late);
        process.stdout.write(`逾期发布 ${late.publishedLate.length} 件，逾期未发布 ${late.waitingLate.length} 件，变更逾期发布 ${late.changedLate.length} 件\n`);
        for (const e of late.publishedLate) process.stdout.write(`逾期发布\t${e.indexNumber}\t成文 ${e.writtenOn}\t应于 ${e.art26DueOn}${e.provisional ? '（暂定）' : ''}前\t发布 ${e.publishedOn}\t${e.title}\n`);
        for (const e of late.changedLate) process.stdout.write(`变更逾期发布\t${e.indexNumber}\t${e.change === 'corrected' ? '更正' : '有效性变更'} ${e.changedOn}\t应于 ${e.art26DueOn}${e.provisional ? '（暂定）' : ''}前\t发布 ${e.recordedOn}\t${e.title}\n`);
        for (const e of late.waitingLate) process.stdout.write(`逾期未发布\t${e.indexNumber}\t成文 ${e.writtenOn}\t应于 ${e.art26DueOn}${e.provisional ? '（暂定）' : ''}前\t${e.title}\n`);
      }),
    );
  cat
    .command('proposals')
    .description('依申请转主动建议（先按答复结果更新队列）')
    .requiredOption('--agency <code>', '机关代码')
    .option('--json', '输出 JSON')
    .action(
      action(async (options: { agency: string; json?: boolean }) => {
        const { listProposals, refreshProposals } = await import('../catalogue/proposals.ts');
        const items = await withDatabase(async ({ db, actor, key }) => {
          await refreshProposals({ db, actor, key: key() }, options.agency);
          return listProposals(db, actor, options.agency);
        });
        if (options.json) return printJson(items);
        process.stdout.write(`待处理 ${items.length} 条\n`);
        for (const p of items) process.stdout.write(`${p.id}\t${p.source}\t${p.applicationIds.length} 件申请\t${p.description}\n`);
      }),
    );
}
