import { SignatureV4 } from "@smithy/signature-v4";

// Browsers and other runtimes: SHA-256 in JavaScript, which needs no platform API.
export { Sha256 } from "@aws-crypto/sha256-js";

/**
 * The signer, imported statically: a bundler then keeps only the parts of the package used,
 * and only in bundles with a signed operation.
 */
export const loadSignatureV4 = async (): Promise<typeof SignatureV4> => SignatureV4;
