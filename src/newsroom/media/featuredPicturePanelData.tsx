import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { callerOf } from '../../desk/articles/articleDesk.js';
import { storyPicture } from '../../news/featuredImage.js';
import type { Actor } from '../../news/roles.js';
import { mayEdit } from '../../news/workflow.js';
import type { EditorialArticle } from '../../store/articles/articleWorkflow.js';
import type { AdminContext } from '../http/adminContext.js';
import { csrfTokenFor } from '../http/csrf.js';
import { FeaturedPicturePanel } from './FeaturedPicturePanel.js';

/** Pictures offered in the panel's select; the library page searches the rest. */
const CHOICES = 100;

/** The editor's featured-picture panel for a saved story; null on a site without a media library. */
export async function featuredPicturePanel(
  ctx: AdminContext,
  reply: FastifyReply,
  actor: Actor,
  article: EditorialArticle,
): Promise<VNode | null> {
  const library = ctx.media;
  if (library === undefined) return null;
  const [featured, recent] = await Promise.all([
    ctx.frontPage.featuredImage(article.id),
    library.list({ limit: CHOICES }),
  ]);
  const asset = featured === null ? null : await library.get(featured.mediaId);
  const current = featured === null || asset === null ? null : storyPicture(featured, asset);
  return (
    <FeaturedPicturePanel
      articleId={article.id}
      csrfToken={csrfTokenFor(reply)}
      current={current}
      choices={recent.items}
      editable={mayEdit(callerOf(actor, article), article.status)}
    />
  );
}
