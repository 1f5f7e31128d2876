/** `gongkai catalogue import|list|correct|late` end to end on a PGlite data directory: all or nothing, errors by row, exit codes. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';

describe('gongkai catalogue', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gk-cat-'));
    mkdirSync(path.join(dir, 'files'));
    writeFileSync(path.join(dir, 'files', 'a.pdf'), '%PDF-1.4\n%%EOF\n');
    writeFileSync(path.join(dir, 'files', 'fake.pdf'), 'not a pdf');
    env = { GONGKAI_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
    assert.equal(runCli(['agency', 'add', '--code', 'demo', '--name', '示例局'], { env }).status, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const header = '标题,发文字号,成文日期,发布日期,类别,主题分类,文件类型,有效性,有效性变更日期,正文,附件';

  it('refuses a file with problems, naming each row, and imports nothing', () => {
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, [header, '好的一行,,2019-03-01,2019-03-05,（一）,综合,规范性文件,有效,,正文,a.pdf', '坏的一行,,2019-02-30,2019-03-05,（一）,综合,其他,有效,,正文,', '假附件,,2019-03-01,2019-03-05,（一）,综合,其他,有效,,正文,fake.pdf'].join('\n'));
    const r = runCli(['catalogue', 'import', file, '--agency', 'demo', '--files', path.join(dir, 'files')], { env });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /第3行\.writtenOn/);
    assert.match(r.stderr, /第4行\.attachments: 附件「fake\.pdf」：文件内容与扩展名「\.pdf」不符/);
    assert.equal(runCli(['catalogue', 'list', '--agency', 'demo', '--json'], { env }).stdout.trim(), '[]');
  });

  it('imports a good file with its attachments, lists it, and reports the Art. 26 late list', () => {
    const file = path.join(dir, 'old.csv');
    writeFileSync(file, [header, '旧网站文件一,旧发〔2019〕1号,2019-03-01,2019-03-05,（一）,综合政务,规范性文件,有效,,正文一,a.pdf', '旧网站文件二,,2019-06-03,2019-08-30,（七）,财政,其他,失效,2020-01-01,正文二,'].join('\n'));
    const r = runCli(['catalogue', 'import', file, '--agency', 'demo', '--files', path.join(dir, 'files'), '--json'], { env });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { imported: 2, attachments: 1 });
    const list = JSON.parse(runCli(['catalogue', 'list', '--agency', 'demo', '--json'], { env }).stdout) as { indexNumber: string; title: string }[];
    assert.deepEqual(list.map((d) => d.indexNumber).sort(), ['demo/2019-00001', 'demo/2019-00002']);
    const late = JSON.parse(runCli(['catalogue', 'late', '--agency', 'demo', '--json'], { env }).stdout) as { publishedLate: { title: string; art26DueOn: string }[] };
    assert.deepEqual(late.publishedLate.map((e) => [e.title, e.art26DueOn]), [['旧网站文件二', '2019-07-02']]);
  });

  it('corrects a document: a bad --set refused, then the change recorded and counted for Art. 26 from its day', () => {
    const list = JSON.parse(runCli(['catalogue', 'list', '--agency', 'demo', '--json'], { env }).stdout) as { id: string; title: string; version: number; docNumber: string | null }[];
    const doc = list.find((d) => d.title === '旧网站文件一')!;
    assert.equal(runCli(['--version'], { env }).stdout.trim(), '0.1.0');
    const bad = runCli(['catalogue', 'correct', doc.id, '--version', String(doc.version), '--reason', '字号有误', '--set', 'docNumber'], { env });
    assert.equal(bad.status, 2, bad.stderr);
    assert.match(bad.stderr, /set: 应为 字段=值，得到「docNumber」/);
    const unknown = runCli(['catalogue', 'correct', doc.id, '--version', String(doc.version), '--reason', '字号有误', '--set', 'indexNumber=x'], { env });
    assert.equal(unknown.status, 2, unknown.stderr);
    assert.match(unknown.stderr, /changes\.indexNumber: 不能更正的字段/);
    const ok = runCli(['catalogue', 'correct', doc.id, '--version', String(doc.version), '--reason', '字号有误', '--set', 'docNumber=旧发〔2019〕2号', '--changed-on', '2020-03-02'], { env });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^已更正 demo\/2019-00001：docNumber（第 \d+ 版）/);
    const after = (JSON.parse(runCli(['catalogue', 'list', '--agency', 'demo', '--json'], { env }).stdout) as { id: string; docNumber: string | null }[]).find((d) => d.id === doc.id)!;
    assert.equal(after.docNumber, '旧发〔2019〕2号');
    // Changed on 2020-03-02 and published today: far more than 20 working days, so it is a late change.
    const late = JSON.parse(runCli(['catalogue', 'late', '--agency', 'demo', '--json'], { env }).stdout) as { changedLate: { title: string; changedOn: string; change: string }[] };
    assert.deepEqual(late.changedLate.map((c) => [c.title, c.change, c.changedOn]), [['旧网站文件一', 'corrected', '2020-03-02']]);
  });
});
