/**
 * The runtime's own SigV4 signer gives the same signed request as `@smithy/signature-v4`, the
 * AWS SDK's signer, for requests of every shape a middleware could make.
 */
import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sigv4 } from "../src/runtime/auth/sigv4.js";

const date = new Date("2026-03-04T05:06:07.890Z");
const text = fc.string({ unit: "grapheme", maxLength: 12 });
const headerValue = fc.string({ maxLength: 12 }).map((s) => s.replace(/[^\x20-\x7e\t]/g, "a"));
const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/);

const requestArb = fc.record({
  path: fc.oneof(
    fc.constant("/"),
    fc
      .array(fc.oneof(text, fc.constantFrom(".", "..", "")), { maxLength: 4 })
      .map((parts) => `/${parts.join("/")}`),
  ),
  // Not `__proto__`: the reference signer reads it through its own object's prototype.
  query: fc.dictionary(
    text.filter((key) => key !== "__proto__"),
    fc.oneof(text, fc.array(text, { maxLength: 3 })),
  ),
  headers: fc.dictionary(headerName, headerValue),
  body: fc.oneof(
    fc.constant(undefined),
    text,
    text.map((t) => new TextEncoder().encode(t)),
  ),
  sessionToken: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }),
});

describe("the SigV4 signer", () => {
  it("signs exactly as @smithy/signature-v4 does", async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async ({ path, query, headers, body, sessionToken }) => {
        const credentials = {
          accessKeyId: "AKIDEXAMPLE",
          secretAccessKey: "secret",
          ...(sessionToken ? { sessionToken } : {}),
        };
        const make = () =>
          new HttpRequest({
            method: "POST",
            protocol: "https:",
            hostname: "example.amazonaws.com",
            path,
            query,
            headers: { ...headers, host: "example.amazonaws.com", "user-agent": "ua" },
            body,
          });
        const theirs = await new SignatureV4({
          service: "svc",
          region: "eu-west-1",
          credentials,
          sha256: Sha256,
          applyChecksum: false,
        }).sign(make(), { signingDate: date });
        const ours = await sigv4.sign(make(), {
          credentials: async () => credentials,
          region: "eu-west-1",
          signingName: "svc",
          signingDate: date,
          cache: new Map(),
        });
        expect(ours.headers).toEqual(theirs.headers);
      }),
      { numRuns: 300 },
    );
  });

  it("derives the key again when the day or the secret changes", async () => {
    const cache = new Map<string, unknown>();
    const sign = (secretAccessKey: string, signingDate: Date) =>
      sigv4.sign(new HttpRequest({ method: "POST", hostname: "h", path: "/", headers: {} }), {
        credentials: async () => ({ accessKeyId: "AKID", secretAccessKey }),
        region: "us-east-1",
        signingName: "svc",
        signingDate,
        cache,
      });
    const reference = async (secretAccessKey: string, signingDate: Date) =>
      new SignatureV4({
        service: "svc",
        region: "us-east-1",
        credentials: { accessKeyId: "AKID", secretAccessKey },
        sha256: Sha256,
        applyChecksum: false,
      }).sign(new HttpRequest({ method: "POST", hostname: "h", path: "/", headers: {} }), {
        signingDate,
      });
    const day2 = new Date("2026-03-05T00:00:01Z");
    for (const [secret, when] of [
      ["a", date],
      ["a", date],
      ["b", date],
      ["b", day2],
    ] as const) {
      expect((await sign(secret, when)).headers).toEqual((await reference(secret, when)).headers);
    }
  });
});
