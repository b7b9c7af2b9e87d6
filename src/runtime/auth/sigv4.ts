import type { HttpRequest } from "@smithy/types";
import { loadSigV4Parts, Sha256 } from "#signing";
import { createRequestSigner, type RequestSigner } from "./request-signer.js";
import type { AuthScheme, SigningContext } from "./scheme.js";

/**
 * AWS Signature Version 4. One signer is kept per client, signing name and region, so the
 * derived signing key is reused across requests of the same day.
 */
export const sigv4: AuthScheme = {
  id: "aws.auth#sigv4",
  async sign(request: HttpRequest, context: SigningContext): Promise<HttpRequest> {
    const key = `sigv4:${context.signingName}:${context.region}`;
    let signer = context.cache.get(key) as RequestSigner | undefined;
    if (signer === undefined) {
      const parts = await loadSigV4Parts();
      // Another call may have made one while this one waited.
      signer =
        (context.cache.get(key) as RequestSigner | undefined) ??
        createRequestSigner(parts, {
          service: context.signingName,
          region: context.region,
          credentials: context.credentials,
          sha256: Sha256,
        });
      context.cache.set(key, signer);
    }
    return signer.sign(request, { signingDate: context.signingDate });
  },
};
