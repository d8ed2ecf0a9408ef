import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { RETRY_AFTER_SECONDS, transientFault } from '../../store/transient-faults.js';

// A store fault that outlasted the store client's retries is answered SERVICE_UNAVAILABLE (server.ts,
// from the one classification in store/transient-faults.ts). This plugin puts it on the HTTP answer:
// Retry-After whenever a field met one, and 503 when the answer holds nothing else (no value, no
// other error), so a proxy, a monitor or the add-in reads "busy, ask again" without parsing the body.
// A partial answer stays 200: the values it holds are good.

const UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** True when no root field of `data` has a value. */
const holdsNoValue = (data: Record<string, unknown> | null | undefined): boolean => data == null || Object.values(data).every((v) => v == null);

export const retryAfterOnTransientFaults: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, errors }) {
        const faults = (errors ?? []).map((e) => transientFault(unwrapResolverError(e))).filter((f) => f !== undefined);
        if (faults.length === 0 || response.body.kind !== 'single') return;
        const seconds = Math.max(...faults.map((f) => RETRY_AFTER_SECONDS[f]));
        response.http.headers.set('retry-after', String(seconds));
        const { data, errors: sent } = response.body.singleResult;
        if (holdsNoValue(data) && (sent ?? []).every((e) => e.extensions?.code === UNAVAILABLE)) response.http.status = 503;
      },
    };
  },
};
