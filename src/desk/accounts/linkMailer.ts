import nodemailer from 'nodemailer';
import type { AccountLinkMail } from '../../news/accountLinkMail.js';

/** What became of one mail: handed to the server, or why not, in words for the admin. */
export type MailOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Sends the mails that carry one-time links; the caller shows the link itself when a send fails. */
export interface LinkMailer {
  send(mail: AccountLinkMail): Promise<MailOutcome>;
}

/** The server and sender, as `--smtp-url` and `--mail-from` give them (src/config.ts checks both). */
export interface SmtpSettings {
  readonly smtpUrl: string;
  readonly from: string;
}

// An admin waits on the send in the request that made the link: a dead server must not hold it for minutes.
const CONNECT_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 20_000;

/**
 * A mailer over SMTP with nodemailer. One connection per mail (links are made
 * a few times a day), so nothing stays open between mails and nothing needs
 * closing. `smtps://` speaks TLS from the start; `smtp://` upgrades with
 * STARTTLS whenever the server offers it.
 */
export function createSmtpLinkMailer(settings: SmtpSettings): LinkMailer {
  const url = new URL(settings.smtpUrl);
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  const transport = nodemailer.createTransport({
    host,
    port,
    secure,
    ...(url.username === ''
      ? {}
      : { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
  const server = `${url.hostname}:${port}`;
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        });
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: failureReason(error, server) };
      }
    },
  };
}

/** nodemailer's error, said for an admin: which server, and what went wrong there. */
function failureReason(error: unknown, server: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'EAUTH':
      return `the mail server ${server} refused the user name and password in --smtp-url (${message})`;
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'ETIMEDOUT':
    case 'EDNS':
    case 'ECONNREFUSED':
      return `the mail server ${server} could not be reached (${message})`;
    case 'EENVELOPE':
      return `the mail server ${server} refused the sender or the recipient (${message})`;
    default:
      return `the mail server ${server} did not take the mail (${message})`;
  }
}
