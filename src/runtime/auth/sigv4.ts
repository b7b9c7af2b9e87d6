import type { HttpRequest } from "@smithy/types";
import { loadSigV4Parts, Sha256 } from "#signing";
import type { ResolvedClientConfig } from "../config.js";
import { headerValue } from "../protocol.js";
import { callState } from "../retry/attempt.js";
import { createRequestSigner, type RequestSigner } from "./request-signer.js";
import type { AuthScheme } from "./scheme.js";
import { CLOCK_SKEW_ERRORS, correctedOffset } from "./skew.js";

/**
 * AWS Signature Version 4. The scheme keeps the client's signing clock in step with the
 * service's (see skew.ts), so clients that never sign carry none of that code.
 */
export const sigv4: AuthScheme = {
  id: "aws.auth#sigv4",
  /**
   * Signs on the local clock corrected by the client's offset, and learns the offset from the
   * `Date` header of every response, errors included. When the service refused the signature
   * for its time and the offset changed, signs and sends once more, once per call: safe for
   * any operation, since a request refused at authentication did nothing.
   */
  async send(args, next, context, config) {
    const call = callState(context);
    // Reads the raw response the end of the stack kept, which an error has too.
    const learn = () => {
      const date = call.response && headerValue(call.response.headers ?? {}, "date");
      config.systemClockOffset = correctedOffset(date, Date.now(), config.systemClockOffset);
    };
    for (;;) {
      const offset = config.systemClockOffset;
      const signer = await signerFor(config, context.operation.service.signingName);
      const request = await signer.sign(args.request as HttpRequest, {
        signingDate: new Date(Date.now() + offset),
      });
      try {
        return await next({ ...args, request }).finally(learn);
      } catch (error) {
        if (
          call.clockCorrected ||
          call.signal?.aborted ||
          !CLOCK_SKEW_ERRORS.has(Object(error).name) ||
          config.systemClockOffset === offset
        ) {
          throw error;
        }
        call.clockCorrected = true;
        // The resent request counts as an attempt, with a timeout of its own.
        call.resend?.();
      }
    }
  },
};

/**
 * The client's signer for this signing name and Region, made on first use and kept, so the
 * derived signing key is reused across requests of the same day.
 */
async function signerFor(
  config: ResolvedClientConfig,
  signingName: string,
): Promise<RequestSigner> {
  const region = await config.region();
  const key = `sigv4:${signingName}:${region}`;
  let signer = config.authCache.get(key) as RequestSigner | undefined;
  if (signer === undefined) {
    // Calls that race to make the first one make equal signers; the last is kept.
    signer = createRequestSigner(await loadSigV4Parts(), {
      service: signingName,
      region,
      credentials: config.credentials,
      sha256: config.sha256 ?? Sha256,
    });
    config.authCache.set(key, signer);
  }
  return signer;
}
