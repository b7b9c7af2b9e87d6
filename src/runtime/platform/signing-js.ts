import { RawSha256 } from "@aws-crypto/sha256-js/build/module/RawSha256.js";
import type { Checksum, SourceData } from "@smithy/types";
import { toBytes } from "./signing-common.js";

export { loadSigV4Parts } from "./signing-common.js";

/** The block size of SHA-256 in bytes, which HMAC pads its key to. */
const BLOCK_SIZE = 64;

/**
 * SHA-256 and HMAC-SHA-256 (RFC 2104) in JavaScript, on the SHA-256 core of
 * `@aws-crypto/sha256-js`: for runtimes that are neither Node nor a browser, such as React
 * Native, and for the `sha256` option where a page has no WebCrypto. The package's own
 * `Sha256` wrapper does the same but brings a `tslib` async helper and buffer conversions
 * that a bundle pays for twice.
 */
export class Sha256 implements Checksum {
  /** The HMAC key, zero-padded to a block; undefined for a plain hash. */
  readonly #key: Uint8Array | undefined;
  #hash!: RawSha256;

  constructor(secret?: SourceData) {
    if (secret !== undefined) {
      const key = toBytes(secret);
      this.#key = new Uint8Array(BLOCK_SIZE);
      this.#key.set(key.byteLength > BLOCK_SIZE ? hashOf(key) : key);
    }
    this.reset();
  }

  update(data: SourceData): void {
    this.#hash.update(toBytes(data));
  }

  async digest(): Promise<Uint8Array> {
    const inner = this.#hash.digest();
    return this.#key ? hashOf(pad(this.#key, 0x5c), inner) : inner;
  }

  reset(): void {
    this.#hash = new RawSha256();
    if (this.#key) this.#hash.update(pad(this.#key, 0x36));
  }
}

/** The key XOR-ed with one of HMAC's pads. */
const pad = (key: Uint8Array, byte: number): Uint8Array => key.map((value) => value ^ byte);

function hashOf(...parts: Uint8Array[]): Uint8Array {
  const hash = new RawSha256();
  for (const part of parts) hash.update(part);
  return hash.digest();
}
