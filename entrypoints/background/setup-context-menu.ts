import { browser } from 'wxt/browser';
import type { PersonalService } from './setup-personal';

export const ADD_TERM_MENU = 'matterguard-add-term';
export const ADD_TERM_TITLE = 'Add to my Matterguard watchlist';

/**
 * The context-menu item on selected text (issue 4). Hidden while policy turns personal lists
 * off. It needs the `contextMenus` permission; without it there is simply no item.
 * The answer shows on the toolbar button of that tab: "+" and a tooltip naming the term (the
 * tab's own level badge replaces it at its next report), or the reason it was not added.
 */
export function setupContextMenu(personal: Pick<PersonalService, 'addTerm' | 'enabled' | 'onChange'>): void {
  const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
  if (!menus) {
    console.warn('Matterguard: no contextMenus permission, so no "Add to my Matterguard watchlist" item.');
    return;
  }

  async function show(): Promise<void> {
    await menus!.update(ADD_TERM_MENU, { visible: await personal.enabled() });
  }

  // Created at every start (after removing what an earlier start made): Chrome keeps items
  // across restarts and Firefox does not, and creating one that exists would be an error.
  const created = (async () => {
    await menus.removeAll();
    menus.create({
      id: ADD_TERM_MENU,
      title: ADD_TERM_TITLE,
      contexts: ['selection'],
      visible: await personal.enabled(),
    });
  })().catch((error: unknown) => console.warn('Matterguard: context menu', error));

  personal.onChange(() => void created.then(show).catch(() => undefined));

  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ADD_TERM_MENU) return;
    const tabId = tab?.id;
    void personal.addTerm(info.selectionText ?? '').then(
      async ({ outcome, label }) => {
        if (tabId === undefined) return;
        await browser.action.setBadgeText({ tabId, text: '+' });
        await browser.action.setBadgeBackgroundColor({ tabId, color: '#166534' });
        await browser.action.setTitle({
          tabId,
          title:
            outcome === 'added'
              ? `Matterguard — added “${label}” to your watchlist`
              : `Matterguard — “${label}” is already on your watchlist`,
        });
      },
      async (error: unknown) => {
        if (tabId === undefined) return;
        await browser.action.setTitle({
          tabId,
          title: `Matterguard — not added: ${error instanceof Error ? error.message : String(error)}`,
        });
      },
    );
  });
}
