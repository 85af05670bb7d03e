import type { BlockInput } from '../../news/articleFieldRules.js';
import type { FieldProblem } from '../../shared/outcome.js';

/** What checking a body's references needs: the media library and the published stories. */
export interface BlockReferenceLookups {
  /** The library pictures of these ids that exist, by id. */
  readonly media: (ids: readonly number[]) => Promise<ReadonlyMap<number, { readonly alt: string }>>;
  /** The headline of a published article, or null when there is none or it is not published. */
  readonly publishedHeadline: (articleId: number) => Promise<string | null>;
}

export interface ResolvedBlocks {
  readonly blocks: readonly BlockInput[];
  /** Keyed `body.{index}`, like the article rules' own block errors. */
  readonly errors: readonly FieldProblem[];
}

/**
 * Ties image and related-link blocks to what they name, before the article
 * rules check the body: a picture must be in the library (its library alt
 * stands in for an empty one), and a related link must point at a published
 * story, whose headline is stored with the link so readers see the real one.
 */
export async function resolveBlockReferences(
  blocks: readonly BlockInput[],
  lookups: BlockReferenceLookups,
): Promise<ResolvedBlocks> {
  const mediaIds = blocks.flatMap((block) => (block.type === 'image' && isId(block.mediaId) ? [block.mediaId] : []));
  const media = mediaIds.length > 0 ? await lookups.media(mediaIds) : new Map<number, { readonly alt: string }>();
  const errors: FieldProblem[] = [];
  const resolved: BlockInput[] = [];
  for (const [index, block] of blocks.entries()) {
    const field = `body.${index}`;
    if (block.type === 'image' && isId(block.mediaId)) {
      const asset = media.get(block.mediaId);
      if (asset === undefined) {
        errors.push({ field, message: `There is no picture ${block.mediaId} in the media library.` });
      } else if (typeof block.alt !== 'string' || block.alt.trim() === '') {
        resolved.push({ ...block, alt: asset.alt });
        continue;
      }
    } else if (block.type === 'relatedLink' && isId(block.articleId)) {
      const headline = await lookups.publishedHeadline(block.articleId);
      if (headline === null) {
        errors.push({ field, message: `Article ${block.articleId} is not published; link only to published stories.` });
      } else {
        resolved.push({ ...block, headline });
        continue;
      }
    }
    resolved.push(block);
  }
  return { blocks: resolved, errors };
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
