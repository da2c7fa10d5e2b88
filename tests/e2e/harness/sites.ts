/**
 * The hosts of docs/design.md#surfaces and where their fixtures live. Every host here is mapped to the local
 * fixture server and named in the test certificate, so content scripts run on the real
 * hostnames (docs/sites.md#probes) while no request leaves the machine.
 */
export interface FixtureSite {
  /** Folder under tests/fixtures/. */
  dir: string;
  hosts: string[];
  /**
   * URL path prefixes served from the folder's root, longest first; '/' is always added.
   * A path ending in '/' serves index.html.
   */
  mounts: string[];
}

export const FIXTURE_SITES: FixtureSite[] = [
  // Gmail's app lives under /mail/u/<n>/ (pop-out compose too: ?view=cm&fs=1).
  { dir: 'gmail', hosts: ['mail.google.com'], mounts: ['/mail/u/0/', '/mail/'] },
  {
    dir: 'outlook',
    hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'],
    mounts: ['/mail/'],
  },
  { dir: 'google-drive', hosts: ['drive.google.com', 'docs.google.com'], mounts: [] },
  { dir: 'dropbox', hosts: ['www.dropbox.com'], mounts: [] },
  // SharePoint is per tenant: the demo firm's tenant and its OneDrive (`-my`) by name, other tenants by pattern.
  {
    dir: 'onedrive',
    hosts: ['onedrive.live.com', 'harrowvale.sharepoint.com', 'harrowvale-my.sharepoint.com', '*.sharepoint.com'],
    mounts: [],
  },
  { dir: 'box', hosts: ['app.box.com'], mounts: [] },
  { dir: 'slack', hosts: ['app.slack.com'], mounts: [] },
  { dir: 'teams', hosts: ['teams.microsoft.com', 'teams.cloud.microsoft'], mounts: ['/v2/'] },
  { dir: 'google-chat', hosts: ['chat.google.com'], mounts: [] },
];

/**
 * Page scripts and styles that several sites' fixtures load (the Dropbox and Box share modal):
 * one folder, tests/fixtures/_shared/, served under this path at every host of FIXTURE_SITES,
 * ahead of the site's own folder.
 */
export const SHARED_FIXTURES = { dir: '_shared', mount: '/_shared/' } as const;

/**
 * Hosts with no fixture folder that tests give routes to: the firm's watchlist URL and
 * log collector of docs/design.md#watchlist and docs/design.md#central-collection (harrowvale.example is the
 * demo firm).
 */
export const ROUTE_ONLY_HOSTS = ['harrowvale.example', '*.harrowvale.example'];

export function allHosts(): string[] {
  return [...FIXTURE_SITES.flatMap((s) => s.hosts), ...ROUTE_ONLY_HOSTS];
}

/** Whether `host` is matched by `pattern` (exact, or `*.suffix` for any subdomain). */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

export function siteForHost(host: string): FixtureSite | undefined {
  return FIXTURE_SITES.find((s) => s.hosts.some((p) => hostMatches(p, host)));
}
