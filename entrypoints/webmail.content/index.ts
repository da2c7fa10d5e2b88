import { WEBMAIL_MATCHES } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: WEBMAIL_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {},
});
