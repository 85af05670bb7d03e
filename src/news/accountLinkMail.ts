import type { Role } from './roles.js';

/** A one-time link to be mailed: a password reset for an account, or an invitation to an address. */
export type AccountLinkOffer =
  | {
      readonly kind: 'reset';
      readonly to: string;
      /** The account holder's name, to greet them. */
      readonly name: string;
      readonly expiresAt: Date;
    }
  | {
      readonly kind: 'invitation';
      readonly to: string;
      readonly role: Role;
      readonly expiresAt: Date;
    };

/** One mail, ready for any transport: plain text for every reader, and the same words as simple HTML. */
export interface AccountLinkMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * The mail carrying a reset link or an invitation. It names the site by the
 * link's host, so a person with accounts on several sites knows which one, and
 * says plainly when the link stops working and what to do if it was not asked for.
 */
export function accountLinkMail(input: AccountLinkOffer, address: string): AccountLinkMail {
  const site = new URL(address).host;
  const until = `${input.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const lines =
    input.kind === 'reset'
      ? {
          subject: `Reset your newsroom password at ${site}`,
          greeting: `Hello ${input.name},`,
          body: `An administrator of the newsroom at ${site} made this link for you to choose a new password. Using it signs you out everywhere.`,
          action: 'Choose a new password',
          after: `It works once, until ${until}. If you did not expect it, do nothing: your password stays as it is.`,
        }
      : {
          subject: `You are invited to the newsroom at ${site}`,
          greeting: 'Hello,',
          body: `An administrator of the newsroom at ${site} invites ${input.to} to join as ${input.role}. With this link you choose your name and password.`,
          action: 'Accept the invitation',
          after: `It works once, until ${until}. If you did not expect it, do nothing: no account is made.`,
        };
  const text = [lines.greeting, '', lines.body, '', address, '', lines.after, ''].join('\n');
  const html = [
    '<!doctype html>',
    `<html><body style="font-family: sans-serif; line-height: 1.5">`,
    `<p>${escapeHtml(lines.greeting)}</p>`,
    `<p>${escapeHtml(lines.body)}</p>`,
    `<p><a href="${escapeHtml(address)}">${escapeHtml(lines.action)}</a></p>`,
    `<p>Or copy this address into your browser:<br>${escapeHtml(address)}</p>`,
    `<p>${escapeHtml(lines.after)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return { to: input.to, subject: lines.subject, text, html };
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
