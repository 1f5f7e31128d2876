import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'reports');
const CLI = join(import.meta.dirname, 'reportCommands.cli.ts');
let out = '';
let err = '';

async function gongkai(...args: string[]): Promise<number> {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'report', ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  out = result.stdout;
  err = result.stderr;
  return result.status ?? -1;
}

describe('gongkai report parse / audit', () => {
  it('one file: one JSON document', async () => {
    assert.equal(await gongkai('parse', join(FIXTURES, 'seed-2020.txt')), 0);
    const report = JSON.parse(out) as { agency: string; provenance: { missing: string[] } };
    assert.equal(report.agency, '国家信访局');
    assert.equal(report.provenance.missing.length, 4);
    assert.match(err, /parsed 1, with arithmetic errors 0, failed 0/);
  });

  it('several files and a bad one: JSON Lines, `PATH: reason`, exit 1', async () => {
    const code = await gongkai('parse', join(FIXTURES, 'seed-2020.txt'), join(FIXTURES, 'pingtan-zrzy-2023.html'), join(FIXTURES, 'nope.pdf'));
    assert.equal(code, 1);
    assert.equal(out.trim().split('\n').length, 2);
    assert.match(err, /nope\.pdf: no such file/);
    assert.match(err, /parsed 2, with arithmetic errors 1, failed 1/);
  });

  it('--csv: a header and one line per report', async () => {
    await gongkai('parse', '--csv', join(FIXTURES, 'pingtan-2022.txt'));
    const [header, line] = out.trim().split('\n');
    const columns = header!.split(',');
    assert.equal(line!.split(',')[columns.indexOf('applications.received.natural_person')], '71');
  });

  it('nothing readable: exit 2', async () => {
    assert.equal(await gongkai('parse', join(FIXTURES, 'README.md')), 2);
  });

  it('audit: a table, exit 1 for a report with findings', async () => {
    assert.equal(await gongkai('audit', join(FIXTURES, 'pingtan-zrzy-2023.html')), 1);
    assert.match(out, /R3 applications\.partially_granted\.total/);
    assert.equal(await gongkai('audit', '--json', join(FIXTURES, 'seed-2020.txt')), 0);
    assert.equal((JSON.parse(out.slice(out.indexOf('{'))) as { reports: unknown[] }).reports.length, 1);
  });
});
