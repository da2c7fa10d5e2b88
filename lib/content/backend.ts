import type { GuardBackend } from '@/lib/guard';
import { sendMessage } from '@/lib/messaging/send-message';
import type { SiteId } from '@/lib/policy/types';

/** The guard's way to the background worker: the typed runtime messages of lib/protocol/protocol.ts. */
export function createMessageBackend(site: SiteId): GuardBackend {
  return {
    scan: (request) => sendMessage('scanSurface', request),
    scanPart: (part) => sendMessage('scanSurfacePart', part),
    config: () => sendMessage('getGuardConfig', { site }),
    record: (decision) => sendMessage('recordDecision', decision),
    reportState: (state) => sendMessage('reportTabState', { site, ...state }),
    reportDiagnostic: (problem) => sendMessage('reportDiagnostic', { site, problem }),
  };
}
