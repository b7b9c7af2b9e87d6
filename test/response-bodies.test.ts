import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CognitoIdentityClient, GetIdCommand, isCognitoIdentityError } from "../src/index.js";

const POOL = "us-east-1:00000000-0000-0000-0000-000000000000";
const text = '{"IdentityId":"us-east-1:abc"}';
const bytes = () => new TextEncoder().encode(text);

/** Every body form a request handler may return: ours, fetch's, and the AWS SDK's Node one. */
const forms: [string, () => unknown][] = [
  ["a string", () => text],
  ["a Uint8Array", bytes],
  ["an ArrayBuffer", () => bytes().buffer],
  ["a Blob", () => new Blob([text])],
  [
    "a web ReadableStream in two chunks",
    () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes().subarray(0, 5));
          controller.enqueue(bytes().subarray(5));
          controller.close();
        },
      }),
  ],
  [
    "a Node readable stream",
    () => Readable.from([Buffer.from(text.slice(0, 7)), Buffer.from(text.slice(7))]),
  ],
];

function clientAnswering(status: number, body: () => unknown) {
  return new CognitoIdentityClient({
    region: "us-east-1",
    requestHandler: {
      handle: async () => ({
        response: { statusCode: status, headers: { "x-amzn-requestid": "rid" }, body: body() },
      }),
    },
  });
}

describe("response bodies from any request handler", () => {
  it.each(forms)("parses an output from %s", async (_, body) => {
    const output = await clientAnswering(200, body).send(
      new GetIdCommand({ IdentityPoolId: POOL }),
    );
    expect(output.IdentityId).toBe("us-east-1:abc");
    expect(output.$metadata.requestId).toBe("rid");
  });

  it("parses a modelled error from a stream", async () => {
    const errorBody = '{"__type":"NotAuthorizedException","message":"no"}';
    const client = clientAnswering(400, () => new Blob([errorBody]).stream());
    const error = await client
      .send(new GetIdCommand({ IdentityPoolId: POOL }))
      .catch((e: unknown) => e);
    expect(isCognitoIdentityError(error, "NotAuthorizedException")).toBe(true);
    expect(error).toMatchObject({
      message: "no",
      $metadata: { httpStatusCode: 400, requestId: "rid" },
    });
  });

  it("treats a missing body as empty", async () => {
    const output = await clientAnswering(200, () => undefined).send(
      new GetIdCommand({ IdentityPoolId: POOL }),
    );
    expect(output.$metadata.httpStatusCode).toBe(200);
  });
});
