// Which calls have answers that can never change, by the server's own rule: the add-in sends those as
// GET, which a CDN in front of the API may keep, and everything else as POST. The rule is the server's
// file itself, bundled (one definition): a field is immutable when it reads data as of a settled date.
import { answerIsImmutable, DEFAULT_SETTLE_DAYS, fieldVerdict, settledBefore } from '../../../api/graphql/http/answer-policy.js';
import type { FieldCall } from './query.js';

/** Today as the server counts it: the UTC calendar day. */
export const utcToday = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/**
 * Whether the server will call this call's answer immutable (Cache-Control `immutable`), as far as
 * can be known before asking: an id that turns out unknown, or an error, still makes it `no-store`.
 * `settleDays` is the server's TIDE_SETTLE_DAYS; the add-in assumes the default.
 */
export function isCacheableCall(call: FieldCall, today: string, settleDays = DEFAULT_SETTLE_DAYS): boolean {
  if (!call.fields?.length) return false;
  const horizon = settledBefore(today, settleDays);
  const values = new Map(call.args.map((a) => [a.name, a.value]));
  return answerIsImmutable(
    call.fields.map((f) => {
      const args = Object.fromEntries(
        Object.entries(f.args)
          .map(([name, from]) => [name, 'variable' in from ? values.get(from.variable) : from.value] as const)
          .filter(([, v]) => v !== undefined && v !== null),
      );
      return fieldVerdict(f.parent, f.name, args, horizon);
    }),
  );
}
