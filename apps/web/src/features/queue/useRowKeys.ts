import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Where typing goes: keys pressed there are the user's text, never shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('dialog[open]') !== null
  );
}

/**
 * j and k move the focus to the next and previous row's link of `list`
 * (its `a[data-row-link]`), so that Enter opens that row; answers the index
 * of the row that has the focus (-1: none).
 */
export function useRowKeys(list: RefObject<HTMLElement | null>, rows: number): number {
  const [focused, setFocused] = useState(-1);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'j' && event.key !== 'k') return;
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const links = [...(list.current?.querySelectorAll<HTMLElement>('a[data-row-link]') ?? [])];
      if (links.length === 0) return;
      event.preventDefault();
      const current = links.findIndex((link) => link === document.activeElement);
      const next =
        current === -1
          ? event.key === 'j'
            ? 0
            : links.length - 1
          : Math.min(links.length - 1, Math.max(0, current + (event.key === 'j' ? 1 : -1)));
      links[next].focus();
      links[next].scrollIntoView({ block: 'nearest' });
    };
    const onFocus = () => {
      const links = [...(list.current?.querySelectorAll<HTMLElement>('a[data-row-link]') ?? [])];
      setFocused(links.findIndex((link) => link === document.activeElement));
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
    };
  }, [list, rows]);

  return focused;
}
