/**
 * The layout of one day's paper as the print desk assembles it: numbered
 * pages, each with a section label and its stories in order. Pure edits on
 * an immutable plan; the store saves a plan whole.
 */

/**
 * Highest page number anywhere in print: the layout page, its JSON API and a
 * story's own print page all take 1–99, two digits being what the page
 * furniture prints (the paper has never run past 48 pages).
 */
export const PRINT_MAX_PAGE = 99;
export const PRINT_LABEL_MAX_CHARS = 60;

export interface PrintPagePlan {
  readonly page: number;
  /** Section label printed at the top of the page ("Business & Finance"); may be empty. */
  readonly label: string;
  /** Stories on the page, in order. */
  readonly articleIds: readonly number[];
}

/** One edition: pages ascending, every story on at most one page. */
export interface PrintPlan {
  /** YYYY-MM-DD, Asia/Karachi. */
  readonly date: string;
  readonly pages: readonly PrintPagePlan[];
}

/** A change the desk makes to a plan. */
export type PrintEdit =
  | { readonly kind: 'add'; readonly articleId: number; readonly page: number }
  | { readonly kind: 'remove'; readonly articleId: number }
  | { readonly kind: 'move'; readonly articleId: number; readonly page: number; readonly index?: number }
  | { readonly kind: 'up' | 'down'; readonly articleId: number }
  | { readonly kind: 'label'; readonly page: number; readonly label: string }
  | { readonly kind: 'removePage'; readonly page: number };

export class PrintPlanError extends Error {
  override readonly name = 'PrintPlanError';
}

export function emptyPlan(date: string): PrintPlan {
  return { date, pages: [] };
}

/** Whether the plan places any story: an empty plan leaves the edition to the articles' own print pages. */
export function placesStories(plan: PrintPlan): boolean {
  return plan.pages.some((page) => page.articleIds.length > 0);
}

/** Applies one edit; throws PrintPlanError with a sentence for the desk when it cannot apply. */
export function applyPrintEdit(plan: PrintPlan, edit: PrintEdit): PrintPlan {
  switch (edit.kind) {
    case 'add':
      checkPage(edit.page);
      if (pageOf(plan, edit.articleId) !== null) {
        throw new PrintPlanError(`Story ${edit.articleId} is already on page ${pageOf(plan, edit.articleId)}.`);
      }
      return insertAt(plan, edit.articleId, edit.page, Number.POSITIVE_INFINITY);
    case 'remove':
      requirePlaced(plan, edit.articleId);
      return withoutArticle(plan, edit.articleId);
    case 'move': {
      checkPage(edit.page);
      requirePlaced(plan, edit.articleId);
      return insertAt(
        withoutArticle(plan, edit.articleId),
        edit.articleId,
        edit.page,
        edit.index ?? Number.POSITIVE_INFINITY,
      );
    }
    case 'up':
    case 'down': {
      const page = requirePlaced(plan, edit.articleId);
      const ids = [...(plan.pages.find((p) => p.page === page)?.articleIds ?? [])];
      const from = ids.indexOf(edit.articleId);
      const to = edit.kind === 'up' ? from - 1 : from + 1;
      if (to < 0 || to >= ids.length) return plan;
      [ids[from], ids[to]] = [ids[to] as number, ids[from] as number];
      return replacePage(plan, { ...pageAt(plan, page), articleIds: ids });
    }
    case 'label': {
      checkPage(edit.page);
      const label = edit.label.replace(/\s+/g, ' ').trim();
      if ([...label].length > PRINT_LABEL_MAX_CHARS) {
        throw new PrintPlanError(`A page label can be at most ${PRINT_LABEL_MAX_CHARS} characters.`);
      }
      return replacePage(plan, { ...pageAt(plan, edit.page), label });
    }
    case 'removePage': {
      const page = plan.pages.find((p) => p.page === edit.page);
      if (page === undefined) return plan;
      if (page.articleIds.length > 0)
        throw new PrintPlanError(`Page ${edit.page} still has stories; move or remove them first.`);
      return { ...plan, pages: plan.pages.filter((p) => p.page !== edit.page) };
    }
  }
}

/** The page a story is on in this plan, or null. */
export function pageOf(plan: PrintPlan, articleId: number): number | null {
  return plan.pages.find((page) => page.articleIds.includes(articleId))?.page ?? null;
}

/** Rows to store: (page, position from 1, article) in reading order. */
export function placementsOf(plan: PrintPlan): { page: number; position: number; articleId: number }[] {
  return plan.pages.flatMap((page) =>
    page.articleIds.map((articleId, index) => ({ page: page.page, position: index + 1, articleId })),
  );
}

function checkPage(page: number): void {
  if (!Number.isInteger(page) || page < 1 || page > PRINT_MAX_PAGE) {
    throw new PrintPlanError(`Page numbers run from 1 to ${PRINT_MAX_PAGE}.`);
  }
}

function requirePlaced(plan: PrintPlan, articleId: number): number {
  const page = pageOf(plan, articleId);
  if (page === null) throw new PrintPlanError(`Story ${articleId} is not in this edition.`);
  return page;
}

function pageAt(plan: PrintPlan, page: number): PrintPagePlan {
  return plan.pages.find((p) => p.page === page) ?? { page, label: '', articleIds: [] };
}

function replacePage(plan: PrintPlan, page: PrintPagePlan): PrintPlan {
  const pages = [...plan.pages.filter((p) => p.page !== page.page), page].sort((a, b) => a.page - b.page);
  return { ...plan, pages };
}

function insertAt(plan: PrintPlan, articleId: number, page: number, index: number): PrintPlan {
  const target = pageAt(plan, page);
  const ids = [...target.articleIds];
  ids.splice(Math.max(0, Math.min(index, ids.length)), 0, articleId);
  return replacePage(plan, { ...target, articleIds: ids });
}

function withoutArticle(plan: PrintPlan, articleId: number): PrintPlan {
  return {
    ...plan,
    pages: plan.pages.map((page) => ({ ...page, articleIds: page.articleIds.filter((id) => id !== articleId) })),
  };
}
