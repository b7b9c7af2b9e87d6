import type { Checksum, SourceData } from "@smithy/types";
import { ConfigurationError } from "../errors.js";
import { toBytes } from "./signing-common.js";

export { loadSigV4Parts } from "./signing-common.js";

const HMAC = { name: "HMAC", hash: "SHA-256" };

/**
 * SHA-256 and HMAC-SHA-256 on the browser's own WebCrypto (`crypto.subtle`): native speed,
 * and no hash code in the bundle. Browsers give WebCrypto to secure contexts only (https://
 * pages, and http:// ones on localhost); elsewhere signing fails before anything is sent,
 * with a `ConfigurationError` that names the `sha256` option, which takes a JavaScript hash.
 */
export class Sha256 implements Checksum {
  readonly #key: Uint8Array<ArrayBuffer> | undefined;
  #parts: Uint8Array<ArrayBuffer>[] = [];

  constructor(secret?: SourceData) {
    if (!globalThis.crypto?.subtle) {
      throw new ConfigurationError(
        "sha256",
        "Signing needs WebCrypto (crypto.subtle), which browsers give to https:// pages only: serve the page over https, or pass the `sha256` option, such as Sha256 of @aws-crypto/sha256-js.",
      );
    }
    // WebCrypto refuses an empty HMAC key; a block of zeros is the same key to HMAC, which
    // pads every key with zeros to the 64-byte block.
    this.#key = secret === undefined ? undefined : toBytes(secret).slice();
    if (this.#key?.byteLength === 0) this.#key = new Uint8Array(64);
  }

  update(data: SourceData): void {
    // A copy: hashing happens at digest, and the caller may reuse its buffer until then.
    this.#parts.push(toBytes(data).slice());
  }

  async digest(): Promise<Uint8Array> {
    const { subtle } = crypto;
    const data = join(this.#parts);
    const key = this.#key;
    const digest = key
      ? await subtle.sign("HMAC", await subtle.importKey("raw", key, HMAC, false, ["sign"]), data)
      : await subtle.digest("SHA-256", data);
    return new Uint8Array(digest);
  }

  reset(): void {
    this.#parts = [];
  }
}

function join(parts: Uint8Array<ArrayBuffer>[]): Uint8Array<ArrayBuffer> {
  if (parts.length === 1) return parts[0]!;
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.byteLength;
  }
  return joined;
}
