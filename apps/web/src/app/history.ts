import { navigate, useBrowserLocation } from 'wouter/use-browser-location';

/**
 * Every in-app navigation replaces the current history entry instead of adding
 * one, so the app is a single entry in the browser's history: "Leave this
 * site" replaces that entry and Back cannot bring anyone to these pages.
 */
export function navigateInPlace(to: string, options?: { state?: unknown }): void {
  navigate(to, { ...options, replace: true });
}

export function useInPlaceLocation(): [string, typeof navigateInPlace] {
  const [location] = useBrowserLocation();
  return [location, navigateInPlace];
}
