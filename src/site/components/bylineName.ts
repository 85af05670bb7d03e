import type { Byline } from '../../news/article.js';

/** Who a story is credited to, as printed: the agency's name or the writer's. */
export function bylineName(byline: Byline): string {
  switch (byline.kind) {
    case 'agency':
      return byline.agency;
    case 'staff':
      return byline.name;
  }
}
