import type {
  AwsCredentialIdentity,
  ChecksumConstructor,
  HashConstructor,
  HttpRequest,
} from "@smithy/types";
import { cloneRequest } from "../protocol.js";

/** The parts of `@smithy/signature-v4` a request signature is made of. */
export interface SigV4Parts {
  readonly SignatureV4Base: typeof import("@smithy/signature-v4").SignatureV4Base;
  readonly createScope: typeof import("@smithy/signature-v4").createScope;
  readonly getPayloadHash: typeof import("@smithy/signature-v4").getPayloadHash;
  readonly getCanonicalHeaders: typeof import("@smithy/signature-v4").getCanonicalHeaders;
  readonly getSigningKey: typeof import("@smithy/signature-v4").getSigningKey;
}

export interface RequestSigner {
  sign(request: HttpRequest, options: { signingDate: Date }): Promise<HttpRequest>;
}

export interface RequestSignerOptions {
  readonly service: string;
  readonly region: string;
  readonly credentials: () => Promise<AwsCredentialIdentity>;
  readonly sha256: ChecksumConstructor | HashConstructor;
}

const ALGORITHM = "AWS4-HMAC-SHA256";

/** Headers a signature sets itself, so values left from an earlier signature must go. */
const GENERATED_HEADERS = /^(authorization|x-amz-date|date)$/i;

/**
 * A SigV4 request signer made of `@smithy/signature-v4`'s own steps (canonical request,
 * canonical headers, payload hash, scope, signing key and its cache), run in the order its
 * `SignatureV4.signRequest` runs them. Its `SignatureV4` class would also bring presigning
 * and event-stream signing (a header formatter, UUIDs), which no request of this client uses:
 * a third of the signer's weight in a bundle. Its `prepareRequest` step (a copy without the
 * headers a signature sets) is done here: it would bring an `HttpRequest` class just to copy.
 */
export function createRequestSigner(
  parts: SigV4Parts,
  options: RequestSignerOptions,
): RequestSigner {
  const { region } = options;
  class Signer extends parts.SignatureV4Base {
    constructor() {
      // `applyChecksum` is read only by presigning and `SignatureV4.sign`, not used here.
      super(options);
    }

    /** The last signing key, with the keys and day it was derived for. */
    #last?: { id: string; secret: string; day: string; key: Uint8Array };

    /**
     * The day's signing key, derived once per credentials and day. `getSigningKey` caches
     * too, but finds its entry by an HMAC of the secret on every call.
     */
    async #signingKey(credentials: AwsCredentialIdentity, day: string): Promise<Uint8Array> {
      const { accessKeyId: id, secretAccessKey: secret } = credentials;
      const last = this.#last;
      if (last?.id === id && last.secret === secret && last.day === day) return last.key;
      const key = await parts.getSigningKey(this.sha256, credentials, day, region, this.service);
      this.#last = { id, secret, day, key };
      return key;
    }

    async sign(
      original: HttpRequest,
      { signingDate }: { signingDate: Date },
    ): Promise<HttpRequest> {
      const credentials = await this.credentialProvider();
      this.validateResolvedCredentials(credentials);
      const request = cloneRequest(original);
      for (const name of Object.keys(request.headers)) {
        if (GENERATED_HEADERS.test(name)) delete request.headers[name];
      }
      const { longDate, shortDate } = this.formatDate(signingDate);
      const scope = parts.createScope(shortDate, region, this.service);
      request.headers["x-amz-date"] = longDate;
      if (credentials.sessionToken) {
        request.headers["x-amz-security-token"] = credentials.sessionToken;
      }
      const payloadHash = await parts.getPayloadHash(request, this.sha256);
      const headers = parts.getCanonicalHeaders(request);
      const stringToSign = await this.createStringToSign(
        longDate,
        scope,
        this.createCanonicalRequest(request, headers, payloadHash),
        ALGORITHM,
      );
      const key = await this.#signingKey(credentials, shortDate);
      const hash = new this.sha256(key);
      hash.update(stringToSign);
      request.headers.authorization =
        `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, ` +
        `SignedHeaders=${this.getCanonicalHeaderList(headers)}, Signature=${hex(await hash.digest())}`;
      return request;
    }
  }
  return new Signer();
}

function hex(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += byte.toString(16).padStart(2, "0");
  return text;
}
