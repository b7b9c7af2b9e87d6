import { Sha256 as PackageSha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity, HttpRequest } from "@smithy/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRequestSigner, type RequestSigner } from "../src/runtime/auth/request-signer.js";
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

/** Signs `toSign` with `signer` and with `SignatureV4` given the same options: same headers. */
async function expectSameAsSignatureV4(
  signer: RequestSigner,
  options: { service: string; region: string; credentials: () => Promise<AwsCredentialIdentity> },
  toSign: HttpRequest,
  signingDate: Date,
) {
  const ours = await signer.sign(structuredClone(toSign), { signingDate });
  const reference = await new SignatureV4({
    ...options,
    sha256: PackageSha256,
    applyChecksum: false,
  }).sign(structuredClone(toSign) as never, { signingDate });
  expect(ours.headers).toEqual((reference as unknown as HttpRequest).headers);
}

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
        const signer = createRequestSigner(parts, { ...options, sha256: Sha256 });
        await expectSameAsSignatureV4(signer, options, toSign, signingDate);
      }),
      { numRuns: 150 },
    );
  });

  it("signs each request with the key of its own credentials and day, over many requests", async () => {
    // Few distinct keys and days, so that a signer meets the same ones again (its cached key)
    // and keys that differ only in the secret.
    const identities = [
      { accessKeyId: "AKIDONE", secretAccessKey: "secret-1" },
      { accessKeyId: "AKIDONE", secretAccessKey: "secret-2" },
      { accessKeyId: "AKIDTWO", secretAccessKey: "secret-1", sessionToken: "t" },
    ];
    const days = [new Date("2026-01-01T23:59:59Z"), new Date("2026-01-02T00:00:00Z")];
    const calls = fc.array(
      fc.tuple(request, fc.constantFrom(...identities), fc.constantFrom(...days)),
      { minLength: 2, maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(calls, async (sequence) => {
        let current = identities[0]!;
        const options = { service: "s", region: "eu-west-1", credentials: async () => current };
        const signer = createRequestSigner(await browserParts(), {
          ...options,
          sha256: BrowserSha256,
        });
        for (const [toSign, identity, signingDate] of sequence) {
          current = identity;
          await expectSameAsSignatureV4(signer, options, toSign, signingDate);
        }
      }),
      { numRuns: 60 },
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
