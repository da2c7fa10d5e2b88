import { browser } from 'wxt/browser';
import type { Policy } from '../policy/types';
import { sendMessage } from './messaging';
import type { ResponseOf, TabState } from './protocol';

export type Status = ResponseOf<'getStatus'>;
export type LogPage = ResponseOf<'listLog'>;
export type SavedPolicy = ResponseOf<'saveSettings'>;

/**
 * The one way the options page and the popup reach the background (STYLE "UI"). Components
 * take a Connector as a prop; tests give them the in-memory twin (connector-memory.ts).
 * Every method rejects with an Error whose message a person can read.
 */
export interface Connector {
  getStatus(): Promise<Status>;
  /** Newest first; `total` counts every record. */
  listLog(offset: number, limit: number): Promise<LogPage>;
  getTabState(tabId: number): Promise<TabState | null>;
  /** Saves options-page values for the keys the firm does not manage; returns the new effective policy. */
  saveSettings(settings: Partial<Policy>): Promise<SavedPolicy>;
  /** The tab the popup was opened over, null when there is none (e.g. a devtools window). */
  activeTabId(): Promise<number | null>;
  /** Opens (or focuses) the options page, which starts on the log. */
  openOptions(): Promise<void>;
}

export function createConnector(): Connector {
  return {
    getStatus: () => sendMessage('getStatus', {}),
    listLog: (offset, limit) => sendMessage('listLog', { offset, limit }),
    getTabState: (tabId) => sendMessage('getTabState', { tabId }),
    saveSettings: (settings) => sendMessage('saveSettings', { settings }),
    async activeTabId() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id ?? null;
    },
    openOptions: () => browser.runtime.openOptionsPage(),
  };
}
