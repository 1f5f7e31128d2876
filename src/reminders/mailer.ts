/** E-mail through nodemailer, when SMTP is configured (GONGKAI_SMTP_URL, GONGKAI_MAIL_FROM). */
import { createRequire } from 'node:module';
import type nodemailerModule from 'nodemailer';

// Loaded when a mailer is configured, not at every start (memory and start time, issue 14).
const loadNodemailer = () => createRequire(import.meta.url)('nodemailer') as typeof nodemailerModule;

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** A mailer over SMTP, e.g. `smtp://user:pass@mail.example.cn:587`. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = loadNodemailer().createTransport(url);
  return {
    send: async (mail) => {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

/** The configured mailer, or undefined when GONGKAI_SMTP_URL is not set (reminders then stay in the console). */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | undefined {
  const url = env['GONGKAI_SMTP_URL'];
  if (url === undefined || url === '') return undefined;
  return smtpMailer(url, env['GONGKAI_MAIL_FROM'] ?? 'gongkai@localhost');
}
