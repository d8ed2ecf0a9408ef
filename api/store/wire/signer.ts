import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Checksum, SourceData } from '@smithy/types';

/**
 * The AWS SDK's SigV4 signer for one service and region. DynamoDB needs no x-amz-content-sha256 header
 * (only S3 does); the payload's hash is signed all the same.
 */
export function createSigner(service: string, region: string, credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider): SignatureV4 {
  return new SignatureV4({ service, region, credentials, sha256: NodeSha256, applyChecksum: false });
}

// SHA-256 and HMAC-SHA-256 for the signer, from Node's crypto. The SDK's own class for this sits in a
// module that, when loaded, also loads zlib (for CRC32) and web crypto, which no call here uses.

const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string' ? data : data instanceof Uint8Array ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

export class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;

  constructor(private readonly secret?: SourceData) {
    this.hash = this.start();
  }

  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }

  async digest(): Promise<Uint8Array> {
    const out = this.hash.digest();
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }

  reset(): void {
    this.hash = this.start();
  }

  private start(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
}
