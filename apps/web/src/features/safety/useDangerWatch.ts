import { useEffect, useRef } from 'react';
import { findEscalationTerms } from '@safety-terms';
import { useSafety } from './safety-context';

/**
 * Opens the "Get help now" panel as soon as the text being written contains a
 * danger term the server escalates on (the same list), before anything is
 * sent. It opens once per new kind of danger, so closing it is respected.
 */
export function useDangerWatch(text: string): void {
  const { openHelp } = useSafety();
  const seen = useRef(new Set<string>());
  useEffect(() => {
    const categories = new Set(findEscalationTerms(text).map((match) => match.category));
    const fresh = [...categories].filter((category) => !seen.current.has(category));
    if (fresh.length === 0) return;
    fresh.forEach((category) => seen.current.add(category));
    openHelp();
  }, [text, openHelp]);
}
