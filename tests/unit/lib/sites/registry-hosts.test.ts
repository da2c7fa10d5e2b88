import { describe, expect, it } from 'vitest';
import { CHAT_MATCHES, CONTENT_MATCHES, WEBMAIL_MATCHES } from '@/lib/sites/hosts';
import { adapterForHost, hostOfOrigin } from '@/lib/sites/registry';

/** Issue 5's webmail and chat hosts: each is matched by its content script and guarded by its adapter. */
describe.each([
  ['https://outlook.office.com', 'outlook', WEBMAIL_MATCHES],
  ['https://outlook.office365.com', 'outlook', WEBMAIL_MATCHES],
  ['https://outlook.live.com', 'outlook', WEBMAIL_MATCHES],
  ['https://outlook.cloud.microsoft', 'outlook', WEBMAIL_MATCHES],
  ['https://app.slack.com', 'slack', CHAT_MATCHES],
  ['https://teams.microsoft.com', 'teams', CHAT_MATCHES],
  ['https://teams.cloud.microsoft', 'teams', CHAT_MATCHES],
  ['https://chat.google.com', 'google-chat', CHAT_MATCHES],
])('%s', (origin, site, family) => {
  it(`is guarded by the ${site} adapter, through its family's content script`, () => {
    expect(adapterForHost(hostOfOrigin(origin))?.id).toBe(site);
    expect(family).toContain(`${origin}/*`);
    expect(CONTENT_MATCHES).toContain(`${origin}/*`);
  });
});

describe('look-alike hosts', () => {
  it.each(['https://slack.com', 'https://outlook.office.com.evil.example', 'https://evil.teams.microsoft.com.example'])(
    '%s is not guarded',
    (origin) => {
      expect(adapterForHost(hostOfOrigin(origin))).toBeNull();
    },
  );

  it('chat overrides say "Post anyway", mail "Send anyway"', () => {
    expect(adapterForHost('app.slack.com')?.overrideLabel).toBe('Post anyway');
    expect(adapterForHost('chat.google.com')?.overrideLabel).toBe('Post anyway');
    expect(adapterForHost('outlook.office.com')?.overrideLabel).toBe('Send anyway');
  });
});
