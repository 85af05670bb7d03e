import type { FastifyBaseLogger } from 'fastify';
import type { Bus } from '../bus/bus.js';
import type { LinkMailer } from '../desk/accounts/linkMailer.js';
import type { MarketDeskDeps } from '../desk/market/marketDeskDeps.js';
import type { LoginThrottlePolicy } from '../news/loginThrottle.js';
import type { PageChrome } from '../site/components/Layout.js';
import type { SessionPolicy } from '../store/accounts/sessions.js';
import type { NewsStore } from '../store/articles/newsStore.js';
import type { MediaLibrary } from '../store/media/mediaLibrary.js';
import type { OpenedStore } from '../store/openStore.js';

/**
 * When cookies carry `Secure`: `auto` when the request came over HTTPS (behind
 * a proxy, list it in --trusted-proxy so its X-Forwarded-Proto counts), or always, or never.
 */
export type SecureCookies = 'auto' | 'always' | 'never';

/** The newsroom's knobs; the defaults suit production. */
export interface NewsroomSettings {
  readonly sessionPolicy?: SessionPolicy;
  readonly loginThrottle?: LoginThrottlePolicy;
  readonly secureCookies?: SecureCookies;
}

/** The aggregates' store objects the newsroom reads and changes. */
export type NewsroomStores = Pick<
  OpenedStore,
  | 'accounts'
  | 'audit'
  | 'workflow'
  | 'tags'
  | 'sections'
  | 'moderation'
  | 'print'
  | 'market'
  | 'editing'
  | 'frontPage'
  | 'wire'
>;

/** Everything the newsroom is built from; wired once in src/app.ts. */
export interface AdminDeps extends NewsroomSettings {
  /** The store objects the newsroom works with (src/store/openStore.ts gathers them). */
  readonly stores: NewsroomStores;
  /** The published stories, as readers see them (previews, dashboard counts, print editions). */
  readonly store: NewsStore;
  /** Where every change readers must see is announced; the reader site's pages listen. */
  readonly bus: Bus;
  readonly logger: FastifyBaseLogger;
  /** The clock, injectable so tests can move it. */
  readonly now: () => Date;
  /** Uploaded pictures; without it the media library is not served. */
  readonly media?: MediaLibrary;
  /** The reader site's ticker, masthead and navigation, so an article preview looks as readers will see it. */
  readonly previewChrome: () => Promise<PageChrome>;
  /** The live market and its recorder, for the market desk; without it the desk answers 503. */
  readonly marketDesk?: MarketDeskDeps;
  /** The story editor island's script (built with the site's assets); null serves the plain form only. */
  readonly editorScriptUrl?: string | null;
  /** `--public-url`: the origin of the reset and invitation links shown to admins; else the request's own. */
  readonly publicUrl?: string | null;
  /** `--smtp-url` and `--mail-from`: reset links and invitations are mailed; without it they are shown to the admin. */
  readonly linkMailer?: LinkMailer | null;
}
