import { articleChanged } from '../../bus/contentChange.js';
import type { DeskContext } from '../deskContext.js';
import { ArticleDesk } from './articleDesk.js';

/**
 * The desk the admin routes use. Changes are announced on the bus, which the
 * reader site listens to (on every web node when the bus is Redis).
 */
export function deskFor(ctx: Pick<DeskContext, 'workflow' | 'audit' | 'bus' | 'now' | 'media'>): ArticleDesk {
  return new ArticleDesk({
    workflow: ctx.workflow,
    audit: ctx.audit,
    announce: (change) => ctx.bus.publish('content.changed', articleChanged(change)),
    now: ctx.now,
    ...(ctx.media !== undefined ? { media: ctx.media } : {}),
  });
}
