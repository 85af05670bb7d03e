import { CURRENCY_URL, MARKETS_URL, PRINT_URL, sectionNavUrl } from '../../http/siteUrls.js';
import type { Section } from '../../news/article.js';
import { SymbolSearchForm } from './SymbolSearchForm.js';

export function Masthead(props: {
  readonly sections: readonly Section[];
  /** Already formatted in Pakistan time: `Jan 31, 2023`. */
  readonly today: string;
  readonly currentPath?: string;
}) {
  const sectionLinks = props.sections.map((section) => ({
    href: sectionNavUrl(section.slug),
    label: section.name,
    extra: false,
  }));
  // A Markets section already links to /markets; a second "Markets" link would only repeat it.
  const marketsLinked = sectionLinks.some((link) => link.href === MARKETS_URL);
  const links = [
    ...sectionLinks,
    { href: PRINT_URL, label: 'Print Edition', extra: true },
    ...(marketsLinked ? [] : [{ href: MARKETS_URL, label: 'Markets', extra: true }]),
    { href: CURRENCY_URL, label: 'Dollar to PKR', extra: true },
  ];
  return (
    <>
      <div class="masthead">
        <p class="masthead__logo">
          <a href="/">Broadsheet</a>
        </p>
        <p class="masthead__date">{props.today}</p>
        <SymbolSearchForm everything />
      </div>
      <nav class="site-nav" aria-label="Sections">
        <ul>
          {links.map((link, index) => (
            <li key={link.href} class={link.extra && links[index - 1]?.extra === false ? 'site-nav__extra' : undefined}>
              <a href={link.href} aria-current={props.currentPath === link.href ? 'page' : undefined}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
