// AWS list prices used for cost per 1,000 requests (us-east-1, as published in 2025).
export const PRICES = {
  /** Lambda arm64, per GB-second (the INIT phase is billed too since August 2025). */
  lambdaGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  /** Lambda arm64 provisioned concurrency, per GB-second configured (x86: $0.0000041667), billed per 5 minutes. */
  lambdaProvisionedGbSecond: 0.0000033334,
  /** DynamoDB on-demand, per read request unit (strongly consistent 4 KB = 1, eventually consistent = 0.5). */
  dynamoReadUnit: 0.125 / 1e6,
  /** API Gateway HTTP API, per request (first 300 million a month). */
  httpApiRequest: 1.0 / 1e6,
  /** CloudFront, per HTTPS request (North America / Europe). */
  cloudfrontRequest: 0.01 / 1e4,
  /** Data transfer out to the internet, per GB (CloudFront first 10 TB; API Gateway egress is $0.09). */
  cloudfrontEgressGb: 0.085,
  apiEgressGb: 0.09,
};

export const describePrices = (memoryMb: number): string =>
  `Lambda arm64 ${memoryMb} MB at $${PRICES.lambdaGbSecond}/GB-s + $0.20/M requests; DynamoDB on-demand $0.125/M read units; HTTP API $1.00/M; CloudFront $0.01/10k HTTPS requests`;
