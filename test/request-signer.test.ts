import { Sha256 as PackageSha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRequestSigner } from "../src/runtime/auth/request-signer.js";
import {
  Sha256 as JsSha256,
  loadSigV4Parts as jsParts,
} from "../src/runtime/platform/signing-js.js";
import {
  Sha256 as NodeSha256,
  loadSigV4Parts as nodeParts,
} from "../src/runtime/platform/signing-node.js";
import {
  Sha256 as BrowserSha256,
  loadSigV4Parts as browserParts,
} from "../src/runtime/platform/signing-webcrypto.js";

const token = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const request: fc.Arbitrary<HttpRequest> = fc.record({
  method: fc.constantFrom("POST", "GET", "PUT"),
  protocol: fc.constant("https:"),
  hostname: fc.constantFrom("service.us-east-1.amazonaws.com", "127.0.0.1"),
  path: fc.constantFrom("/", "/a/b", "/a/../b/./c", "/with space/é"),
  query: fc.dictionary(token, fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 2 })), {
    maxKeys: 3,
  }),
  headers: fc.dictionary(
    // Leftovers of an earlier signature, which signing drops, among other headers.
    fc.oneof(token, fc.constantFrom("Authorization", "X-Amz-Date", "date")),
    fc.string({ maxLength: 30 }).map((v) => v.replace(/[\r\n]/g, "")),
    {
      maxKeys: 4,
    },
  ),
  body: fc.oneof(fc.string(), fc.constant(undefined)),
});
const credentials = fc.record(
  {
    accessKeyId: fc.stringMatching(/^AKIA[A-Z0-9]{4,16}$/),
    secretAccessKey: fc.string({ minLength: 1, maxLength: 40 }),
    sessionToken: fc.string({ minLength: 1, maxLength: 40 }),
  },
  { requiredKeys: ["accessKeyId", "secretAccessKey"] },
);
const date = fc.date({
  min: new Date("2000-01-01"),
  max: new Date("2099-12-31"),
  noInvalidDate: true,
});

/**
 * Our signer is `@smithy/signature-v4`'s steps run without its `SignatureV4` class: it must
 * give exactly what `SignatureV4.sign` gives, for any request, credentials and date, with both
 * platforms' SHA-256.
 */
describe("the request signer", () => {
  it.each([
    ["browser", browserParts, BrowserSha256],
    ["other runtimes'", jsParts, JsSha256],
    ["Node", nodeParts, NodeSha256],
  ] as const)("signs as SignatureV4 does (%s parts and SHA-256)", async (_, loadParts, Sha256) => {
    const parts = await loadParts();
    await fc.assert(
      fc.asyncProperty(request, credentials, date, async (toSign, identity, signingDate) => {
        const options = {
          service: "cognito-identity",
          region: "eu-west-1",
          credentials: async () => identity,
        };
        const ours = await createRequestSigner(parts, { ...options, sha256: Sha256 }).sign(
          structuredClone(toSign),
          { signingDate },
        );
        const reference = await new SignatureV4({
          ...options,
          sha256: PackageSha256,
          applyChecksum: false,
        }).sign(structuredClone(toSign) as never, { signingDate });
        expect(ours.headers).toEqual((reference as unknown as HttpRequest).headers);
      }),
      { numRuns: 150 },
    );
  });

  it("leaves the request it was given unchanged", async () => {
    const signer = createRequestSigner(await browserParts(), {
      service: "s",
      region: "us-east-1",
      credentials: async () => ({ accessKeyId: "AKID", secretAccessKey: "secret" }),
      sha256: BrowserSha256,
    });
    const original: HttpRequest = {
      method: "POST",
      protocol: "https:",
      hostname: "s.us-east-1.amazonaws.com",
      path: "/",
      query: {},
      headers: { host: "s.us-east-1.amazonaws.com" },
      body: "{}",
    };
    const signed = await signer.sign(original, { signingDate: new Date() });
    expect(signed.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKID\//);
    expect(original.headers).toEqual({ host: "s.us-east-1.amazonaws.com" });
  });

  it("refuses credentials without keys, as SignatureV4 does", async () => {
    const signer = createRequestSigner(await browserParts(), {
      service: "s",
      region: "us-east-1",
      credentials: async () => ({}) as never,
      sha256: BrowserSha256,
    });
    await expect(
      signer.sign(
        { method: "POST", protocol: "https:", hostname: "h", path: "/", query: {}, headers: {} },
        { signingDate: new Date() },
      ),
    ).rejects.toThrow("Resolved credential object is not valid");
  });
});
