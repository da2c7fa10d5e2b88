import { createShareAdapter } from '../share-generic/adapter';
import { DRIVE_PROFILE } from './selectors';
import { GOOGLE_DRIVE_SITE } from './site';

/** Google Drive and the Docs editors' share dialog (drive.google.com, docs.google.com). */
export const googleDriveAdapter = createShareAdapter({
  ...GOOGLE_DRIVE_SITE,
  profile: DRIVE_PROFILE,
});
