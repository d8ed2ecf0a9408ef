import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, visit, type DocumentNode } from 'graphql';
import { API_KEY_HEADER } from '../../auth/require-api-key.js';
import { answerIsImmutable, DEFAULT_SETTLE_DAYS, fieldVerdict, settledBefore, type FieldVerdict } from './answer-policy.js';

export interface CacheControlOptions {
  /** Days after which a release is final (TIDE_SETTLE_DAYS, default 7). */
  settleDays?: number;
  /** How long a CDN or browser may keep an immutable answer (default one year). */
  maxAgeSeconds?: number;
  now?: () => Date;
}

const IMMUTABLE_MAX_AGE = 365 * 24 * 3600;

/**
 * Whether a document asks for the schema (`__schema`, `__type`), in the operation or any fragment.
 * graphql answers those fields itself, without a resolver that willResolveField would see, and the
 * schema changes with every deploy.
 */
export function selectsIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Cache-Control on every answer: `public, max-age=…, immutable` when nothing in it can change (each
 * field reads data as of a settled date, and nothing failed), `no-store` otherwise. `Vary: x-api-key`
 * tells any shared cache that the key is part of what it must match.
 */
export function cacheControl(opts: CacheControlOptions = {}): ApolloServerPlugin {
  const settleDays = opts.settleDays ?? Number(process.env.TIDE_SETTLE_DAYS ?? DEFAULT_SETTLE_DAYS);
  const maxAge = opts.maxAgeSeconds ?? IMMUTABLE_MAX_AGE;
  const now = opts.now ?? (() => new Date());
  return {
    async requestDidStart() {
      const horizon = settledBefore(now().toISOString().slice(0, 10), settleDays);
      const verdicts = new Set<FieldVerdict>();
      return {
        async didResolveOperation({ document }) {
          if (selectsIntrospection(document)) verdicts.add('changeable');
        },
        async executionDidStart() {
          return {
            willResolveField({ info, args }) {
              verdicts.add(fieldVerdict(info.parentType.name, info.fieldName, args, horizon));
              // A series that does not exist yet may be ingested tomorrow.
              if (info.parentType.name === 'Query' && info.fieldName === 'series') {
                return (error, result) => {
                  if (error || result == null) verdicts.add('changeable');
                };
              }
            },
          };
        },
        async willSendResponse({ response, errors }) {
          const failed = (errors?.length ?? 0) > 0 || (response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0);
          const immutable = answerIsImmutable(verdicts) && !failed && (response.http.status ?? 200) === 200 && response.body.kind === 'single';
          response.http.headers.set('cache-control', immutable ? `public, max-age=${maxAge}, immutable` : 'no-store');
          const vary = response.http.headers.get('vary');
          response.http.headers.set('vary', vary ? `${vary}, ${API_KEY_HEADER}` : API_KEY_HEADER);
        },
      };
    },
  };
}
