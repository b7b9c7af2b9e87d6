import { describe, expect, it } from "vitest";
import {
  CognitoIdentity,
  CognitoIdentityClient,
  type ListIdentityPoolsCommandInput,
  paginateListIdentities,
  paginateListIdentityPools,
  paginateLookupDeveloperIdentity,
} from "../src/index.js";
import { type CannedResponse, captureHandler, json } from "./helpers/capture.js";

const credentials = { accessKeyId: "AKID", secretAccessKey: "secret" };

function pools(...tokens: (string | undefined | null)[]): CannedResponse[] {
  return tokens.map((token, page) =>
    json({
      IdentityPools: [{ IdentityPoolId: `us-east-1:${page}`, IdentityPoolName: `pool-${page}` }],
      ...(token === undefined ? {} : { NextToken: token }),
    }),
  );
}

function setup(...answers: CannedResponse[]) {
  const handler = captureHandler(...answers);
  const client = new CognitoIdentityClient({
    region: "us-east-1",
    credentials,
    requestHandler: handler,
  });
  const sent = () => handler.requests.map((r) => JSON.parse(String(r.body)));
  return { client, handler, sent };
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe("paginateListIdentityPools", () => {
  it("follows NextToken across pages until the service stops returning one", async () => {
    const { client, sent } = setup(...pools("t1", "t2", "t3", undefined));
    const pages = await collect(paginateListIdentityPools({ client, pageSize: 25 }, {}));
    expect(pages.map((p) => p.IdentityPools?.[0]?.IdentityPoolName)).toEqual([
      "pool-0",
      "pool-1",
      "pool-2",
      "pool-3",
    ]);
    expect(sent()).toEqual([
      { MaxResults: 25 },
      { MaxResults: 25, NextToken: "t1" },
      { MaxResults: 25, NextToken: "t2" },
      { MaxResults: 25, NextToken: "t3" },
    ]);
  });

  it.each([
    ["an empty token", ""],
    ["a null token", null],
  ])("stops on %s", async (_label, last) => {
    const { client, handler } = setup(...pools("t1", last, "never"));
    const pages = await collect(paginateListIdentityPools({ client }, {}));
    expect(pages).toHaveLength(2);
    expect(handler.requests).toHaveLength(2);
  });

  it("stops when the service repeats the token it was sent", async () => {
    const { client, handler } = setup(...pools("t1", "t1", "t2"));
    const pages = await collect(paginateListIdentityPools({ client }, {}));
    expect(pages).toHaveLength(2);
    expect(handler.requests).toHaveLength(2);
  });

  it("asks for the largest page the model allows when no page size is given", async () => {
    const { client, sent } = setup(...pools(undefined));
    await collect(paginateListIdentityPools({ client }, {}));
    expect(sent()).toEqual([{ MaxResults: 60 }]);
  });

  it("uses MaxResults from the input when config.pageSize is not set", async () => {
    const { client, sent } = setup(...pools(undefined));
    await collect(paginateListIdentityPools({ client }, { MaxResults: 7 }));
    expect(sent()).toEqual([{ MaxResults: 7 }]);
  });

  it("starts from config.startingToken and never changes the caller's input", async () => {
    const { client, sent } = setup(...pools("t6", undefined));
    const input: ListIdentityPoolsCommandInput = { MaxResults: 5 };
    const frozen = Object.freeze({ ...input });
    await collect(paginateListIdentityPools({ client, startingToken: "t5" }, frozen));
    expect(frozen).toEqual({ MaxResults: 5 });
    expect(sent()).toEqual([
      { MaxResults: 5, NextToken: "t5" },
      { MaxResults: 5, NextToken: "t6" },
    ]);
  });

  it("works with the aggregated client and can be stopped early with break", async () => {
    const handler = captureHandler(...pools("t1", "t2", "t3"));
    const client = new CognitoIdentity({
      region: "us-east-1",
      credentials,
      requestHandler: handler,
    });
    for await (const page of paginateListIdentityPools({ client }, {})) {
      expect(page.IdentityPools).toHaveLength(1);
      break;
    }
    expect(handler.requests).toHaveLength(1);
  });

  it("passes the abort signal to every request", async () => {
    const controller = new AbortController();
    controller.abort();
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      credentials,
      requestHandler: {
        async handle(_request, options) {
          if (options?.abortSignal?.aborted)
            throw Object.assign(new Error("aborted"), { name: "AbortError" });
          throw new Error("the signal was not passed");
        },
      },
    });
    await expect(
      collect(paginateListIdentityPools({ client, abortSignal: controller.signal }, {})),
    ).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("paginators the model adds for ListIdentities and LookupDeveloperIdentity", () => {
  it("pages ListIdentities and keeps the other input members on every page", async () => {
    const { client, sent } = setup(
      json({ Identities: [{ IdentityId: "us-east-1:a" }], NextToken: "n1" }),
      json({ Identities: [{ IdentityId: "us-east-1:b" }], NextToken: "n2" }),
      json({ Identities: [{ IdentityId: "us-east-1:c" }] }),
    );
    const pages = await collect(
      paginateListIdentities(
        { client, pageSize: 1 },
        { IdentityPoolId: "us-east-1:0a", HideDisabled: true },
      ),
    );
    expect(pages.flatMap((p) => p.Identities?.map((i) => i.IdentityId))).toEqual([
      "us-east-1:a",
      "us-east-1:b",
      "us-east-1:c",
    ]);
    expect(sent()).toEqual([
      { IdentityPoolId: "us-east-1:0a", HideDisabled: true, MaxResults: 1 },
      { IdentityPoolId: "us-east-1:0a", HideDisabled: true, MaxResults: 1, NextToken: "n1" },
      { IdentityPoolId: "us-east-1:0a", HideDisabled: true, MaxResults: 1, NextToken: "n2" },
    ]);
  });

  it("pages LookupDeveloperIdentity without a page size when none is given", async () => {
    const { client, sent } = setup(
      json({ DeveloperUserIdentifierList: ["u1"], NextToken: "n1" }),
      json({ DeveloperUserIdentifierList: ["u2"], NextToken: "n2" }),
      json({ DeveloperUserIdentifierList: ["u3"] }),
    );
    const pages = await collect(
      paginateLookupDeveloperIdentity(
        { client },
        { IdentityPoolId: "us-east-1:0a", IdentityId: "us-east-1:1b" },
      ),
    );
    expect(pages.flatMap((p) => p.DeveloperUserIdentifierList)).toEqual(["u1", "u2", "u3"]);
    expect(sent()[0]).toEqual({ IdentityPoolId: "us-east-1:0a", IdentityId: "us-east-1:1b" });
    expect(sent()[2]).toEqual({
      IdentityPoolId: "us-east-1:0a",
      IdentityId: "us-east-1:1b",
      NextToken: "n2",
    });
  });
});
