import { browser } from 'wxt/browser';
import type { Level } from '@/lib/match/types';
import type { MessageRouter } from '@/lib/messaging/router';
import type { TabState } from '@/lib/protocol/protocol';

/**
 * What each guarded tab last reported, for the popup and the toolbar badge. Kept in
 * `storage.session` under `tabState:<tabId>` so a restarted worker still knows it; cleared when
 * the tab closes or leaves the site that reported it. Session storage empties when the browser
 * closes, as tab ids do.
 */
export const tabStateKey = (tabId: number): string => `tabState:${tabId}`;

/** The reported state plus the origin of the page that reported it (to notice navigation away). */
interface StoredTabState extends TabState {
  origin: string;
}

const BADGE: Record<Level, { text: string; color: string }> = {
  notice: { text: '', color: '#6b7280' },
  warn: { text: '!', color: '#d97706' },
  critical: { text: '!!', color: '#dc2626' },
};

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

async function setBadge(tabId: number, level: Level | null): Promise<void> {
  const badge = level ? BADGE[level] : BADGE.notice;
  await browser.action.setBadgeText({ tabId, text: badge.text });
  await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
}

async function forget(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabStateKey(tabId));
}

async function read(tabId: number): Promise<StoredTabState | null> {
  const key = tabStateKey(tabId);
  const found = (await browser.storage.session.get(key))[key] as StoredTabState | undefined;
  return found ?? null;
}

/**
 * Whether the tab still shows the origin that reported. Without the `tabs` permission Chrome
 * gives a tab's URL only on hosts we are granted, i.e. guarded sites; no URL means the tab has
 * moved to a site Matterguard does not guard.
 */
async function stillThere(tabId: number, stored: StoredTabState): Promise<boolean> {
  // Chrome rejects for a closed tab; the fake browser resolves undefined. Both mean gone.
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return originOf(tab?.url) === stored.origin;
}

export function setupTabState(router: MessageRouter): void {
  router.on('reportTabState', async (state, sender) => {
    // The router admits content messages only with a browser-stamped tab.
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('reportTabState: no tab.');
    const stored: StoredTabState = {
      site: state.site,
      level: state.level,
      matchCount: state.matchCount,
      summary: state.summary,
      origin: originOf(sender.tab?.url) ?? originOf(sender.url) ?? '',
    };
    await browser.storage.session.set({ [tabStateKey(tabId)]: stored });
    await setBadge(tabId, state.level);
    return null;
  });

  router.on('getTabState', async ({ tabId }) => {
    const stored = await read(tabId);
    if (!stored) return null;
    if (!(await stillThere(tabId, stored))) {
      await forget(tabId);
      return null;
    }
    const { origin: _origin, ...state } = stored;
    return state;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void forget(tabId);
  });

  // A full navigation starts with status 'loading'. If the tab left the reporting site, its
  // state and badge are stale; within the site the content script reports again.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'loading') return;
    void read(tabId).then(async (stored) => {
      if (!stored || originOf(tab.url) === stored.origin) return;
      await forget(tabId);
      await setBadge(tabId, null);
    });
  });
}
