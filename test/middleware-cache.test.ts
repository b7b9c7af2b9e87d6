/**
 * The client sorts its middleware stack once and reuses the order: changes to the stack after
 * calls still take effect, each call still gets its own context, and a command's own
 * middleware still runs.
 */
import { HttpRequest } from "@smithy/protocol-http";
import { describe, expect, it } from "vitest";
import { CognitoIdentityClient, DescribeIdentityPoolCommand, GetIdCommand } from "../src/index.js";
import { captureHandler, json } from "./helpers/capture.js";

const POOL_ID = "us-east-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789";
const IDENTITY_ID = "us-east-1:11111111-2222-3333-4444-555555555555";

function setup() {
  const handler = captureHandler(json({ IdentityId: IDENTITY_ID }));
  const client = new CognitoIdentityClient({ region: "us-east-1", requestHandler: handler });
  return { client, handler };
}

const tagHeader =
  (value: string) =>
  (next: (args: any) => Promise<any>) =>
  async (args: any): Promise<any> => {
    args.request.headers["x-tag"] = value;
    return next(args);
  };

describe("the cached middleware order", () => {
  it("takes middleware added and removed between calls into account", async () => {
    const { client, handler } = setup();
    await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    client.middlewareStack.add(tagHeader("one"), { step: "build", name: "tag" });
    await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    client.middlewareStack.remove("tag");
    await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    client.middlewareStack.addRelativeTo(tagHeader("two"), {
      relation: "after",
      toMiddleware: "userAgentMiddleware",
      name: "tag2",
    });
    await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    expect(handler.requests.map((r) => r.headers["x-tag"])).toEqual([
      undefined,
      "one",
      undefined,
      "two",
    ]);
  });

  it("runs a command's own middleware, after the client's", async () => {
    const { client, handler } = setup();
    client.middlewareStack.add(tagHeader("client"), { step: "build", name: "tag" });
    const command = new GetIdCommand({ IdentityPoolId: POOL_ID });
    command.middlewareStack.add(tagHeader("command"), { step: "build", name: "own" });
    await client.send(command);
    await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    expect(handler.requests.map((r) => r.headers["x-tag"])).toEqual(["command", "client"]);
  });

  it("gives every call its own context", async () => {
    const { client } = setup();
    const seen: object[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        seen.push(context);
        return next(args);
      },
      { step: "initialize", name: "spy" },
    );
    await Promise.all([
      client.send(new GetIdCommand({ IdentityPoolId: POOL_ID })),
      client.send(new GetIdCommand({ IdentityPoolId: POOL_ID })),
    ]);
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
  });
});

describe("the request of each attempt", () => {
  it("is a fresh copy, of the class a middleware put there", async () => {
    const handler = captureHandler({ status: 500, body: "{}" }, json({ IdentityPoolId: POOL_ID }));
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      requestHandler: handler,
      credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
    });
    // Before the retry step: an HttpRequest instance with a query, as some middleware make.
    client.middlewareStack.add(
      (next) => (args) =>
        next({
          ...args,
          request: new HttpRequest({ ...(args.request as object), query: { a: ["1"] } }),
        }),
      { step: "build", name: "toHttpRequest" },
    );
    // After it: changes one attempt's copy.
    client.middlewareStack.add(
      (next) => (args) => {
        const request = args.request as HttpRequest;
        request.headers["x-attempt"] = `${Number(request.headers["x-attempt"] ?? 0) + 1}`;
        (request.query.a as string[]).push("changed");
        return next(args);
      },
      { step: "finalizeRequest", name: "countAttempts" },
    );
    // A read, so the 500 is retried.
    await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: POOL_ID }));
    expect(handler.requests).toHaveLength(2);
    for (const request of handler.requests) {
      expect(request).toBeInstanceOf(HttpRequest);
      expect(request.headers["x-attempt"]).toBe("1");
      expect(request.query).toEqual({ a: ["1", "changed"] });
    }
  });
});
