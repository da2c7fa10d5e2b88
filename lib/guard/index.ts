/** The guard's public API: the content scripts of every site family start it with their adapter. */
export { startGuard, type Guard } from './guard';
export type { GuardBackend, GuardConfig, GuardOptions, GuardState, GuardUi, NoticeView, ScanRequest } from './types';
