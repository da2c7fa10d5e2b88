import { createShareAdapter } from '../share-generic/adapter';
import { ONEDRIVE_PROFILE } from './selectors';
import { ONEDRIVE_SITE } from './site';

/** OneDrive and SharePoint (onedrive.live.com, *.sharepoint.com), incl. the sharedialog.aspx frame. */
export const onedriveAdapter = createShareAdapter({ ...ONEDRIVE_SITE, profile: ONEDRIVE_PROFILE });
