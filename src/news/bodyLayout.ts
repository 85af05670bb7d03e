/** One item of an article body as laid out for reading: a body block or an inline related-story link. */
export type BodyItem<B, R> =
  | { readonly kind: 'block'; readonly block: B }
  | { readonly kind: 'related'; readonly article: R };

export interface InterleaveOptions {
  /** A related link goes after every `every`-th paragraph; 3 by default. */
  readonly every?: number;
}

const DEFAULT_EVERY = 3;

/**
 * Places inline related-story links between body paragraphs, as the
 * reference page sets related headlines between its paragraphs: one after
 * paragraph 3, 6, 9… Only paragraphs count (subheadings and quotes do not),
 * a link never comes before the first paragraph nor after the last one, and
 * each related article is used at most once, in the order given.
 */
export function interleaveRelated<B extends { readonly type: string }, R>(
  blocks: readonly B[],
  related: readonly R[],
  options: InterleaveOptions = {},
): BodyItem<B, R>[] {
  const every = options.every ?? DEFAULT_EVERY;
  if (!Number.isInteger(every) || every < 1) {
    throw new RangeError(`every must be a positive integer, got ${every}`);
  }
  const paragraphTotal = blocks.filter((block) => block.type === 'paragraph').length;
  const items: BodyItem<B, R>[] = [];
  let paragraphsSeen = 0;
  let nextRelated = 0;
  for (const block of blocks) {
    items.push({ kind: 'block', block });
    if (block.type !== 'paragraph') continue;
    paragraphsSeen++;
    const due = paragraphsSeen % every === 0 && paragraphsSeen < paragraphTotal;
    const article = related[nextRelated];
    if (due && article !== undefined) {
      items.push({ kind: 'related', article });
      nextRelated++;
    }
  }
  return items;
}
