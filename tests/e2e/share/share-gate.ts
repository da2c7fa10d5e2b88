import { isOn, type Ax, type AxNode } from '../harness/ax';
import { waitUntil, type WaitOptions } from '../harness/wait';

/*
 * Matterguard's gate dialog in its share wording (docs/design.md#send-gate): an alertdialog named
 * "Matterguard: check before sharing" whose confirm button is "Share anyway". The harness's
 * GateDialog speaks Gmail's "sending" wording; this is the same dialog driven the same way,
 * with trusted input through the accessibility tree of the share frame.
 */

export const SHARE_GATE = { role: 'alertdialog', name: 'Matterguard: check before sharing' } as const;
const ANYWAY = 'Share anyway';

export class ShareGate {
  private constructor(
    private readonly ax: Ax,
    readonly node: AxNode,
  ) {}

  static async waitFor(ax: Ax, options?: WaitOptions): Promise<ShareGate> {
    return new ShareGate(ax, await ax.waitFor(SHARE_GATE, options));
  }

  static async isOpen(ax: Ax): Promise<boolean> {
    return (await ax.find({ role: 'alertdialog' })) !== undefined;
  }

  get text(): string {
    return this.node.text;
  }

  async goBack(): Promise<void> {
    await this.ax.click(await this.ax.waitFor({ role: 'button', name: 'Go back', within: this.node }));
    await this.ax.waitForGone(SHARE_GATE);
  }

  async anywayEnabled(): Promise<boolean> {
    const button = await this.ax.waitFor({ role: 'button', name: ANYWAY, within: this.node });
    return !isOn(button, 'disabled');
  }

  /** Chooses a reason, acknowledges and presses "Share anyway"; waits for the dialog to close. */
  async shareAnyway(reason: RegExp): Promise<void> {
    const combo = await this.ax.waitFor({ role: /^(combobox|listbox)$/, name: /^Reason/, within: this.node });
    await this.ax.selectOption(combo, reason);
    const box = await this.ax.waitFor({ role: 'checkbox', name: /^I understand/, within: this.node });
    if (!isOn(box, 'checked')) await this.ax.click(box);
    await waitUntil(
      () => this.anywayEnabled(),
      `"${ANYWAY}" to be enabled`,
      () => this.ax.describe(SHARE_GATE),
      { timeoutMs: 3_000 },
    );
    await this.ax.click(await this.ax.waitFor({ role: 'button', name: ANYWAY, within: this.node }));
    await this.ax.waitForGone(SHARE_GATE);
  }
}
