import { Ax, isOn, type AxNode } from '../harness/ax';
import type { OverrideChoice } from '../harness/matterguard-ui';
import { waitUntil } from '../harness/wait';

/*
 * The gate dialog as chat sites show it: "Matterguard: check before posting", confirmed with
 * "Post anyway" (the adapter's overrideLabel). Trusted input only, through the accessibility tree.
 */
export const CHAT_GATE = { role: 'alertdialog', name: 'Matterguard: check before posting' } as const;

export class ChatGate {
  private constructor(
    private readonly ax: Ax,
    readonly node: AxNode,
  ) {}

  static async waitFor(ax: Ax): Promise<ChatGate> {
    return new ChatGate(ax, await ax.waitFor(CHAT_GATE));
  }

  static async isOpen(ax: Ax): Promise<boolean> {
    return (await ax.find(CHAT_GATE)) !== undefined;
  }

  get text(): string {
    return this.node.text;
  }

  async goBack(): Promise<void> {
    await this.ax.click(await this.ax.waitFor({ role: 'button', name: 'Go back', within: this.node }));
    await this.ax.waitForGone(CHAT_GATE);
  }

  /** Fills the dialog as a user would and presses "Post anyway"; waits for it to close. */
  async postAnyway(choice: OverrideChoice): Promise<void> {
    const combo = await this.ax.waitFor({ role: /^(combobox|listbox)$/, name: /^Reason/, within: this.node });
    await this.ax.selectOption(combo, choice.reason);
    const box = await this.ax.waitFor({ role: 'checkbox', name: /^I understand/, within: this.node });
    await this.ax.click(box);
    const post = () => this.ax.waitFor({ role: 'button', name: 'Post anyway', within: this.node });
    await waitUntil(
      async () => !isOn(await post(), 'disabled'),
      '"Post anyway" to be enabled',
      () => this.ax.describe(CHAT_GATE),
      { timeoutMs: 3_000 },
    );
    await this.ax.click(await post());
    await this.ax.waitForGone(CHAT_GATE);
  }
}
