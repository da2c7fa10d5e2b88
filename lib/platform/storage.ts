import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Policy } from '../policy/types';

/**
 * Every browser.storage key Matterguard uses, defined once (STYLE "Storage"): its area, its
 * owner and when it is cleared. Add a key here before using it anywhere.
 *
 * | key                          | area    | owner            | cleared when                               |
 * |------------------------------|---------|------------------|--------------------------------------------|
 * | `settings`                   | local   | setup-policy     | never (the user's own options-page values) |
 * | `tabState:<tabId>`           | session | setup-tab-state  | the tab closes or leaves the guarded site  |
 * | (whole area, read-only)      | managed | setup-policy     | by the firm's administrators only          |
 *
 * Versioned items: when a stored shape changes, bump `version` and add a migration that
 * THROWS on a value it does not recognise. WXT then logs the MigrationError and leaves the
 * stored value untouched at its old version, so nothing the user set is lost to a reset.
 */

/** Options-page values for the policy keys the firm does not manage (DESIGN 8); e2e seeds it as `settings`. */
export const settingsItem = storage.defineItem<Partial<Policy>>('local:settings', { fallback: {}, version: 1 });

/** What each guarded tab last reported; one key per tab so tabs never overwrite each other. */
export const tabStateItemKey = (tabId: number): `session:tabState:${number}` => `session:tabState:${tabId}`;

/**
 * The firm's managed policy. On an unmanaged install Chrome may reject (no managed_schema
 * store on some platforms), Firefox without policies.json answers {}, and a browser may lack
 * the area altogether: all of them mean "no managed policy".
 */
export async function readManagedPolicy(): Promise<Record<string, unknown>> {
  try {
    const managed = browser.storage.managed as typeof browser.storage.managed | undefined;
    if (!managed) return {};
    return await managed.get();
  } catch {
    return {};
  }
}
