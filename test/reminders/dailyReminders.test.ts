/**
 * The working-day morning reminder: once per day even when two servers run it at the same moment, in the
 * console (GET /notifications) and by e-mail through a local SMTP server the test starts; nothing on a
 * day off; a user without an e-mail address gets the console notice only.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { users } from '../../src/db/schema.ts';
import { sendDailyReminders } from '../../src/reminders/dailyReminders.ts';
import { smtpMailer } from '../../src/reminders/mailer.ts';
import type { Mailer } from '../../src/reminders/mailer.ts';
import { startScheduler } from '../../src/reminders/scheduler.ts';
import { personInput } from '../support/fixtures.ts';
import { startTestApp } from '../support/http.ts';
import type { TestApp } from '../support/http.ts';

/** The text of a received single-part message (base64 or quoted-printable, as nodemailer chooses). */
function mailBody(data: string): string {
  const split = data.indexOf('\r\n\r\n');
  const head = data.slice(0, split);
  const body = data.slice(split + 4);
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => `%${h}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

interface Received {
  to: string[];
  data: string;
}

describe('daily reminders', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  let mailer: Mailer;
  const inbox: Received[] = [];
  let receiptCode = '';
  let applicationId = '';

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    mailer = smtpMailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`, 'gongkai@example.cn');

    t = await startTestApp({ mailer });
    await t.db.db.update(users).set({ email: 'clerk@example.cn' }).where(eq(users.username, 'clerk'));
    const clerk = await t.as('clerk');
    t.today.value = '2020-09-01';
    const res = await clerk.post('/api/v1/applications', { ...personInput(), agencyCode: 'gjxfj', channel: 'post', receivedOn: '2020-09-01' });
    assert.equal(res.status, 201);
    receiptCode = res.json<{ receiptCode: string }>().receiptCode;
    applicationId = res.json<{ application: { id: string } }>().application.id;
  });
  after(async () => {
    mailer.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await t.close();
  });

  it('does nothing on a day off', async () => {
    const r = await sendDailyReminders(t.db.db, { today: '2020-10-03', mailer }); // 国庆节
    assert.equal(r.ran, false);
  });

  it('runs once when two servers try at the same moment, in the console and by e-mail', async () => {
    // due 2020-09-29: on Friday 2020-09-25 it is due within 3 working days (Sun 09-27 is a 调休 workday)
    const [a, b] = await Promise.all([sendDailyReminders(t.db.db, { today: '2020-09-25', mailer }), sendDailyReminders(t.db.db, { today: '2020-09-25', mailer })]);
    assert.deepEqual([a.ran, b.ran].sort(), [false, true]);
    const ran = a.ran ? a : b;
    assert.deepEqual(ran.mailErrors, []);
    assert.ok(ran.notified >= 2, 'the clerk, clerk2 and the head of gjxfj');
    assert.equal(ran.emailed, 1, 'only the clerk has an e-mail address');
    assert.equal(inbox.length, 1);
    assert.deepEqual(inbox[0]?.to, ['clerk@example.cn']);
    const again = await sendDailyReminders(t.db.db, { today: '2020-09-25', mailer });
    assert.equal(again.ran, false, 'a second run the same day does nothing');

    const clerk = await t.as('clerk');
    const items = (await clerk.get('/api/v1/notifications')).json<{ items: { title: string; body: string; emailed: boolean; cases: { receiptCode: string }[] }[] }>().items;
    assert.equal(items.length, 1);
    assert.match(items[0]?.title ?? '', /2020-09-25 办理提醒：已逾期 0 件，3个工作日内到期 1 件/);
    assert.deepEqual(items[0]?.cases.map((c) => c.receiptCode), [receiptCode]);
    assert.equal(items[0]?.emailed, true);
    const head = await t.as('head');
    assert.equal((await head.get('/api/v1/notifications')).json<{ items: { emailed: boolean }[] }>().items[0]?.emailed, false);
    const other = await t.as('otherclerk');
    assert.equal((await other.get('/api/v1/notifications')).json<{ items: unknown[] }>().items.length, 0, 'another agency has nothing due');
  });

  it('the scheduler sends the morning reminder from 8 o’clock China time, once', async () => {
    const runs: boolean[] = [];
    const early = startScheduler({ db: t.db.db, mailer, intervalMs: 3_600_000, now: () => new Date('2020-09-28T23:30:00Z'), onRun: (r) => runs.push(r.ran) }); // 07:30 on 09-29
    await early.tick();
    early.stop();
    assert.equal(runs.length, 0, 'not before 8 o’clock');
    const s = startScheduler({ db: t.db.db, mailer, intervalMs: 3_600_000, now: () => new Date('2020-09-29T00:30:00Z'), onRun: (r) => runs.push(r.ran) }); // 08:30
    await s.tick();
    await s.tick();
    s.stop();
    assert.deepEqual(runs, [true]);
    assert.equal(inbox.length, 2);
    assert.match(inbox[1]?.data ?? '', /Subject:/);
  });

  it('tells the applicant by e-mail when the case needs them (a fee to pay) and when it is answered', async () => {
    const clerk = await t.as('clerk');
    const before = inbox.length;
    let version = (await clerk.get(`/api/v1/applications/${applicationId}`)).json<{ version: number }>().version;
    t.today.value = '2020-09-25';
    const asked = await clerk.post(`/api/v1/applications/${applicationId}/send-fee-notice`, { version, date: '2020-09-25', method: 'per-volume', pages: 40, payment: '通过非税收入缴款书缴纳' });
    assert.equal(asked.status, 200, JSON.stringify(asked.body));
    version = asked.json<{ application: { version: number } }>().application.version;
    const consulted = await clerk.post(`/api/v1/applications/${applicationId}/receive-fee`, { version, date: '2020-09-25' });
    assert.equal(consulted.status, 200, JSON.stringify(consulted.body));
    version = consulted.json<{ application: { version: number } }>().application.version;
    const answered = await clerk.post(`/api/v1/applications/${applicationId}/answer`, { version, date: '2020-09-25', outcome: 'granted', facts: { grantBasis: 'disclosed', provision: '电子文件于2020年9月25日发送至申请人电子邮箱' } });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    const mails = inbox.slice(before);
    assert.deepEqual(mails.map((m) => m.to), [['zhang@example.cn'], ['zhang@example.cn']], 'the fee notice and the answer; receiving the fee is not announced');
    assert.ok(mails.every((m) => mailBody(m.data).includes(`受理编号 ${receiptCode}`)), 'the mails name the receipt code');
  });
});
