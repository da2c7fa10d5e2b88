import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CONTENT_MATCHES } from './lib/sites/hosts';

/**
 * Stable extension ID dgpffkmiboccamppjklikbofdadpbgoc, so firm policy can name it (docs/design.md#policy-files).
 * This is the public half of a key pair; only a store upload would need the private half.
 */
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA68xVjXHwQbmShHELg01IOqOHHTi/8aYYmpwht9dnQAg/VMt0xBD8XZDvguKG1bkGXcooME0QFI/LdwBCuwSo7ENf/e6SrOPZbaQKaF1TzDNCvWHHlBQuCqF/o3hZhEX74j8jhaOO0cf65OMSpTdB5Ibe2EAeLxDgmfEjq7czM4K9Zrd0+QmlZ9nlXpI5f5IwOQENOWTfGRJwK3VsphPE4IGuQG55CDaCpY2ZnIrB2z2UoYY+s45lb1RPc3VaPxAM5BYKy3mudx8fJskYwzJelaYky1s5Z9LJNU5tDkJA8J9WZ8ujikUT3mi4icAUCdh3407CIAk6ZqZxhwO9/T7ZVQIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Matterguard',
    description: 'Warns before client names and matter numbers leak through email, shares and chat.',
    key: MANIFEST_KEY,
    // contextMenus: "Add to my Matterguard watchlist"; activeTab + scripting: the popup reads the
    // selected text of the current tab only when the user opens it.
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting'],
    // The firm watchlist URL and the log collector are named by policy, so their hosts cannot be
    // listed ahead. Force-installed extensions cannot prompt for optional hosts, and a SIEM's
    // collector (e.g. Splunk Cloud HEC) cannot be given CORS headers: so any https host. The
    // worker fetches only those two URLs (docs/design.md#network); content scripts still run only on CONTENT_MATCHES.
    host_permissions: [...CONTENT_MATCHES, 'https://*/*'],
    // Firefox needs a fixed add-on ID for policies.json (3rdparty) to name it.
    browser_specific_settings: { gecko: { id: 'matterguard@matterguard.app' } },
    storage: { managed_schema: 'managed-schema.json' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self' https:",
    },
  },
});
