import type { UiHost, UiMount } from '@/lib/content/types';

/**
 * The guard's UI host for tests: the same shadow-root containers the content script makes with
 * WXT, but OPEN, so a test can look inside as a screen reader would.
 */
export class TestUi implements UiHost {
  mounts: UiMount[] = [];

  private make(place: (host: HTMLElement) => void): UiMount {
    const host = document.createElement('matterguard-ui');
    const shadow = host.attachShadow({ mode: 'open' });
    const container = document.createElement('div');
    shadow.append(container);
    place(host);
    const mount: UiMount = {
      container,
      host,
      remove: () => {
        host.remove();
        this.mounts = this.mounts.filter((m) => m !== mount);
      },
    };
    this.mounts.push(mount);
    return mount;
  }

  inline(anchor: HTMLElement): Promise<UiMount> {
    return Promise.resolve(this.make((host) => anchor.before(host)));
  }

  modal(): Promise<UiMount> {
    return Promise.resolve(this.make((host) => document.documentElement.append(host)));
  }

  /** The open dialog's container, if any. */
  dialog(): HTMLElement | null {
    return this.mounts.find((m) => m.container.querySelector('[role=alertdialog]'))?.container ?? null;
  }

  /** The notice container placed inside this compose root. */
  notice(root: HTMLElement): HTMLElement | null {
    return (
      this.mounts.find((m) => root.contains(m.host) && m.container.querySelector('[role=status]'))?.container ?? null
    );
  }
}
