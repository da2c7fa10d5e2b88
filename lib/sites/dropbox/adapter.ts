import { createShareAdapter } from '../share-generic/adapter';
import { GENERIC } from '../share-generic/generic-selectors';
import { DROPBOX_SITE } from './site';

/**
 * Dropbox (www.dropbox.com). No open-source code targets its share modal (docs/sites.md#dropbox-and-box): this is
 * the generic role-based detector alone, an UNVERIFIED guess proven only by tests/fixtures/dropbox.
 */
export const dropboxAdapter = createShareAdapter({ ...DROPBOX_SITE, profile: GENERIC });
