import type { CDPSession, Page } from 'playwright-core';
import { waitUntil, type WaitOptions } from './wait';

/*
 * The page as assistive technology sees it. Matterguard's UI lives in a CLOSED shadow root
 * that neither page scripts nor Playwright selectors can enter; the accessibility tree
 * (CDP Accessibility domain) spans it, as it does for a screen reader, and clicks land on
 * the centre of a node's box through real (trusted) mouse input.
 */

export interface AxNode {
  id: string;
  role: string;
  name: string;
  /** e.g. the selected option of a combobox, the text of a textbox. */
  value: string;
  /** The visible text inside the node (its StaticText descendants), space-joined. */
  text: string;
  backendNodeId: number | undefined;
  /** CDP properties by name: focused, disabled, checked, expanded, live, … */
  props: Record<string, unknown>;
  childIds: string[];
}

export interface AxQuery {
  role: string | RegExp;
  name?: string | RegExp;
  /** Matched against the node's inner text. */
  text?: string | RegExp;
  /** Only nodes inside this one. */
  within?: AxNode;
}

export interface AxTree {
  /** Nodes that are not ignored, in document order. */
  nodes: AxNode[];
  byId: Map<string, AxNode>;
  /** Children of every node, ignored ones included (they still hold visible descendants). */
  children: Map<string, string[]>;
}

function matches(pattern: string | RegExp | undefined, value: string): boolean {
  if (pattern === undefined) return true;
  return typeof pattern === 'string' ? value === pattern : pattern.test(value);
}

export function describeQuery(q: AxQuery): string {
  const parts = [`role ${String(q.role)}`];
  if (q.name !== undefined) parts.push(`name ${String(q.name)}`);
  if (q.text !== undefined) parts.push(`text ${String(q.text)}`);
  if (q.within) parts.push(`inside ${q.within.role} "${q.within.name}"`);
  return parts.join(', ');
}

/** One line per node: role "name" = value [props] — text. */
export function formatNode(n: AxNode): string {
  const props = Object.entries(n.props)
    .filter(([k, v]) => ['focused', 'disabled', 'checked', 'expanded'].includes(k) && v !== false && v !== 'false')
    .map(([k, v]) => (v === true || v === 'true' ? k : `${k}=${String(v)}`));
  const value = n.value ? ` = "${n.value}"` : '';
  const text = n.text && n.text !== n.name ? ` — ${n.text.slice(0, 160)}` : '';
  return `${n.role} "${n.name}"${value}${props.length ? ` [${props.join(', ')}]` : ''}${text}`;
}

const BORING = new Set([
  'generic',
  'StaticText',
  'InlineTextBox',
  'none',
  'LineBreak',
  'paragraph',
  'RootWebArea',
  'group',
  'LabelText',
]);

