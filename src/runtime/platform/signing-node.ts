// src is type-checked without Node's types (the tools and declaration builds have them).
// biome-ignore lint/suspicious/noTsIgnore: an expect-error would fail where the types exist
// @ts-ignore
import * as nodeCrypto from "node:crypto";
import type { Checksum, SourceData } from "@smithy/types";
import type { SigV4Parts } from "../auth/request-signer.js";

/** The part of `node:crypto` this module uses. */
interface NodeHash {
  update(data: Uint8Array | string): NodeHash;
  digest(): Uint8Array;
}
const crypto = nodeCrypto as unknown as {
  createHash(algorithm: "sha256"): NodeHash;
  createHmac(algorithm: "sha256", key: Uint8Array | string): NodeHash;
};

/**
 * SHA-256 and HMAC-SHA-256 with the shape of `@aws-crypto/sha256-js` `Sha256`, on Node's
 * native `node:crypto`: several times faster than hashing in JavaScript, and nothing to load.
 */
export class Sha256 implements Checksum {
  readonly #secret: Uint8Array | string | undefined;
  #hash: NodeHash;

  constructor(secret?: SourceData) {
    this.#secret = secret === undefined ? undefined : bytes(secret);
    this.#hash = this.#create();
  }

  update(data: SourceData): void {
    this.#hash.update(bytes(data));
  }

  async digest(): Promise<Uint8Array> {
    return this.#hash.digest();
  }

  reset(): void {
    this.#hash = this.#create();
  }

  #create(): NodeHash {
    return this.#secret === undefined
      ? crypto.createHash("sha256")
      : crypto.createHmac("sha256", this.#secret);
  }
}

function bytes(data: SourceData): Uint8Array | string {
  if (typeof data === "string" || data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

let sigV4Parts: Promise<SigV4Parts> | undefined;

/** Loads the signer on the first signature, not at import: it is a good part of a cold start. */
export function loadSigV4Parts(): Promise<SigV4Parts> {
  sigV4Parts ??= import("@smithy/signature-v4");
  return sigV4Parts;
}
