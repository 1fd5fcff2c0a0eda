import { crossSiteRefusal } from './same-origin';

const OWN = 'https://reports.example.org';

describe('crossSiteRefusal', () => {
  it.each([
    ['no header at all (curl, a native client)', {}],
    ['Sec-Fetch-Site same-origin', { secFetchSite: 'same-origin' }],
    ['Sec-Fetch-Site none (typed in the address bar)', { secFetchSite: 'none' }],
    ['Sec-Fetch-Site in capitals', { secFetchSite: 'Same-Origin' }],
    ['the own Origin', { origin: OWN }],
    ['the own Origin in other letter case', { origin: 'HTTPS://Reports.Example.org' }],
    ['the own Origin and same-origin', { origin: OWN, secFetchSite: 'same-origin' }],
  ])('lets through a request with %s', (_case, headers) => {
    expect(crossSiteRefusal(headers, OWN)).toBeNull();
  });

  it.each([
    ['Sec-Fetch-Site cross-site', { secFetchSite: 'cross-site' }],
    ['Sec-Fetch-Site same-site (a sibling subdomain)', { secFetchSite: 'same-site' }],
    ['an empty Sec-Fetch-Site', { secFetchSite: '' }],
    ['an unknown Sec-Fetch-Site', { secFetchSite: 'whatever' }],
    ['another Origin', { origin: 'https://evil.example' }],
    ['the own host over plain http', { origin: 'http://reports.example.org' }],
    ['the own host on another port', { origin: 'https://reports.example.org:8443' }],
    ['a subdomain of the own host', { origin: 'https://x.reports.example.org' }],
    ['Origin null (a sandboxed frame, a file)', { origin: 'null' }],
    ['an empty Origin', { origin: '' }],
    ['the own Origin but a cross-site fetch', { origin: OWN, secFetchSite: 'cross-site' }],
    [
      'a same-origin fetch but another Origin',
      { origin: 'https://evil.example', secFetchSite: 'same-origin' },
    ],
  ])('refuses a request with %s', (_case, headers) => {
    expect(crossSiteRefusal(headers, OWN)).toEqual(expect.any(String));
  });
});
