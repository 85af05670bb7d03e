/** The messages the index pages show after a redirect, chosen by `?notice=`. */
export const INDICES_NOTICES = {
  withdrawn: 'Index withdrawn: it is no longer computed or shown. Its stored history stays.',
} as const satisfies Record<string, string>;

export const INDEX_NOTICES = {
  scheduled: 'Recomposition scheduled: it applies at the roll-over into its effective date.',
  cancelled: 'Recomposition cancelled: the index keeps its constituents.',
  defined: 'Index defined: it is on the markets pages from now on.',
  published: 'Index defined: the site shows the exchange’s closes for it once its history is imported.',
  computed: 'Constituents taken: the site computes this index from now on.',
} as const satisfies Record<string, string>;
