// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { boxAdapter } from '@/lib/sites/box/adapter';
import { dropboxAdapter } from '@/lib/sites/dropbox/adapter';
import { onedriveAdapter } from '@/lib/sites/onedrive/adapter';
import { adapterForHost } from '@/lib/sites/registry';
import type { ComposeSurface, SiteAdapter } from '@/lib/sites/types';
import { intentOf, invite, loadFixture, typeInto, userClick, userKey } from '@/tests/helpers/share-fixture';

/**
 * The share sites other than Drive, each against its fixture (the pages the end-to-end tests
 * serve): SharePoint's sharedialog.aspx frame (Fluent guesses) and the Dropbox and Box modals
 * (the generic role-based detector alone). One table, the same user-visible questions.
 */
interface Shared {
  via: string;
  item: string;
  to: string[];
  message: string;
}
interface Fixture {
  sent: Shared[];
}

interface Case {
  site: string;
  adapter: SiteAdapter;
  hosts: string[];
  url: string;
  page: string;
  script: string;
  /** Opens the dialog the way a user does, where the dialog is in the page. */
  open?: (item: string) => void;
  item: string;
  people: string;
  message: string;
  share: string;
  chipAddressOnlyInText: boolean;
}

const openModal = (item: string) => userClick(document.querySelector(`.fx-open[data-item="${item}"]`)!);

const CASES: Case[] = [
  {
    site: 'SharePoint (sharedialog.aspx frame)',
    adapter: onedriveAdapter,
    hosts: ['harrowvale.sharepoint.com', 'harrowvale-my.sharepoint.com', 'onedrive.live.com'],
    url: 'https://harrowvale.sharepoint.com/sites/Matters/_layouts/15/sharedialog.aspx?listItemId=7&clientId=sharePoint&mode=share',
    page: 'onedrive/_layouts/15/sharedialog.html',
    script: 'onedrive/_layouts/15/sharedialog.js',
    item: 'Acme Holdings completion statement.xlsx',
    people: 'input[aria-label*="name, group, or email"]',
    message: 'textarea',
    share: 'Send',
    chipAddressOnlyInText: false,
  },
  {
    site: 'Dropbox (generic detector)',
    adapter: dropboxAdapter,
    hosts: ['www.dropbox.com'],
    url: 'https://www.dropbox.com/home',
    page: 'dropbox/home.html',
    script: '_shared/share-modal.js',
    open: openModal,
    item: 'Acme Holdings disclosure letter.pdf',
    people: 'input[type=email]',
    message: 'textarea',
    share: 'Share',
    chipAddressOnlyInText: true,
  },
  {
    site: 'Box (generic detector, aria-modal without role=dialog)',
    adapter: boxAdapter,
    hosts: ['app.box.com'],
    url: 'https://app.box.com/folder/0',
    page: 'box/folder.html',
    script: '_shared/share-modal.js',
    open: openModal,
    item: 'Beta Industries board minutes.docx',
    people: 'input[aria-label*="email"]',
    message: 'textarea',
    share: 'Send',
    chipAddressOnlyInText: false,
  },
];

function setUp(c: Case): { fixture: Fixture; surface: ComposeSurface; people: HTMLInputElement; button: HTMLElement } {
  const fixture = loadFixture<Fixture>(c.url, c.page, [c.script]);
  c.open?.(c.item);
  const surfaces = c.adapter.findSurfaces(document);
  expect(surfaces).toHaveLength(1);
  const button = [...document.querySelectorAll<HTMLElement>('button')].find(
    (b) => b.textContent === c.share && surfaces[0]!.root.contains(b),
  )!;
  return { fixture, surface: surfaces[0]!, people: document.querySelector<HTMLInputElement>(c.people)!, button };
}

