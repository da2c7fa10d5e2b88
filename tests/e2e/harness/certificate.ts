import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Certificate {
  key: Buffer;
  cert: Buffer;
}

/**
 * A throw-away self-signed certificate naming every fixture host. Chromium runs with
 * --ignore-certificate-errors anyway (mail.google.com is HSTS-preloaded, so plain HTTP is not
 * an option: docs/sites.md#probes); the SAN keeps the certificate honest for other clients.
 */
export async function createCertificate(dir: string, hosts: string[]): Promise<Certificate> {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  const san = ['IP:127.0.0.1', ...hosts.map((h) => `DNS:${h}`)].join(',');
  try {
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      '/CN=Matterguard e2e fixtures',
      '-addext',
      `subjectAltName=${san}`,
    ]);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not create the test certificate with openssl (sudo apt-get install -y openssl): ${detail}`);
  }
  return { key: await readFile(keyPath), cert: await readFile(certPath) };
}
