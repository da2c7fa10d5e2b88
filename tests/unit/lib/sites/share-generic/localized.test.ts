// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { googleDriveAdapter } from '@/lib/sites/google-drive/adapter';
import { onedriveAdapter } from '@/lib/sites/onedrive/adapter';
import type { ComposeSurface, SiteAdapter } from '@/lib/sites/types';
import { intentOf, invite, loadFixture, typeInto, userClick } from '@/tests/helpers/share-fixture';

/**
 * The share dialogs in German and Japanese (issue 5, localized labels): the Drive and SharePoint
 * fixtures relabelled as those UIs name their controls. Drive's people input and its Notify
 * switch, and every site's share buttons, are known by their names only.
 */

const click = () => new MouseEvent('click', { bubbles: true, button: 0 });
const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
function relabel(el: HTMLElement, name: string): void {
  if (el.hasAttribute('aria-label')) el.setAttribute('aria-label', name);
  if (el.hasAttribute('placeholder')) el.setAttribute('placeholder', name);
}
function only(adapter: SiteAdapter): ComposeSurface {
  const surfaces = adapter.findSurfaces(document);
  expect(surfaces).toHaveLength(1);
  return surfaces[0]!;
}

const DRIVE = {
  de: {
    people: 'Personen, Gruppen und Kalendertermine hinzufügen',
    notify: 'Personen benachrichtigen',
    send: 'Senden',
    share: 'Teilen',
    copy: 'Link kopieren',
    done: 'Fertig',
  },
  ja: {
    people: 'ユーザー、グループ、カレンダーの予定を追加',
    notify: '通知',
    send: '送信',
    share: '共有',
    copy: 'リンクをコピー',
    done: '完了',
  },
};

describe.each(Object.entries(DRIVE))('Google Drive share dialog in %s', (_lang, l) => {
  function open() {
    loadFixture(
      'https://drive.google.com/sharing/driveshare?id=1AcmeSpaDraft',
      'google-drive/sharing/driveshare.html',
      ['google-drive/sharing/driveshare.js'],
    );
    relabel($('.share-people input'), l.people);
    relabel($('.share-notify [role=checkbox]'), l.notify);
    $('.share-copy').textContent = l.copy;
    return $<HTMLInputElement>('.share-people input');
  }

  it('finds the dialog by its people input and reads the invitees', () => {
    const people = open();
    const surface = only(googleDriveAdapter);
    invite(people, 'Counsel@Acme.example');
    typeInto(people, 'kestrel@gmail.com');
    expect(surface.recipients().sort()).toEqual(['counsel@acme.example', 'kestrel@gmail.com']);
  });

  it(`gates "${l.send}", "${l.share}" and "${l.copy}", not "${l.done}"`, () => {
    const people = open();
    const surface = only(googleDriveAdapter);
    const primary = $('.share-primary');
    primary.textContent = l.done;
    expect(intentOf(googleDriveAdapter, primary, click(), surface)).toBeNull();
    expect(intentOf(googleDriveAdapter, $('.share-copy'), click(), surface)?.control).toBe($('.share-copy'));
    invite(people, 'counsel@acme.example');
    for (const name of [l.send, l.share]) {
      primary.textContent = name;
      expect(intentOf(googleDriveAdapter, primary, click(), surface)).toEqual({ path: 'button', control: primary });
    }
  });

  it(`does not scan the message while "${l.notify}" is off`, () => {
    const people = open();
    const surface = only(googleDriveAdapter);
    invite(people, 'counsel@acme.example');
    typeInto($<HTMLTextAreaElement>('.share-message'), 'Matter 12345-0001');
    expect(surface.fields().map((f) => f.name)).toEqual(['item-name', 'message']);
    userClick($('.share-notify [role=checkbox]'));
    expect(surface.fields().map((f) => f.name)).toEqual(['item-name']);
  });
});

describe.each([
  ['de', 'Senden', 'Link kopieren'],
  ['ja', '送信', 'リンクをコピー'],
])('SharePoint share dialog in %s', (_lang, send, copy) => {
  it(`gates "${send}" and "${copy}"`, () => {
    loadFixture(
      'https://harrowvale.sharepoint.com/sites/Matters/_layouts/15/sharedialog.aspx?listItemId=7&clientId=sharePoint&mode=share',
      'onedrive/_layouts/15/sharedialog.html',
      ['onedrive/_layouts/15/sharedialog.js'],
    );
    const surface = only(onedriveAdapter);
    $('.od-Send').textContent = send;
    $('.od-CopyLink').textContent = copy;
    for (const b of [$('.od-Send'), $('.od-CopyLink')])
      expect(intentOf(onedriveAdapter, b, click(), surface)).toEqual({ path: 'button', control: b });
  });
});
