import { createShareAdapter } from '../share-generic/adapter';
import { DRIVE_PROFILE } from './selectors';

/** Google Drive and the Docs editors' share dialog (drive.google.com, docs.google.com). */
export const googleDriveAdapter = createShareAdapter({
  id: 'google-drive',
  label: 'Google Drive',
  profile: DRIVE_PROFILE,
});
