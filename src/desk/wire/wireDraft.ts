import type { Agency, Block } from '../../news/article.js';
import { type ArticleInput, blockInputsOf, LIMITS } from '../../news/articleFieldRules.js';
import type { Actor } from '../../news/roles.js';
import { canonicalTag } from '../../news/tag.js';
import type { WireItem } from '../../news/wireItem.js';
import { type Outcome, refusal } from '../../shared/outcome.js';
import type { WireInboxStore } from '../../store/wire/wireInboxStore.js';
import type { ArticleDesk } from '../articles/articleDesk.js';

const AGENCIES: readonly Agency[] = ['AFP', 'Reuters', 'APP'];

/**
 * A wire item as the article form's input: agency byline, dateline, tags from
 * subjects and keywords, summary and body, each cut to the article's limits
 * so the draft always saves; the editor trims the rest by hand.
 */
export function draftInputOf(item: WireItem, sectionSlug: string): ArticleInput {
  const body = item.body
    .filter((block) => block.type !== 'image')
    .slice(0, LIMITS.blocks)
    .map(cutBlock);
  const firstText = body.find((block) => block.type === 'paragraph')?.text ?? item.headline;
  return {
    headline: cut(item.headline, LIMITS.headline),
    summary: cut(item.summary ?? firstText, LIMITS.summary),
    sectionSlug,
    byline: cut(bylineOf(item), LIMITS.byline),
    dateline: cut(item.dateline?.place ?? item.dateline?.text ?? '', LIMITS.dateline),
    body: blockInputsOf(body),
    tags: tagsOf(item),
    printPage: '',
    seoTitle: '',
    seoDescription: '',
  };
}

/** The agency's byline when the paper carries that agency; otherwise the writers named, else the agency's name. */
function bylineOf(item: WireItem): string {
  const agency = AGENCIES.find((known) => known.toLowerCase() === item.agency.trim().toLowerCase());
  return agency ?? item.bylines[0] ?? item.agency;
}

function tagsOf(item: WireItem): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const name of [...item.subjects.flatMap((subject) => subject.name ?? []), ...item.keywords]) {
    const tag = name.trim().slice(0, LIMITS.tagName);
    const key = tagKey(tag);
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
    if (tags.length === LIMITS.tags) break;
  }
  return tags;
}

/** The tag's canonical slug, or null for a name with nothing to make a tag of. */
function tagKey(name: string): string | null {
  try {
    return canonicalTag(name).slug;
  } catch {
    return null;
  }
}

function cutBlock(block: Block): Block {
  switch (block.type) {
    case 'paragraph':
    case 'subheading':
    case 'quote':
      // Marks past the cut would point outside the text: a cut block keeps its words, not its marks.
      if (block.text.length <= LIMITS.blockText) {
        return block;
      } else {
        const { marks: _dropped, ...plain } = block;
        return { ...plain, text: cut(block.text, LIMITS.blockText) };
      }
    case 'list':
      return { ...block, items: block.items.slice(0, LIMITS.listItems) };
    default:
      return block;
  }
}

/** At most `max` characters, ending at a word where one is near. */
function cut(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const head = trimmed.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

export interface WireDraftDeps {
  readonly desk: ArticleDesk;
  readonly wire: Pick<WireInboxStore, 'get' | 'linkArticle'>;
  readonly now: () => Date;
}

/** "Create draft": the item's current version as a new draft, linked to the item and version it came from. */
export async function createDraftFromWire(
  deps: WireDraftDeps,
  actor: Actor,
  request: { readonly itemId: number; readonly sectionSlug: string },
): Promise<Outcome<{ readonly articleId: number; readonly version: number }>> {
  const held = await deps.wire.get(request.itemId);
  if (held === null) return refusal('not-found', 'There is no such wire item.');
  if (held.entry.killedAt !== null) {
    return refusal('conflict', 'The agency killed this item: it may not be used.');
  }
  const { item } = held;
  const created = await deps.desk.create(
    actor,
    draftInputOf(item, request.sectionSlug),
    `From ${item.agency} item ${item.agencyId} version ${held.entry.version}`,
  );
  if (!created.ok) return created;
  await deps.wire.linkArticle({
    articleId: created.value.id,
    itemId: request.itemId,
    version: held.entry.version,
    at: deps.now(),
  });
  return { ok: true, value: { articleId: created.value.id, version: held.entry.version } };
}
