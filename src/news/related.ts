/** The article a reader is on: its id, canonical tag slugs and publication time. */
export interface RelatedSubject {
  readonly id: number;
  readonly tags: readonly string[];
  readonly publishedAt: Date;
}

/** What ranking needs from a candidate; callers pass richer records (e.g. summaries plus tag slugs). */
export interface RelatedCandidate {
  readonly id: number;
  readonly tagSlugs: readonly string[];
  readonly publishedAt: Date;
}

/**
 * Orders candidates as related stories for `article`: most shared tags first,
 * then closest in publication time (a story from the same days reads as
 * related, one from last year less so), the newer first when equally close,
 * then lower id so the order is stable. Never returns the article itself or
 * the same id twice. Candidates sharing no tag still rank, last, so a short
 * list can be filled with stories from the same days.
 */
export function rankRelated<C extends RelatedCandidate>(
  article: RelatedSubject,
  candidates: readonly C[],
  limit: number,
): C[] {
  const max = Math.floor(limit);
  if (!(max > 0)) return [];
  const subjectTags = new Set(article.tags);
  const subjectTime = article.publishedAt.getTime();
  const seen = new Set<number>([article.id]);
  const scored: { candidate: C; shared: number; distance: number; time: number }[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    const time = candidate.publishedAt.getTime();
    scored.push({
      candidate,
      shared: new Set(candidate.tagSlugs.filter((slug) => subjectTags.has(slug))).size,
      distance: Math.abs(time - subjectTime),
      time,
    });
  }
  scored.sort(
    (a, b) => b.shared - a.shared || a.distance - b.distance || b.time - a.time || a.candidate.id - b.candidate.id,
  );
  return scored.slice(0, max).map((entry) => entry.candidate);
}
