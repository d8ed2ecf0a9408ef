import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

// The AWS SDK resolves each of its settings from an environment variable, else from the shared config
// files (~/.aws/config and ~/.aws/credentials), else its default. A Lambda function has no such files,
// yet looking for them costs each cold start: the first call loads node:fs/promises, fails to open
// both files and waits on them. The deployed functions therefore take each setting from its
// environment variable (the names the AWS SDKs and Tools reference guide gives) or the SDK's default,
// which is what the SDK would have found; only the look into absent files is skipped.

const flag = (name: string): boolean | undefined => {
  const value = process.env[name]?.trim().toLowerCase();
  return value === 'true' ? true : value === 'false' ? false : undefined;
};
const text = (name: string): string | undefined => process.env[name]?.trim() || undefined;

/** Client settings from the environment alone, each with the SDK's default when its variable is unset. */
export function settingsFromEnvironment(): Partial<DynamoDBClientConfig> {
  const ignoreEndpointUrls = flag('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS') ?? false;
  const endpoint = ignoreEndpointUrls ? undefined : (text('AWS_ENDPOINT_URL_DYNAMODB') ?? text('AWS_ENDPOINT_URL'));
  return {
    ...(endpoint ? { endpoint } : {}),
    // The endpoint is settled above, so the SDK does not look for endpoint_url in the files.
    ignoreConfiguredEndpointUrls: true,
    useFipsEndpoint: flag('AWS_USE_FIPS_ENDPOINT') ?? false,
    useDualstackEndpoint: flag('AWS_USE_DUALSTACK_ENDPOINT') ?? false,
    retryMode: text('AWS_RETRY_MODE') ?? 'standard',
    defaultsMode: (text('AWS_DEFAULTS_MODE') ?? 'legacy') as DynamoDBClientConfig['defaultsMode'],
    accountIdEndpointMode: (text('AWS_ACCOUNT_ID_ENDPOINT_MODE') ?? 'preferred') as DynamoDBClientConfig['accountIdEndpointMode'],
    authSchemePreference: (text('AWS_AUTH_SCHEME_PREFERENCE') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    endpointDiscoveryEnabled: flag('AWS_ENABLE_ENDPOINT_DISCOVERY') ?? false,
    userAgentAppId: text('AWS_SDK_UA_APP_ID') ?? '',
    disableClockSkewCorrection: flag('AWS_DISABLE_CLOCK_SKEW_CORRECTION') ?? false,
  };
}
