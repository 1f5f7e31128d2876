import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import { rmSync } from 'node:fs';
import { UnreadableReportError } from '../errors.ts';
import { listReportFiles, parseOne, summarize } from './bulk.ts';
import { parseReportText } from './parseReport.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-parse-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function pdf(options: ConstructorParameters<typeof PDFDocument>[0], draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

async function reason(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, content);
  const result = await parseOne(path);
  assert.equal(result.ok, false, `${name} should fail`);
  return result.ok ? '' : result.reason;
}

describe('bad input: a clear reason per file, never a throw out of the bulk runner', () => {
  it('an empty file', async () => assert.match(await reason('empty.txt', ''), /empty file/));

  it('binary garbage', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    assert.match(await reason('garbage.txt', bytes), /binary data/);
  });

  it('a web page that holds no report', async () => {
    assert.match(await reason('page.html', '<html><head><title>首页</title></head><body><p>欢迎访问</p><table><tr><td>1</td></tr></table></body></html>'), /not a 政府信息公开工作年度报告/);
  });

  it('a .pdf that is not a PDF', async () => assert.match(await reason('fake.pdf', 'hello'), /not a PDF file/));

  it('a truncated PDF', async () => {
    const bytes = await pdf({}, (d) => d.text('hello'));
    assert.match(await reason('cut.pdf', bytes.subarray(0, 200)), /PDF/);
  });

  it('an encrypted PDF', async () => {
    const bytes = await pdf({ userPassword: 'secret', ownerPassword: 'owner' }, (d) => d.text('hello'));
    assert.match(await reason('locked.pdf', bytes), /encrypted/);
  });

  it('a PDF with no text layer', async () => {
    const bytes = await pdf({}, (d) => d.rect(10, 10, 100, 100).fill('#000'));
    assert.match(await reason('scan.pdf', bytes), /no text layer/);
  });

  it('a .docx that is not a Word file', async () => assert.match(await reason('fake.docx', 'PK\u0003\u0004nonsense'), /Word|docx/));

  it('an old .doc', async () => assert.match(await reason('old.doc', 'x'), /\.docx/));

  it('a report on a year before the national templates', () => {
    const text = '某局2015年政府信息公开工作年度报告\n本年新收政府信息公开申请数量 1\n上年结转政府信息公开申请数量 0\n予以公开 1\n属于国家秘密 0\n本机关不掌握相关政府信息 0\n信访举报投诉类申请 0\n结转下年度继续办理 0';
    assert.throws(() => parseReportText(text), (e: unknown) => e instanceof UnreadableReportError && /2015/.test(e.message));
  });

  it('a missing path and a directory walk', async () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'a.txt'), '');
    writeFileSync(join(sub, 'ignored.json'), '{}');
    const { files, missing } = await listReportFiles([sub, join(dir, 'nope')]);
    assert.deepEqual(files, [join(sub, 'a.txt')]);
    assert.equal(missing.length, 1);
    const results = [...missing, ...(await Promise.all(files.map((f) => parseOne(f))))];
    assert.deepEqual(summarize(results), { parsed: 0, withArithmeticErrors: 0, failed: 2 });
  });
});
