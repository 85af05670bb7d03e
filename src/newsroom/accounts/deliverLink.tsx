import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AccountLinkOffer, accountLinkMail } from '../../news/accountLinkMail.js';
import type { Actor } from '../../news/roles.js';
import type { AdminContext } from '../http/adminContext.js';
import { sendAdminPage } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import { LinkMadePage } from './LinkMadePage.js';
import { LinkSentPage } from './LinkSentPage.js';
import { linkAddress } from './linkAddress.js';

/** How a link reached its person: shown to the admin (no mail server), mailed, or shown because mailing failed. */
export type LinkDelivery = 'shown' | 'mailed' | 'mail-failed';

/** A one-time link just made, and the words around it on the admin's page. */
export interface MadeLink {
  readonly path: string;
  /** Whom the mail goes to, and what it offers them. */
  readonly mail: AccountLinkOffer;
  readonly title: string;
  readonly purpose: string;
  readonly backPath: string;
  readonly backLabel: string;
}

/**
 * Passes a link on: with a mail server, mails it to its person and tells the
 * admin where it went; without one, or when the mail fails, shows it to the
 * admin to pass on by hand (a failure says why). The link works either way.
 */
export async function deliverLink(
  ctx: AdminContext,
  request: FastifyRequest,
  link: Pick<MadeLink, 'path' | 'mail'>,
): Promise<{ readonly delivery: LinkDelivery; readonly reason?: string }> {
  if (ctx.linkMailer === null) return { delivery: 'shown' };
  const address = linkAddress(ctx, request, link.path);
  if (!/^https?:\/\//.test(address)) {
    return { delivery: 'mail-failed', reason: 'the link has no origin to mail (set --public-url)' };
  }
  const outcome = await ctx.linkMailer.send(accountLinkMail(link.mail, address));
  if (outcome.ok) return { delivery: 'mailed' };
  ctx.logger.warn({ reason: outcome.reason }, 'a one-time link could not be mailed; it was shown to the admin');
  return { delivery: 'mail-failed', reason: outcome.reason };
}

/** The admin's page after `deliverLink`: where the mail went, or the link itself. */
export function sendLinkPage(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  link: MadeLink,
  delivered: { readonly delivery: LinkDelivery; readonly reason?: string },
) {
  reply.header('referrer-policy', 'no-referrer');
  const common = {
    actor,
    csrfToken: csrfTokenFor(reply),
    title: link.title,
    purpose: link.purpose,
    expiresAt: link.mail.expiresAt,
    backPath: link.backPath,
    backLabel: link.backLabel,
  };
  if (delivered.delivery === 'mailed') return sendAdminPage(reply, <LinkSentPage {...common} to={link.mail.to} />);
  return sendAdminPage(
    reply,
    <LinkMadePage
      {...common}
      address={linkAddress(ctx, request, link.path)}
      {...(delivered.delivery === 'mail-failed'
        ? {
            flash: {
              kind: 'error' as const,
              message: `The mail to ${link.mail.to} was not sent: ${delivered.reason ?? 'no reason given'}. The link below works all the same: pass it on yourself.`,
            },
          }
        : {})}
    />,
  );
}
