import type { ComponentChildren } from 'preact';

/**
 * A labelled box that scrolls sideways (ticker strip, wide tables on a phone).
 * It takes keyboard focus so it can be scrolled with the arrow keys: without
 * that, keyboard users could not reach what is off to the side (WCAG 2.1.1).
 */
export function ScrollRegion(props: {
  readonly label: string;
  readonly class: string;
  readonly children: ComponentChildren;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to be scrolled by keyboard.
    <section class={props.class} aria-label={props.label} tabIndex={0}>
      {props.children}
    </section>
  );
}
