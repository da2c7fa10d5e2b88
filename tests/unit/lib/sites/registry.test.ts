import { describe, expect, it } from 'vitest';
import { adapterForHost, hostOfOrigin } from '@/lib/sites/registry';

describe('site registry', () => {
  it.each([
    ['https://mail.google.com', 'gmail'],
    ['https://MAIL.google.com', 'gmail'],
    ['https://www.google.com', null],
    ['https://mail.google.com.evil.example', null],
    // An opaque origin (sandboxed frame) is guarded by no adapter.
    ['null', null],
  ])('%s → %s', (origin, site) => {
    expect(adapterForHost(hostOfOrigin(origin))?.id ?? null).toBe(site);
  });
});
