// Moves the ticker strip: a continuous crawl, or a page at a time for readers
// who ask their system for less motion. The server renders one list the
// reader can scroll; this doubles it so the crawl loops without a seam (the
// copy is hidden from assistive technology, and the live updates write to
// both), and adds buttons to pause and to step through it. It stops while a
// pointer rests on the strip, while the strip or a step button has focus,
// and while the reader has paused it.

/** Pixels per second: slow enough to read a row as it passes. */
const CRAWL_SPEED = 45;
/** With reduced motion, how long each page stays before the next replaces it. */
const PAGE_MS = 5000;
/** The strip waits this long before it first crawls, so the lead index can be read where it stands. */
const START_DELAY_MS = 1500;
// A frame after a long gap (a hidden tab, a busy page) moves at most this far, so the strip never leaps.
const MAX_FRAME_MS = 100;

export interface TickerMotion {
  /** Every row element of a key: the rendered one and its copy in the loop. */
  rows(): Map<string, HTMLElement[]>;
}

export function setUpMotion(root: HTMLElement, strip: HTMLElement, list: HTMLElement): TickerMotion {
  const track = document.createElement('div');
  track.className = 'ticker__track';
  list.replaceWith(track);
  const copy = list.cloneNode(true) as HTMLElement;
  copy.setAttribute('aria-hidden', 'true');
  track.append(list, copy);
  root.classList.add('ticker--moving');

  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');
  const holds = { pointer: false, focus: false, reader: false };
  let offset = 0;

  const loopWidth = (): number => copy.offsetLeft - list.offsetLeft;
  const place = (): void => {
    const width = loopWidth();
    if (width > 0) offset = ((offset % width) + width) % width;
    track.style.transform = `translateX(${-offset}px)`;
  };
  /** Where each row of the loop starts, and where the same rows start again in the copy. */
  const starts = (): number[] => {
    const width = loopWidth();
    // Measured from the first row, so a row stepped to stands where the first one stands at rest.
    const rows = [...list.children] as HTMLElement[];
    const origin = rows[0]?.offsetLeft ?? 0;
    const own = rows.map((row) => row.offsetLeft - origin);
    return [...own, ...own.map((start) => start + width)];
  };
  /**
   * The row (its index in the list) a step or Home last brought to the strip's start, while nothing else has moved
   * the strip since. Steps go on from it by row, not by pixel: a live update that makes a row narrower moves the
   * rows after it, and a step back measured in pixels from where the strip stands then landed one row short.
   */
  let atRow: number | null = null;
  const step = (direction: 1 | -1): void => {
    const all = starts();
    const width = loopWidth();
    const rows = all.length / 2;
    if (atRow !== null && rows > 0) {
      atRow = (((atRow + direction) % rows) + rows) % rows;
      offset = all[atRow] ?? 0;
      place();
      return;
    }
    const next =
      direction === 1
        ? all.find((start) => start > offset + 1)
        : [...all, ...all.map((start) => start - width)].filter((start) => start < offset - 1).sort((a, b) => b - a)[0];
    if (next === undefined) return;
    offset = next;
    place();
    const found = all.slice(0, rows).findIndex((start) => Math.abs(start - offset) < 1);
    atRow = found === -1 ? null : found;
  };
  const page = (): void => {
    const visibleEnd = offset + strip.clientWidth;
    // The row cut off at the right edge starts the next page; a row wider than the strip is passed whole.
    const next = starts()
      .filter((start) => start > offset + 1 && start < visibleEnd)
      .at(-1);
    if (next === undefined) step(1);
    else {
      offset = next;
      place();
      atRow = null;
    }
  };

  const held = (): boolean => holds.pointer || holds.focus || holds.reader;
  let last: number | null = null;
  const startAt = performance.now() + START_DELAY_MS;
  const frame = (now: number): void => {
    const elapsed = Math.min(now - (last ?? now), MAX_FRAME_MS);
    last = now;
    // A list that fits the strip has nothing hidden to bring into view: it stays put.
    if (!held() && !reduced.matches && now >= startAt && loopWidth() > strip.clientWidth) {
      offset += (CRAWL_SPEED * elapsed) / 1000;
      place();
      atRow = null;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  setInterval(() => {
    if (reduced.matches && !held() && !document.hidden) page();
  }, PAGE_MS);

  const controls = document.createElement('div');
  controls.className = 'ticker__controls';
  const button = (label: string, glyph: string, act: () => void): HTMLButtonElement => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = 'ticker__button';
    element.setAttribute('aria-label', label);
    element.textContent = glyph;
    element.addEventListener('click', act);
    controls.append(element);
    return element;
  };
  const previous = button('Previous prices', '‹', () => step(-1));
  const pause = button('Pause ticker', '❚❚', () => {
    holds.reader = !holds.reader;
    pause.setAttribute('aria-pressed', String(holds.reader));
    pause.textContent = holds.reader ? '▶' : '❚❚';
  });
  pause.setAttribute('aria-pressed', 'false');
  const next = button('Next prices', '›', () => step(1));
  strip.after(controls);

  root.addEventListener('pointerenter', () => {
    holds.pointer = true;
  });
  root.addEventListener('pointerleave', () => {
    holds.pointer = false;
  });
  // Focus on the strip or a step button holds it still; on the pause button it does not, or Play could not play.
  const focusHolds = (target: EventTarget | null): boolean =>
    target === strip || target === previous || target === next;
  root.addEventListener('focusin', (event) => {
    holds.focus = focusHolds(event.target);
  });
  root.addEventListener('focusout', (event) => {
    holds.focus = focusHolds(event.relatedTarget);
  });
  strip.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowRight') step(1);
    else if (event.key === 'ArrowLeft') step(-1);
    else if (event.key === 'Home') {
      offset = 0;
      place();
      atRow = 0;
    } else return;
    event.preventDefault();
  });

  return {
    rows() {
      const byKey = new Map<string, HTMLElement[]>();
      for (const row of track.querySelectorAll<HTMLElement>('[data-key]')) {
        const key = row.dataset.key ?? '';
        byKey.set(key, [...(byKey.get(key) ?? []), row]);
      }
      return byKey;
    },
  };
}
