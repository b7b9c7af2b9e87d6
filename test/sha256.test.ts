import { createHash, createHmac } from "node:crypto";
import { Sha256 as PackageSha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { ChecksumConstructor } from "@smithy/types";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { ConfigurationError } from "../src/runtime/errors.js";
import { Sha256 as JsSha256 } from "../src/runtime/platform/signing-js.js";
import { Sha256 as WebCryptoSha256 } from "../src/runtime/platform/signing-webcrypto.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

const part = fc.oneof(fc.string(), fc.uint8Array({ maxLength: 200 }));

describe.each([
  ["JavaScript", JsSha256],
  ["WebCrypto", WebCryptoSha256],
])("the %s SHA-256 of the non-Node builds", (_, Sha256) => {
  /** Hashes `parts` one update each, as the signer feeds them. */
  async function digest(parts: (string | Uint8Array)[], secret?: string | Uint8Array) {
    const hash = new Sha256(secret);
    for (const part of parts) hash.update(part);
    return hex(await hash.digest());
  }

  it("matches node:crypto for any input, in any number of updates", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 5 }), async (parts) => {
        const expected = createHash("sha256");
        for (const p of parts) expected.update(p);
        expect(await digest(parts)).toBe(expected.digest("hex"));
      }),
    );
  });

  it("matches node:crypto HMAC for keys empty, shorter and longer than a block", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 100 }), fc.uint8Array({ maxLength: 150 })),
        fc.array(part, { maxLength: 3 }),
        async (key, parts) => {
          const expected = createHmac("sha256", key);
          for (const p of parts) expected.update(p);
          expect(await digest(parts, key)).toBe(expected.digest("hex"));
        },
      ),
    );
  });

  it("takes ArrayBuffers and views of part of a buffer", async () => {
    const buffer = new TextEncoder().encode("xxhelloxx").buffer;
    expect(await digest([new Uint8Array(buffer, 2, 5) as never])).toBe(
      createHash("sha256").update("hello").digest("hex"),
    );
    const hash = new Sha256();
    hash.update(new TextEncoder().encode("hello").buffer);
    expect(hex(await hash.digest())).toBe(createHash("sha256").update("hello").digest("hex"));
  });

  it("hashes the bytes given to update, even if the caller reuses the buffer before digest", async () => {
    const buffer = new TextEncoder().encode("hello");
    const hash = new Sha256();
    hash.update(buffer);
    buffer.fill(0);
    expect(hex(await hash.digest())).toBe(createHash("sha256").update("hello").digest("hex"));
  });

  it("starts over after reset, keeping the HMAC key", async () => {
    const hash = new Sha256("key");
    hash.update("discarded");
    hash.reset();
    hash.update("kept");
    expect(hex(await hash.digest())).toBe(createHmac("sha256", "key").update("kept").digest("hex"));
  });

  it("gives SignatureV4 the same signature as the package's own Sha256", async () => {
    const request = {
      method: "POST",
      protocol: "https:",
      hostname: "service.us-east-1.amazonaws.com",
      path: "/",
      query: {},
      headers: { host: "service.us-east-1.amazonaws.com", "content-type": "application/json" },
      body: '{"a":1}',
    };
    const sign = (sha256: ChecksumConstructor) =>
      new SignatureV4({
        service: "service",
        region: "us-east-1",
        sha256,
        credentials: { accessKeyId: "AKID", secretAccessKey: "secret", sessionToken: "token" },
      }).sign(structuredClone(request), { signingDate: new Date("2024-01-02T03:04:05Z") });
    const ours = await sign(Sha256);
    const theirs = await sign(PackageSha256 as never);
    expect(ours.headers.authorization).toBe(theirs.headers.authorization);
    expect(ours.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKID\//);
  });
});

describe("the WebCrypto SHA-256 where a page has no WebCrypto (plain http://)", () => {
  it("fails with a ConfigurationError that names the sha256 option", () => {
    vi.stubGlobal("crypto", {});
    try {
      const error = (() => {
        try {
          new WebCryptoSha256("key");
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({
        option: "sha256",
        message: expect.stringContaining("https://"),
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
