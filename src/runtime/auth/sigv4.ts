import type { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import { loadSignatureV4, Sha256 } from "#signing";
import type { AuthScheme, SigningContext } from "./scheme.js";

/**
 * AWS Signature Version 4. One signer is kept per client, signing name and region, so the
 * derived signing key is reused across requests of the same day.
 */
export const sigv4: AuthScheme = {
  id: "aws.auth#sigv4",
  async sign(request: HttpRequest, context: SigningContext): Promise<HttpRequest> {
    const key = `sigv4:${context.signingName}:${context.region}`;
    let signer = context.cache.get(key) as SignatureV4 | undefined;
    if (signer === undefined) {
      const Signer = await loadSignatureV4();
      // Another call may have made one while this one waited.
      signer =
        (context.cache.get(key) as SignatureV4 | undefined) ??
        new Signer({
          service: context.signingName,
          region: context.region,
          credentials: context.credentials,
          sha256: Sha256,
          applyChecksum: false,
        });
      context.cache.set(key, signer);
    }
    return (await signer.sign(request, { signingDate: context.signingDate })) as HttpRequest;
  },
};