export class Ax {
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<Ax> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Accessibility.enable');
    await cdp.send('DOM.enable');
    return new Ax(page, cdp);
  }

  async tree(): Promise<AxTree> {
    const { nodes } = await this.cdp.send('Accessibility.getFullAXTree', {});
    const byId = new Map<string, AxNode>();
    const raw = new Map<string, (typeof nodes)[number]>();
    const children = new Map<string, string[]>();
    for (const n of nodes) {
      raw.set(n.nodeId, n);
      children.set(n.nodeId, n.childIds ?? []);
    }
    for (const n of nodes) {
      if (n.ignored) continue;
      const props: Record<string, unknown> = {};
      for (const p of n.properties ?? []) props[p.name] = p.value.value;
      byId.set(n.nodeId, {
        id: n.nodeId,
        role: String(n.role?.value ?? ''),
        name: String(n.name?.value ?? ''),
        value: n.value?.value === undefined ? '' : String(n.value.value),
        text: '',
        backendNodeId: n.backendDOMNodeId,
        props,
        childIds: n.childIds ?? [],
      });
    }
    // Text is gathered through ignored nodes too: a generic wrapper is often ignored.
    const textOf = (id: string): string[] => {
      const n = raw.get(id);
      if (!n) return [];
      if (!n.ignored && n.role?.value === 'StaticText') return [String(n.name?.value ?? '')];
      return (n.childIds ?? []).flatMap(textOf);
    };
    for (const node of byId.values()) node.text = textOf(node.id).join(' ').replace(/\s+/g, ' ').trim();
    return { nodes: [...byId.values()], byId, children };
  }

  /** Nodes matching `q`, in document order. */
  async findAll(q: AxQuery, tree?: AxTree): Promise<AxNode[]> {
    const t = tree ?? (await this.tree());
    const scope = q.within ? descendants(t, q.within.id) : null;
    return t.nodes.filter(
      (n) =>
        (!scope || scope.has(n.id)) && matches(q.role, n.role) && matches(q.name, n.name) && matches(q.text, n.text),
    );
  }

  async find(q: AxQuery): Promise<AxNode | undefined> {
    return (await this.findAll(q))[0];
  }

  /** Waits for a node matching `q`; the failure message lists what the tree had instead. */
  async waitFor(q: AxQuery, options?: WaitOptions): Promise<AxNode> {
    return waitUntil(
      () => this.find(q),
      `an accessible node with ${describeQuery(q)}`,
      () => this.describe(q),
      options,
    );
  }

  /** Waits until nothing matches `q`. */
  async waitForGone(q: AxQuery, options?: WaitOptions): Promise<void> {
    await waitUntil(
      async () => (await this.find(q)) === undefined,
      `no accessible node with ${describeQuery(q)} to remain`,
      () => this.describe(q),
      options,
    );
  }

  /** A readable excerpt of the tree for failure messages, nodes like `q` first. */
  async describe(q?: AxQuery): Promise<string> {
    const tree = await this.tree();
    const interesting = tree.nodes.filter((n) => !BORING.has(n.role) || /matterguard/i.test(n.name));
    const like = q ? interesting.filter((n) => matches(q.role, n.role)) : [];
    const rest = interesting.filter((n) => !like.includes(n));
    const lines = [...like, ...rest].slice(0, 60).map((n) => `  ${formatNode(n)}`);
    const more = like.length + rest.length > 60 ? `\n  … ${like.length + rest.length - 60} more` : '';
    return `The accessibility tree of ${this.page.url()} had:\n${lines.join('\n')}${more}`;
  }

  /** Centre of the node's border box, in viewport CSS pixels, after scrolling it into view. */
  async centre(node: AxNode): Promise<{ x: number; y: number }> {
    const backendNodeId = requireBackend(node);
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
    const { model } = await this.cdp.send('DOM.getBoxModel', { backendNodeId });
    const q = model.border;
    const xs = [q[0], q[2], q[4], q[6]] as number[];
    const ys = [q[1], q[3], q[5], q[7]] as number[];
    return { x: xs.reduce((a, b) => a + b) / 4, y: ys.reduce((a, b) => a + b) / 4 };
  }

  /** A real mouse click (isTrusted) on the node's centre. */
  async click(node: AxNode): Promise<void> {
    const { x, y } = await this.centre(node);
    await this.page.mouse.click(x, y);
  }

  async focus(node: AxNode): Promise<void> {
    await this.cdp.send('DOM.focus', { backendNodeId: requireBackend(node) });
  }

  /**
   * Chooses the option whose text matches `label` in a native select (combobox), with the
   * keyboard as a user would (arrow keys change a closed select on Linux/Windows).
   */
  async selectOption(combo: AxNode, label: RegExp): Promise<void> {
    // A dialog that has just opened moves focus to its default button once it has rendered;
    // keys sent before our focus holds would go there. Focus until the select has it.
    for (let attempt = 0; attempt < 20; attempt++) {
      await this.focus(combo);
      const focused = (await this.tree()).byId.get(combo.id)?.props.focused;
      if (focused === true || focused === 'true') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.page.keyboard.press('Home');
    for (let step = 0; step < 50; step++) {
      const current = (await this.tree()).byId.get(combo.id);
      if (current && label.test(current.value)) return;
      const before = current?.value;
      await this.page.keyboard.press('ArrowDown');
      // The accessibility tree catches up with the key asynchronously: an unchanged value right
      // after the key is not yet "the last option". Give it a moment before concluding that.
      let after = (await this.tree()).byId.get(combo.id)?.value;
      for (let wait = 0; after === before && wait < 10; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        after = (await this.tree()).byId.get(combo.id)?.value;
      }
      if (after === before) break;
    }
    throw new Error(
      `No option matching ${String(label)} in ${formatNode(combo)}.\n${await this.describe({ role: /option|combobox/ })}`,
    );
  }

  /** The latest state of `node` (properties change while the id stays). */
  async refresh(node: AxNode): Promise<AxNode | undefined> {
    return (await this.tree()).byId.get(node.id);
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

function descendants(tree: AxTree, rootId: string): Set<string> {
  const out = new Set<string>();
  const stack = [...(tree.children.get(rootId) ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(tree.children.get(id) ?? []));
  }
  return out;
}

function requireBackend(node: AxNode): number {
  if (node.backendNodeId === undefined) throw new Error(`Accessible node has no DOM node: ${formatNode(node)}`);
  return node.backendNodeId;
}

/** True if the AX boolean property is set (CDP reports booleans and "true"/"false" tristates). */
export function isOn(node: AxNode, prop: string): boolean {
  const v = node.props[prop];
  return v === true || v === 'true';
}
