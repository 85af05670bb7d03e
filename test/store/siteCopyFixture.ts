import { createApp } from '../../src/app.js';
import type { Paisa } from '../../src/market/money/money.js';
import { SITE_TABLES } from '../../src/store/copy/siteTables.js';
import { countRows } from '../../src/store/copy/tableRows.js';
import { createMarketLog } from '../../src/store/market/marketLog.js';
import { openStore } from '../../src/store/openStore.js';
import { testServeConfig } from '../support/serveConfig.js';
import { wireItem } from '../wire/wireFixtures.js';

/** What the fixture left behind that a copy must keep. */
export interface DemoSiteFacts {
  /** The id of an article that was added and deleted: the counter is past it, no row has it. */
  readonly deletedArticleId: number;
}

/**
 * A demo site on a SQLite file, as `broadsheet serve` makes it (demo news,
 * history bars, the demo market's starting checkpoint, then simulated
 * trades), plus at least one row in every table the demo leaves empty, so a
 * copy that skipped or mangled any table shows.
 */
export async function makeDemoSite(path: string): Promise<DemoSiteFacts> {
  const app = await createApp(testServeConfig(path, { simulator: 'on', simulatorInterval: '50' }));
  await app.start();
  const watcher = await openStore({ kind: 'sqlite', path });
  try {
    // Simulated trades reach the log through the recorder; wait for a few batches of them.
    const deadline = Date.now() + 20_000;
    while ((await countRows(watcher.db, 'market_events')) < 30) {
      if (Date.now() > deadline) throw new Error('the simulator logged fewer than 30 events in 20 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await watcher.close();
    await app.stop();
  }

  const opened = await openStore({ kind: 'sqlite', path });
  try {
    const { db } = opened;
    const now = Date.UTC(2023, 0, 31, 13, 3);
    const article = await db.selectFrom('articles').select(['id']).orderBy('id').executeTakeFirstOrThrow();
    const comment = await db.selectFrom('comments').select(['id']).orderBy('id').executeTakeFirstOrThrow();
    const tag = await db.selectFrom('tags').select(['id']).orderBy('id').executeTakeFirstOrThrow();

    const user = await db
      .insertInto('users')
      .values({
        email: 'desk.editor@example.com',
        name: 'ڈیسک ایڈیٹر Desk Editor',
        role: 'editor',
        password_hash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
        created_at: now,
        disabled_at: null,
        sessions_valid_after: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('sessions')
      .values({
        id: 'a1'.repeat(32),
        user_id: user.id,
        created_at: now,
        last_seen_at: now,
        user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0',
        address: '203.0.113.7',
      })
      .execute();
    // One-time links (migration 0018): a reset for the editor, and an invitation waiting.
    await db
      .insertInto('password_resets')
      .values({
        user_id: user.id,
        secret_hash: 'e5'.repeat(32),
        created_at: now,
        created_by: 'broadsheet users (command line)',
        expires_at: now + 86_400_000,
        used_at: null,
        revoked_at: null,
      })
      .execute();
    await db
      .insertInto('invitations')
      .values({
        email: 'new.writer@example.com',
        role: 'writer',
        secret_hash: 'f6'.repeat(32),
        created_at: now,
        created_by: 'ڈیسک ایڈیٹر Desk Editor',
        expires_at: now + 7 * 86_400_000,
        accepted_at: null,
        accepted_user_id: null,
        revoked_at: null,
      })
      .execute();
    // A feed's pushed batch, as the log keeps it since migration 0024: its consecutive seqs in one row.
    // Copies of a simulated trade the market took, so the copied site's replay takes them too.
    const simulated = await db
      .selectFrom('market_events')
      .select(['body_json', 'event_time'])
      .where('kind', '=', 'trade')
      .orderBy('position', 'desc')
      .executeTakeFirstOrThrow();
    const pushed = JSON.parse(simulated.body_json) as { symbol: string; price: Paisa; volume: number };
    const time = new Date(Number(simulated.event_time));
    await createMarketLog(db).append({
      events: [1, 2, 3].map((seq) => ({ kind: 'trade', trade: { ...pushed, time, seq, feed: 'copy-feed' } })),
    });
    await db
      .insertInto('login_devices')
      .values({ id: 'b2'.repeat(32), user_id: user.id, created_at: now, last_used_at: now })
      .execute();
    await db
      .insertInto('login_failures')
      .values({ key: 'address:203.0.113.7', failures: 3, last_failure_at: now })
      .execute();
    await db
      .insertInto('audit_log')
      .values({
        at: now,
        actor_kind: 'user',
        actor_id: user.id,
        actor_name: 'Desk Editor',
        action: 'article.publish',
        subject_type: 'article',
        subject_id: String(article.id),
        details_json: JSON.stringify({ note: 'کراچی — “quoted” ✓' }),
      })
      .execute();
    await db
      .insertInto('api_tokens')
      .values({
        name: 'Exchange feed',
        role: 'market-feed',
        token_hash: 'c3'.repeat(32),
        created_at: now,
        revoked_at: null,
      })
      .execute();
    await db
      .insertInto('article_revisions')
      .values({
        article_id: article.id,
        number: 1,
        author_kind: 'user',
        author_id: user.id,
        author_name: 'Desk Editor',
        at: now,
        note: 'first save',
        fields_json: JSON.stringify({ headline: 'A headline\nwith a line break' }),
      })
      .execute();
    await db
      .insertInto('article_corrections')
      .values({
        article_id: article.id,
        kind: 'correction',
        text: 'An earlier version misstated the close.',
        at: now,
        author_name: 'Desk Editor',
      })
      .execute();
    await db.insertInto('comment_spam_marks').values({ comment_id: comment.id, marked_at: now }).execute();
    await db
      .insertInto('comment_bans')
      .values({ ip: '198.51.100.4', reason: null, banned_at: now, banned_by: 'Desk Editor' })
      .execute();
    await db.insertInto('tag_redirects').values({ from_slug: 'old-tag-name', tag_id: tag.id }).execute();
    await db
      .insertInto('section_redirects')
      .values({
        from_slug: 'old-section-name',
        to_slug: (await db.selectFrom('sections').select('slug').executeTakeFirstOrThrow()).slug,
      })
      .execute();
    await db.insertInto('print_pages').values({ edition_date: '2023-01-31', page: 1, label: 'Front page' }).execute();
    await db
      .insertInto('print_placements')
      .values({ edition_date: '2023-01-31', page: 1, position: 1, article_id: article.id })
      .execute();
    await db
      .insertInto('media')
      .values({
        format: 'jpeg',
        width: 1200,
        height: 800,
        bytes: 183_204,
        alt: 'Traders at the exchange',
        caption: null,
        credit: 'APP',
        widths_json: '[320,640,1200]',
        created_at: now,
        created_by: 'Desk Editor',
      })
      .execute();
    const picture = await db.selectFrom('media').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await db
      .insertInto('media_files')
      .values({ media_id: picture.id, name: 'original.jpg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]) })
      .execute();
    const story = await db.selectFrom('articles').select('id').orderBy('id').executeTakeFirstOrThrow();
    await db
      .insertInto('article_featured_images')
      .values({ article_id: story.id, media_id: picture.id, caption: 'Lead', credit: null, focus: 'top' })
      .onConflict((c) => c.column('article_id').doNothing())
      .execute();
    await db
      .insertInto('front_page_pins')
      .values({ slot: 'lead', article_id: story.id, pinned_at: now, pinned_by: 'Desk Editor' })
      .onConflict((c) => c.column('slot').doNothing())
      .execute();
    await db
      .insertInto('article_views')
      .values({ article_id: story.id, day: '2023-01-30', views: 3 })
      .onConflict((c) => c.columns(['article_id', 'day']).doNothing())
      .execute();
    await db
      .insertInto('market_day_closes')
      .values({ date: '2023-01-30', closed_at: now })
      .onConflict((c) => c.column('date').doNothing())
      .execute();
    await db
      .insertInto('market_engine_lease')
      .values({
        name: 'market',
        holder: 'node-a',
        epoch: 3,
        expires_at: now,
        engine_url: 'http://127.0.0.1:3000',
        secret: 'd4'.repeat(16),
        seq: 12,
        renewed_at: now,
      })
      .onConflict((c) => c.column('name').doNothing())
      .execute();
    await db
      .insertInto('market_instruments')
      .values({
        symbol: 'ZZTEST',
        name: 'Test Holdings',
        sector: 'Technology',
        shares_outstanding: 9_007_199_254_740,
        free_float: 35,
        updated_at: now,
      })
      .onConflict((conflict) => conflict.column('symbol').doNothing())
      .execute();

    // The newest article deleted: its id must never be handed out again, on any database the site moves to.
    const doomed = await db
      .insertInto('articles')
      .values({
        slug: 'withdrawn',
        headline: 'Withdrawn',
        summary: 'Withdrawn.',
        section_slug: (await db.selectFrom('sections').select('slug').executeTakeFirstOrThrow()).slug,
        byline_kind: 'staff',
        byline_value: 'Desk',
        dateline: null,
        body_json: '[]',
        published_at: now,
        print_page: null,
        updated_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.deleteFrom('articles').where('id', '=', doomed.id).execute();

    // The wire inbox: an item with a newer version and a subject, and the article made from it.
    const [wired] = await opened.wire.store([wireItem(), wireItem({ version: 2 })], new Date(now));
    await opened.wire.linkArticle({ articleId: article.id, itemId: wired?.itemId ?? 0, version: 1, at: new Date(now) });

    // The story editor: one person's autosaved copy of the story, and that they have it open.
    await db
      .insertInto('article_autosaves')
      .values({
        article_id: article.id,
        user_id: user.id,
        base_revision: 1,
        copy_json: JSON.stringify({ baseRevision: 1, fields: { headline: 'Typed, not saved' } }),
        saved_at: now,
      })
      .execute();
    await db
      .insertInto('article_presence')
      .values({ article_id: article.id, user_id: user.id, user_name: 'Desk Editor', seen_at: now })
      .execute();

    for (const { table } of SITE_TABLES) {
      if ((await countRows(db, table)) === 0)
        throw new Error(`the demo site fixture left ${table} empty: add a row for it`);
    }
    return { deletedArticleId: doomed.id };
  } finally {
    await opened.close();
  }
}
