/** What a reader is told once a comment is taken: it waits for a moderator. */
export const COMMENT_PENDING_NOTICE = 'Thank you — your comment is awaiting moderation.';

/**
 * What a reader is told when a comment is refused for now because the address
 * sent too many (the rate limit, README `--comment-rate-limit`): when to try
 * again, and that the text is not lost. Said the same by the page and the form
 * script.
 */
export function rateLimitRefusal(retryAfterSeconds: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return (
    'You have posted several comments in the last minute. Your comment is kept below: ' +
    `post it again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`
  );
}
