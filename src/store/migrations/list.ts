import type { Migration } from 'kysely';
import type { StoreDialect } from '../database.js';
import { initialMigration } from './0001_initial.js';
import { marketMigration } from './0002_market.js';
import { accountsMigration } from './0003_accounts.js';
import { articleWorkflowMigration } from './0004_article_workflow.js';
import { moderationPrintMediaMigration } from './0005_moderation_print_media.js';
import { marketDeskEventsMigration } from './0006_market_desk_events.js';
import { loginThrottleMigration } from './0007_login_throttle.js';
import { dailyBarsOfficialCloseMigration } from './0008_daily_bars_official_close.js';
import { mediaFilesMigration } from './0009_media_files.js';
import { marketAuthorityMigration } from './0010_market_authority.js';
import { articleSearchMigration } from './0011_article_search.js';
import { dailyBarsOpenEstimatedMigration } from './0012_daily_bars_open_estimated.js';
import { picturesFrontPageMigration } from './0013_pictures_front_page.js';
import { articleEmbargoSendBackMigration } from './0014_article_embargo_send_back.js';
import { wireInboxMigration } from './0015_wire_inbox.js';
import { editingCopiesMigration } from './0016_editing_copies.js';
import { searchListItemsMigration } from './0017_search_list_items.js';
import { accountLinksSessionsMigration } from './0018_account_links_sessions.js';
import { correctionWithdrawalsMigration } from './0019_correction_withdrawals.js';
import { articlesNewestPublishedMigration } from './0022_articles_newest_published.js';
import { sectionRedirectsMigration } from './0023_section_redirects.js';
import { marketTradeRunsMigration } from './0024_market_trade_runs.js';
import { articlesSectionCountsMigration } from './0025_articles_section_counts.js';
import { articleViewsRoomForUpdatesMigration } from './0026_article_views_room_for_updates.js';

/**
 * Every migration, by name, in the order they run. Listed in code rather than
 * read from the folder so the compiled `dist/` runs them too.
 */
export function storeMigrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001_initial': initialMigration(dialect),
    '0002_market': marketMigration(dialect),
    '0003_accounts': accountsMigration(dialect),
    '0004_article_workflow': articleWorkflowMigration(dialect),
    '0005_moderation_print_media': moderationPrintMediaMigration(dialect),
    '0006_market_desk_events': marketDeskEventsMigration(dialect),
    '0007_login_throttle': loginThrottleMigration(),
    '0008_daily_bars_official_close': dailyBarsOfficialCloseMigration(dialect),
    '0009_media_files': mediaFilesMigration(dialect),
    '0010_market_authority': marketAuthorityMigration(),
    '0011_article_search': articleSearchMigration(dialect),
    '0012_daily_bars_open_estimated': dailyBarsOpenEstimatedMigration(),
    '0013_pictures_front_page': picturesFrontPageMigration(),
    '0014_article_embargo_send_back': articleEmbargoSendBackMigration(),
    '0015_wire_inbox': wireInboxMigration(dialect),
    '0016_editing_copies': editingCopiesMigration(),
    '0017_search_list_items': searchListItemsMigration(dialect),
    '0018_account_links_sessions': accountLinksSessionsMigration(dialect),
    '0019_correction_withdrawals': correctionWithdrawalsMigration(),
    '0022_articles_newest_published': articlesNewestPublishedMigration(),
    '0023_section_redirects': sectionRedirectsMigration(),
    '0024_market_trade_runs': marketTradeRunsMigration(dialect),
    '0025_articles_section_counts': articlesSectionCountsMigration(),
    '0026_article_views_room_for_updates': articleViewsRoomForUpdatesMigration(dialect),
  };
}
