// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { googleDriveAdapter } from '@/lib/sites/google-drive/adapter';
import { adapterForHost } from '@/lib/sites/registry';
import type { ComposeSurface } from '@/lib/sites/types';
import {
  intentOf as intentOfAdapter,
  invite,
  loadFixture,
  typeInto,
  userClick,
  userKey,
} from '@/tests/helpers/share-fixture';

interface Shared {
  via: string;
  item: string;
  to: string[];
  notify: boolean;
  message: string;
}
interface ShareFrame {
  sent: Shared[];
}

const FRAME_URL = 'https://drive.google.com/sharing/driveshare?id=1AcmeSpaDraft&foreignService=explorer';
let frame: ShareFrame;
beforeEach(() => {
  frame = loadFixture<ShareFrame>(FRAME_URL, 'google-drive/sharing/driveshare.html', [
    'google-drive/sharing/driveshare.js',
  ]);
});

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const peopleInput = () => $<HTMLInputElement>('input[aria-label*="Add people"]');
const primary = () => $('.share-primary');
function theSurface(): ComposeSurface {
  const surfaces = googleDriveAdapter.findSurfaces(document);
  expect(surfaces).toHaveLength(1);
  return surfaces[0]!;
}
const intentOf = (el: HTMLElement, event: Event, s: ComposeSurface) =>
  intentOfAdapter(googleDriveAdapter, el, event, s);
const fieldText = (s: ComposeSurface, name: string) => {
  const el = s.fields().find((f) => f.name === name)?.element;
  return el instanceof HTMLTextAreaElement ? el.value : el?.textContent;
};

describe('Google Drive share dialog (fixture frame)', () => {
  it('is guarded on drive.google.com and docs.google.com, with "Share anyway"', () => {
    expect(adapterForHost('drive.google.com')).toBe(googleDriveAdapter);
    expect(adapterForHost('docs.google.com')).toBe(googleDriveAdapter);
    expect(googleDriveAdapter.overrideLabel).toBe('Share anyway');
  });

  it('finds the dialog and reads the shared item name from its title', () => {
    const s = theSurface();
    expect(s.kind).toBe('share');
    expect(fieldText(s, 'item-name')).toBe('Share “Acme Holdings SPA draft v3.docx”');
    expect(googleDriveAdapter.surfaceFor(peopleInput())?.root).toBe(s.root);
  });

  it('reads invitees from chips and from an address still being typed', () => {
    const s = theSurface();
    invite(peopleInput(), 'Counsel@Acme.example');
    typeInto(peopleInput(), 'kestrel@gmail.com');
    expect(s.recipients().sort()).toEqual(['counsel@acme.example', 'kestrel@gmail.com']);
  });

  it('reads the message while "Notify people" is on, and not when it is off (nothing is sent then)', () => {
    const s = theSurface();
    invite(peopleInput(), 'counsel@acme.example');
    typeInto($<HTMLTextAreaElement>('textarea[aria-label=Message]'), 'Matter 12345-0001 draft');
    expect(fieldText(s, 'message')).toBe('Matter 12345-0001 draft');
    userClick($('[role=checkbox][aria-label="Notify people"]'));
    expect(s.fields().map((f) => f.name)).toEqual(['item-name']);
  });

  it.each([
    ['Send', () => undefined],
    ['Share', () => userClick($('[role=checkbox][aria-label="Notify people"]'))],
  ])('gates the %s button, by click and by Enter on it', (label, setUp) => {
    const s = theSurface();
    invite(peopleInput(), 'counsel@acme.example');
    setUp();
    expect(primary().textContent).toBe(label);
    const click = new MouseEvent('click', { bubbles: true, button: 0 });
    expect(intentOf(primary(), click, s)).toEqual({ path: 'button', control: primary() });
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true });
    expect(intentOf(primary(), enter, s)).toEqual({ path: 'button', control: primary() });
    expect(frame.sent).toEqual([]);
  });

  it('gates "Copy link" but not "Done", which only closes', () => {
    const s = theSurface();
    expect(primary().textContent).toBe('Done');
    const at = (el: HTMLElement) => intentOf(el, new MouseEvent('click', { bubbles: true, button: 0 }), s);
    expect(at(primary())).toBeNull();
    expect(at($('.share-copy'))?.control).toBe($('.share-copy'));
  });

  it('Enter in the people input commits a chip and is not a share', () => {
    const s = theSurface();
    typeInto(peopleInput(), 'counsel@acme.example');
    const enter = userKey(peopleInput(), 'Enter');
    expect(googleDriveAdapter.sendIntent(enter, s)).toBeNull();
    expect(frame.sent).toEqual([]);
    expect(s.recipients()).toEqual(['counsel@acme.example']);
  });

  it("re-sends a held share exactly once, through the page's own click handler", () => {
    const s = theSurface();
    invite(peopleInput(), 'counsel@acme.example');
    googleDriveAdapter.resend({ path: 'button', control: primary() }, s);
    // happy-dom has no isTrusted: the fixture records `undefined`; real Chromium says false.
    expect(frame.sent).toEqual([
      {
        via: 'send',
        item: 'Acme Holdings SPA draft v3.docx',
        to: ['counsel@acme.example'],
        notify: true,
        message: '',
        trusted: undefined,
      },
    ]);
  });

  it('still finds the dialog (so the notice shows) when its share button is unknown', () => {
    for (const b of document.querySelectorAll('button')) b.textContent = 'Partager';
    const s = theSurface();
    expect(s.noticeAnchor().isConnected).toBe(true);
    expect(s.root.contains(s.noticeAnchor())).toBe(true);
  });
});

describe('Google Drive file list (fixture page)', () => {
  it('checks a file chosen for upload by its name', () => {
    loadFixture('https://drive.google.com/drive/u/0/', 'google-drive/drive/u/0/index.html', [
      'google-drive/drive-fixture.js',
    ]);
    const input = $<HTMLInputElement>('input[type=file]');
    expect(googleDriveAdapter.surfaceFor(input)).toBeNull();
    const file = new File(['x'], 'Project Falcon SPA.docx');
    Object.defineProperty(input, 'files', { value: [file] });
    const s = googleDriveAdapter.surfaceFor(input)!;
    expect(s.kind).toBe('upload');
    expect(s.attachmentNames()).toEqual(['Project Falcon SPA.docx']);
    expect(googleDriveAdapter.sendIntent(new MouseEvent('click'), s)).toBeNull();
    expect(s.noticeAnchor()).toBe($('[role=main]'));
  });
});
