import type { PolicyView } from './types';
import type { ResolvedPolicy } from './merge';

/**
 * Policy as extension pages see it (docs/design.md#trusted-contexts): the collector token is left out, not masked,
 * so no page, message or log line can carry it; the page learns only whether one is set.
 */
export function policyView({ policy, managedKeys, access }: ResolvedPolicy): PolicyView {
  const { collectorToken, ...shown } = policy;
  return {
    policy: structuredClone(shown),
    collectorTokenSet: collectorToken !== '',
    managedKeys: [...managedKeys],
    access: { ...access },
  };
}
