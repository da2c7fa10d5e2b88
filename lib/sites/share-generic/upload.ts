import type { ComposeSurface } from '../types';
import { first, type ShareProfile } from './profile';

/**
 * A file chosen for upload, checked by its name (issue 5). The sites upload on the input's
 * `change`, so this surface warns; it has no send control to gate. No invitees: the level is
 * the no-recipient one (docs/design.md#levels).
 */
export function createUploadSurface(input: HTMLInputElement, profile: ShareProfile): ComposeSurface {
  return {
    root: input,
    kind: 'upload',
    fields: () => [],
    recipients: () => [],
    attachmentNames: () => [...(input.files ?? [])].map((f) => f.name),
    audience: () => null,
    noticeAnchor(): HTMLElement {
      // The input itself is usually hidden; the notice goes where the user looks.
      const doc = input.ownerDocument;
      const anchor = first(doc, profile.uploadAnchor);
      return anchor && anchor !== doc.body ? anchor : (input.parentElement ?? input);
    },
  };
}
