import type { Frame, Page } from 'playwright-core';
import { Ax } from '../harness/ax';
import { waitUntil } from '../harness/wait';

/*
 * The accessibility tree of ONE frame. The share dialogs live in iframes (Drive/Docs
 * `/sharing/driveshare`, SharePoint `sharedialog.aspx`: docs/sites.md#frames-and-pop-outs), and CDP's
 * Accessibility.getFullAXTree returns the main frame only unless it is given a frameId.
 * Same-origin frames share the page's renderer, so the page's CDP session reaches them and
 * DOM.getBoxModel answers in the page's viewport coordinates (checked: equal to Playwright's
 * boundingBox), so Ax's trusted clicks land where they should.
 *
 * Ax has no frame option, so the one call that needs it is pointed at the frame here: the only
 * place that reaches into Ax. An option `Ax.attach(page, { frameId })` would make this file go.
 */

interface CdpLike {
  send(method: string, params?: object): Promise<unknown>;
}

interface FrameTree {
  frame: { id: string; url: string };
  childFrames?: FrameTree[];
}

function findFrame(tree: FrameTree, url: string): string | undefined {
  if (tree.frame.url === url) return tree.frame.id;
  for (const child of tree.childFrames ?? []) {
    const id = findFrame(child, url);
    if (id) return id;
  }
  return undefined;
}

export async function attachFrameAx(page: Page, frame: Frame): Promise<Ax> {
  const ax = await Ax.attach(page);
  const cdp = (ax as unknown as { cdp: CdpLike }).cdp;
  const frameId = await waitUntil(
    async () => findFrame(((await cdp.send('Page.getFrameTree')) as { frameTree: FrameTree }).frameTree, frame.url()),
    `the frame ${frame.url()} in the page's frame tree`,
    async () => JSON.stringify(await cdp.send('Page.getFrameTree')),
  );
  const send = cdp.send.bind(cdp);
  cdp.send = (method, params) =>
    send(method, method === 'Accessibility.getFullAXTree' ? { ...params, frameId } : params);
  return ax;
}
