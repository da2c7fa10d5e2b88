import { createMessageRouter } from '@/lib/platform/messaging';

/**
 * Wiring only (STYLE "Background"): every listener is registered synchronously here at start;
 * each setupX() owns one concern and its handlers await that concern's own readiness.
 */
export default defineBackground(() => {
  const router = createMessageRouter();
  router.listen();
});
