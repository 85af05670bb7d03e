import type { FastifyBaseLogger } from 'fastify';
import type { Bus } from '../../bus/bus.js';
import type { LinkMailer } from '../../desk/accounts/linkMailer.js';
import type { MarketDeskDeps } from '../../desk/market/marketDeskDeps.js';
import { DEFAULT_LOGIN_THROTTLE, type LoginThrottlePolicy } from '../../news/loginThrottle.js';
import type { PageChrome } from '../../site/components/Layout.js';
import type { AccountsStore } from '../../store/accounts/accountsStore.js';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../../store/accounts/sessions.js';
import type { ArticleWorkflowStore } from '../../store/articles/articleWorkflow.js';
import type { NewsStore } from '../../store/articles/newsStore.js';
import type { AuditStore } from '../../store/audit/auditLog.js';
import type { ModerationStore } from '../../store/comments/moderationStore.js';
import type { EditingStore } from '../../store/editing/editingStore.js';
import type { FrontPageStore } from '../../store/frontPage/frontPageStore.js';
import type { MarketStore } from '../../store/market/marketStore.js';
import type { MediaLibrary } from '../../store/media/mediaLibrary.js';
import type { PrintStore } from '../../store/print/printStore.js';
import type { SectionsStore } from '../../store/sections/sectionsStore.js';
import type { TagsStore } from '../../store/tags/tagsStore.js';
import type { WireInboxStore } from '../../store/wire/wireInboxStore.js';
import type { AdminDeps, SecureCookies } from '../newsroomDeps.js';

/** What every admin route module is given: the newsroom's dependencies with its defaults filled in. */
export interface AdminContext {
  /** The published stories, as readers see them. */
  readonly store: NewsStore;
  /** Where every change readers must see is announced; the reader site's pages listen. */
  readonly bus: Bus;
  readonly logger: FastifyBaseLogger;
  /** Uploaded pictures; undefined on a site without a media library. */
  readonly media: MediaLibrary | undefined;
  /** The reader site's page chrome, for article previews. */
  readonly previewChrome: () => Promise<PageChrome>;
  /** People, sessions, failed sign-ins and known devices. */
  readonly accounts: AccountsStore;
  /** Who changed what. */
  readonly audit: AuditStore;
  /** Stories as the newsroom works on them. */
  readonly workflow: ArticleWorkflowStore;
  readonly tags: TagsStore;
  /** The sections of the navigation. */
  readonly sections: SectionsStore;
  readonly moderation: ModerationStore;
  readonly print: PrintStore;
  /** The market's log, instruments and daily bars. */
  readonly marketStore: MarketStore;
  /** Stories' featured pictures and the front page's pins. */
  readonly frontPage: FrontPageStore;
  /** Agency copy received (the wire inbox). */
  readonly wire: WireInboxStore;
  readonly sessionPolicy: SessionPolicy;
  readonly secureCookies: SecureCookies;
  /** How failed sign-ins slow further tries; the counts are in the store. */
  readonly loginThrottle: LoginThrottlePolicy;
  readonly now: () => Date;
  /** The live market and its recorder (src/newsroom/market/); undefined on a site without one. */
  readonly marketDesk: MarketDeskDeps | undefined;
  /** Autosaved copies and who is editing what. */
  readonly editing: EditingStore;
  /** The story editor island's script, or null to serve the plain form alone. */
  readonly editorScriptUrl: string | null;
  /** The origin reset and invitation links are made with; null: the request's own. */
  readonly publicUrl: string | null;
  /** Mails reset links and invitations to their person; null: they are shown to the admin instead. */
  readonly linkMailer: LinkMailer | null;
}

/** The context the newsroom's routes and background work share, its defaults filled in. */
export function adminContextOf(deps: AdminDeps): AdminContext {
  return {
    store: deps.store,
    bus: deps.bus,
    logger: deps.logger,
    media: deps.media,
    previewChrome: deps.previewChrome,
    accounts: deps.stores.accounts,
    audit: deps.stores.audit,
    workflow: deps.stores.workflow,
    tags: deps.stores.tags,
    sections: deps.stores.sections,
    moderation: deps.stores.moderation,
    print: deps.stores.print,
    marketStore: deps.stores.market,
    frontPage: deps.stores.frontPage,
    wire: deps.stores.wire,
    sessionPolicy: deps.sessionPolicy ?? DEFAULT_SESSION_POLICY,
    secureCookies: deps.secureCookies ?? 'auto',
    loginThrottle: deps.loginThrottle ?? DEFAULT_LOGIN_THROTTLE,
    now: deps.now,
    marketDesk: deps.marketDesk,
    editing: deps.stores.editing,
    editorScriptUrl: deps.editorScriptUrl ?? null,
    publicUrl: deps.publicUrl ?? null,
    linkMailer: deps.linkMailer ?? null,
  };
}
