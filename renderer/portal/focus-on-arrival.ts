import { useEffect, type RefObject } from 'react';

/**
 * Moves focus to a page's heading when the page arrives and focus was lost with the page before
 * (a followed link is gone from the document), so keyboard and screen-reader users start at the
 * new page's top. A control that took focus itself (the answer box) keeps it.
 */
export function useFocusOnArrival(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) ref.current?.focus();
  }, [ref]);
}
