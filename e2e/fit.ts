import type { Page } from 'playwright-core';

/** The widths the main screens must fit: a common laptop, a small one or a tablet, a phone. */
export const WIDTHS = [1366, 1024, 390] as const;

/**
 * What does not fit the page as it is now (issue 9, item 10): the page scrolling sideways, a card or a
 * fact running out of its box, a label over its value, a select's value cut off, and any text clipped
 * by its box or running past the window's edge (a table scrolling inside its own frame is no fault).
 * An empty list means everything shows whole.
 */
export async function whatDoesNotFit(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}: ${(el.textContent ?? '').trim().slice(0, 40)}`;
    if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push('the page scrolls sideways');
    const hidden = (el: Element) => el.closest('.visually-hidden, [hidden], [aria-hidden="true"]') !== null;
    // Inside a frame that scrolls (a wide table), running past the edge is scrolling, not clipping.
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX;
        if (x === 'auto' || x === 'scroll') return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll<HTMLElement>('main .card, main dl.facts > *'))
      if (el.scrollWidth > el.clientWidth + 1) out.push(`runs out of its box: ${name(el)}`);
    for (const dt of document.querySelectorAll<HTMLElement>('main dl.facts dt')) {
      const dd = dt.nextElementSibling as HTMLElement | null;
      const a = dt.getBoundingClientRect();
      const b = dd?.getBoundingClientRect();
      if (b && a.right > b.left + 1 && a.top === b.top) out.push(`label over its value: ${dt.textContent}`);
    }
    for (const button of document.querySelectorAll<HTMLElement>('main .select-button')) {
      const value = button.firstElementChild as HTMLElement | null;
      if (!value) continue;
      const v = value.getBoundingClientRect();
      const b = button.getBoundingClientRect();
      if (value.scrollWidth > value.clientWidth + 1 || v.right > b.right + 1 || v.bottom > b.bottom + 1)
        out.push(`select value cut off: ${value.textContent}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      // react-aria's visually hidden inputs (a 1 px box, clipped on purpose).
      if (hidden(el) || el.getBoundingClientRect().width <= 1) continue;
      const style = getComputedStyle(el);
      const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1) out.push(`text clipped: ${name(el)}`);
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && /\S/.test(n.textContent ?? ''));
      if (ownText && !inScroller(el) && el.getBoundingClientRect().right > window.innerWidth + 1)
        out.push(`text past the window's edge: ${name(el)}`);
    }
    return [...new Set(out)];
  });
}
