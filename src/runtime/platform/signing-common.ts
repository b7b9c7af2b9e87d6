import {
  createScope,
  getCanonicalHeaders,
  getPayloadHash,
  getSigningKey,
  SignatureV4Base,
} from "@smithy/signature-v4";
import type { SourceData } from "@smithy/types";
import type { SigV4Parts } from "../auth/request-signer.js";

/**
 * The signer's parts, imported statically: a bundler then keeps only those, and only in
 * bundles with a signed operation. Called once per signer.
 */
export const loadSigV4Parts = async (): Promise<SigV4Parts> => ({
  SignatureV4Base,
  createScope,
  getPayloadHash,
  getCanonicalHeaders,
  getSigningKey,
});

/** Data to hash as bytes: a string as UTF-8, a view as just the part of the buffer it shows. */
export function toBytes(data: SourceData): Uint8Array {
  if (typeof data === "string") return new TextEncoder().encode(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}
