import { render } from 'preact';
import noticeCss from '@/components/Notice/notice.css?inline';
import { Notice, type NoticeProps } from '@/components/Notice/notice';
import type { NoticeView } from '../guard';
import type { OwnUi } from '../guard/own-ui';
import type { ComposeSurface } from '../sites/types';
import type { UiHost, UiMount } from './types';

/** The inline notice of one surface, kept in the page while the surface lives (docs/design.md#inline-notice). */
export function createNoticeView(ui: UiHost, own: OwnUi, surface: ComposeSurface): NoticeView {
  let mount: UiMount | null = null;
  let mounting: Promise<UiMount> | null = null;
  let latest: NoticeProps = { level: null, items: [] };
  let removed = false;

  const ensureMount = async (): Promise<UiMount> => {
    // The site may re-render the compose and drop our element with it: put it back.
    if (mount && !mount.host.isConnected) {
      mount.remove();
      mount = null;
    }
    if (mount) return mount;
    mounting ??= ui.inline(surface.noticeAnchor(), noticeCss).then((m) => {
      own.add(m.host);
      mount = m;
      mounting = null;
      return m;
    });
    return mounting;
  };

  return {
    async show(props) {
      latest = props;
      const m = await ensureMount();
      if (removed) {
        m.remove();
        return;
      }
      render(<Notice {...latest} />, m.container);
    },
    remove() {
      removed = true;
      if (mount) {
        render(null, mount.container);
        mount.remove();
        mount = null;
      }
    },
  };
}
