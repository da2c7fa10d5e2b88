import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITES, siteForHost, type SiteDefinition } from '@/lib/sites/catalog';
import { CHAT_MATCHES, SHARE_MATCHES, WEBMAIL_MATCHES } from '@/lib/sites/hosts';
import { ADAPTERS, adapterForHost, SHARED_FOLDERS } from '@/lib/sites/registry';

/** Every lib/sites/<folder>/site.ts, by folder. */
const definitions = Object.fromEntries(
  Object.entries(import.meta.glob<Record<string, SiteDefinition>>('/lib/sites/*/site.ts', { eager: true })).map(
    ([path, module]) => [path.split('/')[3], Object.values(module)],
  ),
);
const folders = readdirSync('lib/sites', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const MATCHES = { webmail: WEBMAIL_MATCHES, chat: CHAT_MATCHES, share: SHARE_MATCHES };

describe('the site catalog', () => {
  it.each(folders.filter((folder) => !SHARED_FOLDERS.includes(folder)))(
    'lib/sites/%s has one definition, named by the folder and listed in the catalog',
    (folder) => {
      expect(definitions[folder]).toHaveLength(1);
      const [definition] = definitions[folder]!;
      expect(definition!.id).toBe(folder);
      expect(SITES).toContain(definition);
    },
  );

  it('lists each site once, and no shared folder as a site', () => {
    const ids = SITES.map((site) => site.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const folder of SHARED_FOLDERS) {
      expect(folders).toContain(folder);
      expect(definitions[folder]).toBeUndefined();
    }
  });

  it.each(SITES.map((site) => [site.id, site] as const))(
    '%s has an adapter with its id, label and override label',
    (_, site) => {
      const adapter = ADAPTERS[site.id];
      expect(adapter).toBeDefined();
      expect({ id: adapter.id, label: adapter.label, overrideLabel: adapter.overrideLabel }).toEqual({
        id: site.id,
        label: site.label,
        overrideLabel: site.overrideLabel,
      });
    },
  );

  it.each(SITES.flatMap((site) => site.hosts.map((host) => [host, site] as const)))(
    '%s is matched by its family’s content script and guarded by its site’s adapter',
    (host, site) => {
      expect(MATCHES[site.family]).toContain(`https://${host}/*`);
      const concrete = host.replace(/^\*\./, 'tenant.');
      expect(siteForHost(concrete)).toBe(site);
      expect(adapterForHost(concrete)).toBe(ADAPTERS[site.id]);
    },
  );

  it('guards no bare domain of a wildcard host', () => {
    expect(adapterForHost('sharepoint.com')).toBeNull();
    expect(adapterForHost('.sharepoint.com')).toBeNull();
  });
});
