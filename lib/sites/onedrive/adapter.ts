import { createShareAdapter } from '../share-generic/adapter';
import { ONEDRIVE_PROFILE } from './selectors';

/** OneDrive and SharePoint (onedrive.live.com, *.sharepoint.com), incl. the sharedialog.aspx frame. */
export const onedriveAdapter = createShareAdapter({ id: 'onedrive', label: 'OneDrive', profile: ONEDRIVE_PROFILE });
