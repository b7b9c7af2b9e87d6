/**
 * The client sorts its middleware stack once and reuses the order: changes to the stack after
 * calls still take effect, each call still gets its own context, and a command's own
 * middleware still runs.
 */
import { describe, expect, it } from "vitest";
import { CognitoIdentityClient, GetIdCommand } from "../src/index.js";
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
