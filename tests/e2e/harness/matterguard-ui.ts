import { Ax, formatNode, isOn, type AxNode } from './ax';
import { waitUntil, type WaitOptions } from './wait';

/*
 * Matterguard's in-page UI as the contract names it (docs/design.md#accessibility):
 * a live region named "Matterguard…" per compose surface, and an alertdialog named
 * "Matterguard: check before sending" at the gate. Found only through the accessibility tree.
 */

export const NOTICE = { role: /^(status|alert)$/, name: /^Matterguard/ } as const;
export const GATE = { role: 'alertdialog', name: 'Matterguard: check before sending' } as const;
export type LevelWord = 'Notice' | 'Warning' | 'Critical';
const LEVEL_WORDS = /\b(Notice|Warning|Critical)\b/;

/** What a notice says: its name and the text inside it. */
export function noticeText(node: AxNode): string {
  return `${node.name} ${node.text}`.trim();
}

/** Notices that currently say something (a live region may stay in place, empty). */
export async function liveNotices(ax: Ax): Promise<AxNode[]> {
  return (await ax.findAll(NOTICE)).filter((n) => LEVEL_WORDS.test(noticeText(n)));
}

/** The speaking notice whose box is nearest to `near` (the compose box), if any. */
export async function noticeNear(ax: Ax, near: { x: number; y: number } | null): Promise<AxNode | undefined> {
  const notices = await liveNotices(ax);
  if (notices.length <= 1 || !near) return notices[0];
  let best: { node: AxNode; d: number } | undefined;
  for (const node of notices) {
    const c = await ax.centre(node);
    const d = Math.hypot(c.x - near.x, c.y - near.y);
    if (!best || d < best.d) best = { node, d };
  }
  return best?.node;
}

export interface NoticeExpectation {
  level: LevelWord;
  /** Every one of these must appear in the notice. */
  mentions?: (string | RegExp)[];
}

function fits(text: string, e: NoticeExpectation): boolean {
  return (
    new RegExp(`\\b${e.level}\\b`).test(text) &&
    (e.mentions ?? []).every((m) => (typeof m === 'string' ? text.includes(m) : m.test(text)))
  );
}

/** Waits until the notice by `near` says `expected` (level word and mentions). */
export async function waitForNotice(
  ax: Ax,
  near: () => Promise<{ x: number; y: number } | null>,
  expected: NoticeExpectation,
  options?: WaitOptions,
): Promise<string> {
  return waitUntil(
    async () => {
      const node = await noticeNear(ax, await near());
      return node && fits(noticeText(node), expected) ? noticeText(node) : undefined;
    },
    `a Matterguard notice saying "${expected.level}"${expected.mentions?.length ? ` and mentioning ${expected.mentions.map(String).join(', ')}` : ''}`,
    () => ax.describe(NOTICE),
    options,
  );
}

/** Waits until no notice speaks (nothing matches any more). */
export async function waitForNoNotice(ax: Ax, options?: WaitOptions): Promise<void> {
  await waitUntil(
    async () => (await liveNotices(ax)).length === 0,
    'every Matterguard notice to disappear',
    () => ax.describe(NOTICE),
    options,
  );
}

export interface OverrideChoice {
  reason: RegExp;
  details?: string;
}

/** The gate dialog, operated with trusted input only. */
export class GateDialog {
  private constructor(
    private readonly ax: Ax,
    readonly node: AxNode,
  ) {}

  static async waitFor(ax: Ax, options?: WaitOptions): Promise<GateDialog> {
    return new GateDialog(ax, await ax.waitFor(GATE, options));
  }

  static async isOpen(ax: Ax): Promise<boolean> {
    return (await ax.find(GATE)) !== undefined;
  }

  get text(): string {
    return this.node.text;
  }

  async button(name: string | RegExp): Promise<AxNode | undefined> {
    return this.ax.find({ role: 'button', name, within: this.node });
  }

  async goBackIsFocused(): Promise<boolean> {
    const back = await this.ax.waitFor({ role: 'button', name: 'Go back', within: this.node });
    return isOn(back, 'focused');
  }

  async goBack(): Promise<void> {
    await this.ax.click(await this.ax.waitFor({ role: 'button', name: 'Go back', within: this.node }));
    await this.ax.waitForGone(GATE);
  }

  /** Whether "Send anyway" can be pressed right now. */
  async sendAnywayEnabled(): Promise<boolean> {
    const send = await this.ax.waitFor({ role: 'button', name: 'Send anyway', within: this.node });
    return !isOn(send, 'disabled');
  }

  /** Waits (briefly: the UI re-renders asynchronously) for "Send anyway" to be enabled or not. */
  async expectSendAnyway(enabled: boolean): Promise<void> {
    await waitUntil(
      async () => (await this.sendAnywayEnabled()) === enabled,
      `"Send anyway" to be ${enabled ? 'enabled' : 'disabled'}`,
      () => this.ax.describe(GATE),
      { timeoutMs: 3_000 },
    );
  }

  async chooseReason(reason: RegExp): Promise<void> {
    const combo = await this.ax.waitFor({ role: /^(combobox|listbox)$/, name: /^Reason/, within: this.node });
    await this.ax.selectOption(combo, reason);
  }

  async writeDetails(details: string): Promise<void> {
    await this.ax.click(await this.ax.waitFor({ role: 'textbox', name: /^Details/, within: this.node }));
    await this.ax.page.keyboard.type(details);
  }

  async acknowledge(): Promise<void> {
    const box = await this.ax.waitFor({ role: 'checkbox', name: /^I understand/, within: this.node });
    if (!isOn(box, 'checked')) await this.ax.click(box);
    await waitUntil(
      async () => {
        const now = await this.ax.refresh(box);
        return now !== undefined && isOn(now, 'checked');
      },
      'the "I understand" checkbox to be checked',
      async () => formatNode((await this.ax.refresh(box)) ?? box),
    );
  }

  /** Fills the dialog as a user would and presses "Send anyway"; waits for it to close. */
  async sendAnyway(choice: OverrideChoice): Promise<void> {
    await this.chooseReason(choice.reason);
    if (choice.details !== undefined) await this.writeDetails(choice.details);
    await this.acknowledge();
    await this.expectSendAnyway(true);
    await this.ax.click(await this.ax.waitFor({ role: 'button', name: 'Send anyway', within: this.node }));
    await this.ax.waitForGone(GATE);
  }
}
