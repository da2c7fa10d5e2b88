import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Matterguard's extension ID, which managed policy names (the manifest `key` keeps it fixed). */
export const EXTENSION_ID = 'dgpffkmiboccamppjklikbofdadpbgoc';

/**
 * One of Chromium's managed policy files, holding Matterguard's policy. Writing it needs root
 * (as in CI); under `isolated` each run has a folder of its own, so runs cannot collide.
 */
export interface ManagedPolicyFile {
  path: string;
  /** Whether this process may write it; tests that need it skip when not. */
  writable: boolean;
  /** Writes `policy` as Matterguard's extension policy; read by Chromium when it starts. */
  write(policy: Record<string, unknown>): void;
  remove(): void;
}

export function managedPolicyFile(name: string): ManagedPolicyFile {
  const path = join('/etc/chromium/policies/managed', name);
  let writable: boolean;
  try {
    mkdirSync(dirname(path), { recursive: true });
    accessSync(dirname(path), constants.W_OK);
    writable = true;
  } catch {
    writable = false;
    console.warn(`Skipping the managed-policy tests: ${dirname(path)} is not writable (run as root, as CI does).`);
  }
  return {
    path,
    writable,
    write: (policy) => writeFileSync(path, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } })),
    remove: () => rmSync(path, { force: true }),
  };
}
