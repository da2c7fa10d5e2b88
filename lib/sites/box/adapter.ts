import { createShareAdapter } from '../share-generic/adapter';
import { GENERIC } from '../share-generic/generic-selectors';
import { BOX_SITE } from './site';

/**
 * Box (app.box.com). No open-source code targets its share modal (docs/sites.md#dropbox-and-box): this is the
 * generic role-based detector alone, an UNVERIFIED guess proven only by tests/fixtures/box.
 */
export const boxAdapter = createShareAdapter({ ...BOX_SITE, profile: GENERIC });
