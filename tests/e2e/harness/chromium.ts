import { accessSync, constants } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The Chromium to drive. Branded Chrome ignores --load-extension since 137 (docs/sites.md#loading-the-extension),
 * and no browser can be downloaded here, so we use the system Chromium.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file.`);
  }
  const found = CANDIDATES.find(isExecutable);
  if (found) return found;
  throw new Error(
    `No Chromium found (looked at ${CANDIDATES.join(', ')}). ` +
      'Install it with `sudo apt-get install -y chromium`, or point CHROMIUM_PATH at a Chromium ' +
      '(not branded Chrome, which ignores --load-extension).',
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
