/**
 * The document title: the page's own title, then the paper's name, unless
 * the title already ends with the name (a writer who typed "… | Broadsheet"
 * as the SEO title), so the brand never shows twice.
 */
export function pageTitle(title: string, siteName: string): string {
  const trimmed = title.trim();
  const brand = siteName.toLowerCase();
  const lower = trimmed.toLowerCase();
  if (lower === brand) return siteName;
  if (lower.endsWith(brand)) {
    const before = trimmed.slice(0, trimmed.length - siteName.length).trimEnd();
    // Only a brand set apart by a separator counts: "Broadsheet" inside a headline word is left alone.
    if (/[|\-–—:·]$/.test(before)) return trimmed;
  }
  return `${trimmed} | ${siteName}`;
}
