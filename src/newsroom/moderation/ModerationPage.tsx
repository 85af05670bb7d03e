import { articleUrl } from '../../http/siteUrls.js';
import type { Actor } from '../../news/roles.js';
import { SPAM_LIKELY } from '../../news/spamScore.js';
import { formatPublished } from '../../shared/pakistanTime.js';
import type {
  ArticleCommentCount,
  CommentBan,
  ModerationFilter,
  QueuedComment,
} from '../../store/comments/moderation.js';
import { MODERATION_FILTERS } from '../../store/comments/moderation.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';
import { AdminTable } from '../pages/AdminTable.js';

export interface ModerationPageProps {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly filter: ModerationFilter;
  readonly articleId: number | null;
  readonly counts: Readonly<Record<ModerationFilter, number>>;
  readonly queue: readonly QueuedComment[];
  readonly waiting: readonly ArticleCommentCount[];
  readonly bans: readonly CommentBan[];
  readonly flash?: Flash;
}

const FILTER_LABELS: Record<ModerationFilter, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  spam: 'Spam',
};

/** The comment queue: likely spam first, bulk actions over the ticked rows, bans below. */
export function ModerationPage(props: ModerationPageProps) {
  const { filter } = props;
  return (
    <AdminLayout
      title="Comments"
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath="/admin/comments"
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <nav aria-label="Comment lists">
        <ul class="counts">
          {MODERATION_FILTERS.map((each) => (
            <li key={each}>
              <a
                href={`/admin/comments?status=${each}`}
                {...(each === filter ? { 'aria-current': 'page' as const } : {})}
              >
                {FILTER_LABELS[each]} <strong>{props.counts[each]}</strong>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.articleId !== null ? (
        <p>
          Showing one article's comments. <a href={`/admin/comments?status=${filter}`}>Show all articles</a>
        </p>
      ) : null}
      <CommentQueue {...props} />
      {filter === 'pending' && props.waiting.length > 0 ? <WaitingArticles waiting={props.waiting} /> : null}
      <Bans bans={props.bans} csrfToken={props.csrfToken} />
    </AdminLayout>
  );
}

function CommentQueue(props: ModerationPageProps) {
  if (props.queue.length === 0) return <p class="muted">No {FILTER_LABELS[props.filter].toLowerCase()} comments.</p>;
  return (
    <form method="post" action="/admin/comments/moderate">
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
      <input type="hidden" name="back" value={props.filter} />
      <h2 id="queue-heading">{FILTER_LABELS[props.filter]} comments, most likely spam first</h2>
      <p>
        With the ticked comments:{' '}
        <button type="submit" name="act" value="approve">
          Approve
        </button>{' '}
        <button type="submit" name="act" value="reject">
          Reject
        </button>{' '}
        <button type="submit" name="act" value="spam">
          Mark spam
        </button>
      </p>
      <AdminTable columns={['Select', 'Spam score', 'Comment', 'Article', 'Actions']} labelledBy="queue-heading">
        {props.queue.map((comment) => (
          <CommentRow key={comment.id} comment={comment} />
        ))}
      </AdminTable>
    </form>
  );
}

function CommentRow(props: { readonly comment: QueuedComment }) {
  const { comment } = props;
  const checkbox = `comment-${comment.id}`;
  return (
    <tr>
      <td>
        <input type="checkbox" id={checkbox} name="ids" value={String(comment.id)} />
        <label for={checkbox} class="visually-hidden">
          Select comment {comment.id} by {comment.name}
        </label>
      </td>
      <td>
        <strong>{comment.spam.score}</strong>
        {comment.spam.score >= SPAM_LIKELY ? ' likely spam' : null}
        {comment.markedSpam ? ' (marked spam)' : null}
        {comment.spam.reasons.length > 0 ? (
          <ul class="muted">
            {comment.spam.reasons.map((reason) => (
              <li key={reason.signal}>
                {reason.signal} +{reason.points}
              </li>
            ))}
          </ul>
        ) : null}
      </td>
      <td>
        <p>
          <strong>{comment.name}</strong> &lt;{comment.email}&gt;, {comment.ip}
          {comment.addressBanned ? ' (banned)' : null}
          <br />
          <time dateTime={comment.createdAt.toISOString()}>{formatPublished(comment.createdAt)}</time>
        </p>
        {/* Plain text: each line its own paragraph (no inline styles under the CSP). */}
        {comment.body.split('\n').map((line, index) => (
          <p key={index}>{line}</p>
        ))}
      </td>
      <td>
        <a href={articleUrl(comment.article)}>{comment.article.headline}</a>
        <br />
        <a href={`/admin/comments?status=pending&article=${comment.article.id}`}>Its pending comments</a>
      </td>
      <td>
        <button type="submit" name="act" value={`approve:${comment.id}`}>
          Approve<span class="visually-hidden"> comment {comment.id}</span>
        </button>{' '}
        <button type="submit" name="act" value={`reject:${comment.id}`}>
          Reject<span class="visually-hidden"> comment {comment.id}</span>
        </button>{' '}
        <button type="submit" name="act" value={`spam:${comment.id}`}>
          Spam<span class="visually-hidden"> comment {comment.id}</span>
        </button>{' '}
        {comment.addressBanned ? null : (
          <button type="submit" name="act" value={`ban:${comment.id}`}>
            Ban address<span class="visually-hidden"> of comment {comment.id}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

function WaitingArticles(props: { readonly waiting: readonly ArticleCommentCount[] }) {
  return (
    <section aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">Articles with comments waiting</h2>
      <AdminTable columns={['Article', 'Pending']}>
        {props.waiting.map((row) => (
          <tr key={row.articleId}>
            <td>
              <a href={`/admin/comments?status=pending&article=${row.articleId}`}>{row.headline}</a>
            </td>
            <td>{row.pending}</td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}

function Bans(props: { readonly bans: readonly CommentBan[]; readonly csrfToken: string }) {
  return (
    <section aria-labelledby="bans-heading">
      <h2 id="bans-heading">Banned addresses</h2>
      <form class="stacked" method="post" action="/admin/comments/bans">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <label for="ban-ip">Address (IPv4 or IPv6)</label>
        <input id="ban-ip" name="ip" required maxLength={45} />
        <label for="ban-reason">Reason (optional)</label>
        <input id="ban-reason" name="reason" maxLength={200} />
        <button type="submit">Ban address</button>
      </form>
      {props.bans.length === 0 ? (
        <p class="muted">No address is banned.</p>
      ) : (
        <AdminTable columns={['Address', 'Reason', 'Banned', 'Lift']}>
          {props.bans.map((ban) => (
            <tr key={ban.ip}>
              <td>{ban.ip}</td>
              <td>{ban.reason ?? ''}</td>
              <td>
                {formatPublished(ban.bannedAt)} by {ban.bannedBy}
              </td>
              <td>
                <form class="inline" method="post" action="/admin/comments/bans/lift">
                  <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                  <input type="hidden" name="ip" value={ban.ip} />
                  <button type="submit">
                    Lift ban<span class="visually-hidden"> on {ban.ip}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </section>
  );
}
