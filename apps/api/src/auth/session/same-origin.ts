/** The request headers that tell where a browser request came from. */
export interface RequestOrigin {
  /** `Sec-Fetch-Site`, sent by current browsers on every request. */
  secFetchSite?: string;
  /** `Origin`, sent by browsers on cross-origin requests and on most POSTs. */
  origin?: string;
}

/** Values of `Sec-Fetch-Site` for a request the app itself made, or the user typed. */
const OWN_FETCH_SITES = ['same-origin', 'none'];

/**
 * Why a request that would use the session cookie must be refused as
 * cross-site, or null when it may go on. `ownOrigin` is the API's own
 * `scheme://host[:port]` as this request reached it. Requests without either
 * header (curl, older browsers on same-origin requests) are let through: the
 * cookie is also `SameSite=Strict`, so a cross-site page never sends it.
 */
export function crossSiteRefusal(request: RequestOrigin, ownOrigin: string): string | null {
  const site = request.secFetchSite?.trim().toLowerCase();
  if (site !== undefined && !OWN_FETCH_SITES.includes(site)) {
    return `Sign-in sessions are for pages of this site only (Sec-Fetch-Site: ${site})`;
  }
  const origin = request.origin?.trim().toLowerCase();
  if (origin !== undefined && origin !== ownOrigin.toLowerCase()) {
    return 'Sign-in sessions are for pages of this site only (Origin is another site)';
  }
  return null;
}
