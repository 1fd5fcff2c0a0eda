/**
 * Where "Leave this site" goes: an everyday site that says nothing about this
 * one (the QUICK_EXIT_URL setting, which the API writes into the page). A blank
 * page when the setting is missing, as under the development server.
 */
function neutralSite(): string {
  const setting = document.querySelector<HTMLMetaElement>('meta[name="quick-exit-url"]');
  return setting?.content || 'about:blank';
}

/**
 * Replaces the page with a neutral site. The app keeps a single entry in the
 * browser history (every in-app navigation replaces it), so replacing that one
 * entry leaves nothing for Back to return to. The session ends too, so whoever
 * picks up the device next cannot open the app as this user.
 */
export function leaveSite(): void {
  navigator.sendBeacon('/api/v1/auth/session/logout');
  document.title = '';
  document.body.replaceChildren();
  window.location.replace(neutralSite());
}

const DOUBLE_PRESS_MS = 1000;

/**
 * Esc pressed twice in a row leaves the site, for a child who cannot find the
 * button in a hurry. An Esc that closes a dialog (the help panel opens by
 * itself while a child types) does not count.
 */
export function watchDoubleEscape(): () => void {
  let lastEscape = 0;
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (document.querySelector('dialog[open]')) {
      lastEscape = 0;
      return;
    }
    if (event.timeStamp - lastEscape < DOUBLE_PRESS_MS) leaveSite();
    lastEscape = event.timeStamp;
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
