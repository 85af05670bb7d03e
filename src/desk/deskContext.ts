import type { Bus } from '../bus/bus.js';
import type { ArticleWorkflowStore } from '../store/articles/articleWorkflow.js';
import type { AuditStore } from '../store/audit/auditLog.js';
import type { ModerationStore } from '../store/comments/moderationStore.js';
import type { MediaLibrary } from '../store/media/mediaLibrary.js';
import type { PrintStore } from '../store/print/printStore.js';

/**
 * What the desks work with: store objects, the bus their changes are
 * announced on, and the clock. The newsroom's context is one; each use case
 * names the parts it needs.
 */
export interface DeskContext {
  readonly workflow: ArticleWorkflowStore;
  readonly moderation: ModerationStore;
  readonly print: PrintStore;
  readonly audit: AuditStore;
  /** Uploaded pictures; undefined on a site without a media library. */
  readonly media: MediaLibrary | undefined;
  readonly bus: Bus;
  readonly now: () => Date;
}
