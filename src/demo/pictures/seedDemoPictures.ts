import type { Focus } from '../../news/featuredImage.js';
import type { NewsStore } from '../../store/articles/newsStore.js';
import type { FrontPageStore } from '../../store/frontPage/frontPageStore.js';
import type { MarketStore } from '../../store/market/marketStore.js';
import type { MediaLibrary } from '../../store/media/mediaLibrary.js';
import { chartSvg } from './chartSvg.js';
import { type DrawPictures, drawPicturesApart } from './drawPictures.js';
import { illustrationSvg } from './illustrationSvg.js';

/** Illustrations drawn per section; stories of a section take them in turn. */
const ILLUSTRATIONS_PER_SECTION = 2;
/** Opinion pieces run without a picture here, so the demo also shows stories that have none. */
const WITHOUT_PICTURES: ReadonlySet<string> = new Set(['opinion']);
const CHART_MONTHS = 3;
const SEEDED_BY = 'Demo';
/** Planned pictures are charts, or illustrations of the section named. */
const CHART_USE = ':chart';

interface DemoChart {
  readonly code: string;
  readonly name: string;
  readonly kind: 'index' | 'stock';
  readonly months: number;
}

const CHARTS: readonly DemoChart[] = [
  { code: 'KSE100', name: 'KSE-100', kind: 'index', months: CHART_MONTHS },
  { code: 'KSE100', name: 'KSE-100', kind: 'index', months: 12 },
  { code: 'KSE30', name: 'KSE-30', kind: 'index', months: CHART_MONTHS },
  { code: 'OGDC', name: 'OGDC', kind: 'stock', months: CHART_MONTHS },
];

export interface DemoPictureDeps {
  readonly store: Pick<NewsStore, 'listArticles' | 'listSections'>;
  readonly frontPage: Pick<FrontPageStore, 'setFeaturedImage'>;
  readonly media: Pick<MediaLibrary, 'add' | 'list'>;
  readonly market: Pick<MarketStore, 'listBarsSince'>;
  readonly now: Date;
  /** How SVG becomes renditions; by default in a child process of its own (drawPictures.ts). */
  readonly draw?: DrawPictures;
}

interface PictureWords {
  readonly alt: string;
  readonly caption: string | null;
  readonly credit: string;
}

/**
 * On a demo site's first start, pictures made here and never fetched: charts
 * of the demo market's own history for market stories, abstract
 * illustrations in each section's colours for the rest, each stored in the
 * media library like an upload (so with every rendition) and set as the
 * featured picture of the stories. Drawn in a short-lived child process
 * (drawPictures.ts), so the server does not keep the image library's memory.
 * Does nothing once the library has a picture. Returns the pictures stored.
 */
export async function seedDemoPictures(deps: DemoPictureDeps): Promise<number> {
  if ((await deps.media.list({ limit: 1 })).total > 0) return 0;
  const { items: stories } = await deps.store.listArticles({ limit: 5000 });
  if (stories.length === 0) return 0;
  // Every picture is described first and drawn in one go, then stored in the same order.
  const planned: { svg: string; words: PictureWords; use: string }[] = [];
  const plan = (svg: string, words: PictureWords, use: string) => planned.push({ svg, words, use });

  for (const chart of CHARTS) {
    const from = new Date(deps.now);
    from.setUTCMonth(from.getUTCMonth() - chart.months);
    const bars = await deps.market.listBarsSince(chart.code, from.toISOString().slice(0, 10));
    if (bars.length < 2) continue;
    const format = chart.kind === 'index' ? indexText : rupeeText;
    const last = bars[bars.length - 1];
    if (last === undefined) continue;
    const period = chart.months === 12 ? 'one year' : `${chart.months} months`;
    plan(
      chartSvg({
        title: chart.kind === 'index' ? `${chart.name} index` : `${chart.name} share price (Rs)`,
        subtitle: `${period} to ${dayText(last.date)} · close ${format(last.close)}`,
        points: bars.map((bar) => ({ date: dayText(bar.date), value: bar.close })),
        format,
      }),
      {
        alt: `Line chart of the ${chart.name} ${chart.kind === 'index' ? 'index' : 'share price'} over ${period}, closing at ${format(last.close)} on ${dayText(last.date)}.`,
        caption: `${chart.name} over ${period}, daily closes.`,
        credit: 'Broadsheet graphics',
      },
      CHART_USE,
    );
  }

  const sections = await deps.store.listSections();
  for (const section of sections) {
    if (WITHOUT_PICTURES.has(section.slug)) continue;
    for (let n = 0; n < ILLUSTRATIONS_PER_SECTION; n += 1) {
      plan(
        illustrationSvg(section.slug, hashOf(`${section.slug}:${n}`)),
        {
          alt: `Abstract illustration in the colours of the ${section.name} pages.`,
          caption: null,
          credit: 'Broadsheet illustration',
        },
        section.slug,
      );
    }
  }

  const images = await (deps.draw ?? drawPicturesApart)(planned.map((picture) => picture.svg));
  const charts: number[] = [];
  const illustrations = new Map<string, number[]>();
  for (const [n, picture] of planned.entries()) {
    const image = images[n];
    if (image === undefined) throw new Error(`the picture drawer gave ${images.length} of ${planned.length} pictures`);
    const asset = await deps.media.add({ image, description: picture.words, by: SEEDED_BY, at: deps.now });
    if (picture.use === CHART_USE) charts.push(asset.id);
    else illustrations.set(picture.use, [...(illustrations.get(picture.use) ?? []), asset.id]);
  }

  for (const story of stories) {
    if (WITHOUT_PICTURES.has(story.sectionSlug)) continue;
    const useChart = story.sectionSlug === 'markets' && charts.length > 0;
    const pool = useChart ? charts : (illustrations.get(story.sectionSlug) ?? []);
    const mediaId = pool[story.id % Math.max(1, pool.length)];
    if (mediaId === undefined) continue;
    // A chart's newest figures are on its right: a tight crop keeps them.
    const focus: Focus = useChart ? 'right' : 'center';
    await deps.frontPage.setFeaturedImage(story.id, { mediaId, caption: null, credit: null, focus });
  }
  return charts.length + [...illustrations.values()].reduce((sum, ids) => sum + ids.length, 0);
}

/** Index values are stored in hundredths of a point; the chart's axis gives whole points. */
function indexText(hundredths: number): string {
  return Math.round(hundredths / 100).toLocaleString('en-US');
}

function rupeeText(paisa: number): string {
  return (paisa / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-12-04` → `4 Dec 2026`. */
function dayText(date: string): string {
  const [year, month, day] = date.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? ''} ${year}`;
}

function hashOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
  return hash >>> 0;
}