describe.each(CASES)('$site', (c) => {
  it('is the adapter of its hosts and says "Share anyway"', () => {
    for (const host of c.hosts) expect(adapterForHost(host)).toBe(c.adapter);
    // Lookalikes of a guarded host are not guarded by it.
    for (const host of c.hosts) expect(adapterForHost(`${host}.evil.example`)).toBeNull();
    expect(c.adapter.overrideLabel).toBe('Share anyway');
  });

  it('scans the item name, the message and the invitees', () => {
    const { surface, people } = setUp(c);
    invite(people, 'Counsel@Acme.example');
    typeInto(people, 'kestrel@gmail.com');
    typeInto(document.querySelector<HTMLTextAreaElement>(c.message)!, 'Re matter 12345-0001');
    const text = Object.fromEntries(
      surface
        .fields()
        .map((f) => [f.name, f.element instanceof HTMLTextAreaElement ? f.element.value : f.element.textContent]),
    );
    expect(text).toEqual({ 'item-name': `Share “${c.item}”`, message: 'Re matter 12345-0001' });
    expect(surface.recipients().sort()).toEqual(['counsel@acme.example', 'kestrel@gmail.com']);
    expect(surface.kind).toBe('share');
  });

  it(`gates "${c.share}" and "Copy link" by click and by Enter on them, never Enter in the people input`, () => {
    const { fixture, surface, people, button } = setUp(c);
    const copy = [...surface.root.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent === 'Copy link')!;
    for (const el of [button, copy]) {
      expect(intentOf(c.adapter, el, new MouseEvent('click', { bubbles: true, button: 0 }), surface)).toEqual({
        path: 'button',
        control: el,
      });
      expect(
        intentOf(c.adapter, el, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }), surface)?.control,
      ).toBe(el);
    }
    typeInto(people, 'counsel@acme.example');
    expect(c.adapter.sendIntent(userKey(people, 'Enter'), surface)).toBeNull();
    expect(fixture.sent).toEqual([]);
    const cancel = [...surface.root.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent === 'Cancel');
    if (cancel)
      expect(intentOf(c.adapter, cancel, new MouseEvent('click', { bubbles: true, button: 0 }), surface)).toBeNull();
  });

  it("re-sends a held share exactly once through the page's own handler", () => {
    const { fixture, surface, people, button } = setUp(c);
    invite(people, 'counsel@acme.example');
    c.adapter.resend({ path: 'button', control: button }, surface);
    expect(fixture.sent).toHaveLength(1);
    expect(fixture.sent[0]).toMatchObject({ item: c.item, to: ['counsel@acme.example'] });
  });

  it('keeps its notice inside the dialog even when no share button is recognised', () => {
    const { surface } = setUp(c);
    // A UI language the label table does not cover (Swedish "Dela"): no share button is recognised.
    for (const b of surface.root.querySelectorAll('button')) b.textContent = 'Dela';
    expect(c.adapter.findSurfaces(document).map((s) => s.root)).toEqual([surface.root]);
    expect(surface.root.contains(surface.noticeAnchor())).toBe(true);
  });
});

it.each(['sharepoint.com', 'evil-sharepoint.com', 'harrowvale.sharepoint.com.evil.example'])(
  '%s is not SharePoint',
  (host) => {
    expect(adapterForHost(host)).toBeNull();
  },
);

describe('uploads on the share sites', () => {
  it.each([
    ['Dropbox', dropboxAdapter, 'https://www.dropbox.com/home', 'dropbox/home.html', '_shared/share-modal.js'],
    ['Box', boxAdapter, 'https://app.box.com/folder/0', 'box/folder.html', '_shared/share-modal.js'],
    [
      'SharePoint',
      onedriveAdapter,
      'https://harrowvale.sharepoint.com/sites/Matters/Shared%20Documents/Forms/AllItems.aspx',
      'onedrive/library.html',
      'onedrive/library.js',
    ],
  ] as const)('%s: a chosen file is checked by its name, and nothing is gated', (_, adapter, url, page, script) => {
    loadFixture(url, page, [script]);
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'Project Falcon signing.pdf')] });
    const surface = adapter.surfaceFor(input)!;
    expect(surface.attachmentNames()).toEqual(['Project Falcon signing.pdf']);
    expect(surface.noticeAnchor().isConnected).toBe(true);
    expect(adapter.sendIntent(new MouseEvent('click'), surface)).toBeNull();
  });
});

it('a chip that shows its address only as text still counts (Dropbox fixture)', () => {
  const c = CASES.find((x) => x.chipAddressOnlyInText)!;
  const { surface, people } = setUp(c);
  invite(people, 'legal@beta.example');
  const chip = document.querySelector('[role=option]')!;
  expect([...chip.attributes].some((a) => a.value.includes('@'))).toBe(false);
  expect(surface.recipients()).toEqual(['legal@beta.example']);
});
