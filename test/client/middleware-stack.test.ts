import { constructStack } from "@smithy/core/client";
import type { MiddlewareStack } from "@smithy/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMiddlewareStack } from "../../src/runtime/middleware-stack.js";

/**
 * Our stack against Smithy's `constructStack`, the implementation every AWS SDK client uses:
 * random sequences of changes must give the same order, the same `identify()` and the same
 * errors, so middleware written for those clients behaves the same here.
 */
const NAMES = ["a", "b", "c", "d", "e"];
const name = fc.option(fc.constantFrom(...NAMES), { nil: undefined });
const aliases = fc.option(fc.array(fc.constantFrom(...NAMES, "x", "y"), { maxLength: 2 }), {
  nil: undefined,
});
const tags = fc.option(fc.array(fc.constantFrom("t1", "t2"), { maxLength: 2 }), { nil: undefined });
const override = fc.option(fc.boolean(), { nil: undefined });

type Op =
  | { kind: "add"; options: Record<string, unknown> }
  | { kind: "addRelativeTo"; options: Record<string, unknown> }
  | { kind: "remove"; name: string }
  | { kind: "removeByReference"; index: number }
  | { kind: "removeByTag"; tag: string }
  | { kind: "clone" };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("add" as const),
    options: fc.record(
      {
        step: fc.constantFrom("initialize", "serialize", "build", "finalizeRequest", "deserialize"),
        priority: fc.constantFrom("high", "normal", "low"),
        name,
        aliases,
        tags,
        override,
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    kind: fc.constant("addRelativeTo" as const),
    options: fc.record(
      {
        relation: fc.constantFrom("before", "after"),
        toMiddleware: fc.constantFrom(...NAMES, "x"),
        name,
        aliases,
        tags,
        override,
      },
      { requiredKeys: ["relation", "toMiddleware"] },
    ),
  }),
  fc.record({ kind: fc.constant("remove" as const), name: fc.constantFrom(...NAMES, "x") }),
  fc.record({ kind: fc.constant("removeByReference" as const), index: fc.nat(20) }),
  fc.record({ kind: fc.constant("removeByTag" as const), tag: fc.constantFrom("t1", "t2") }),
  fc.record({ kind: fc.constant("clone" as const) }),
);

type Log = string[];

/** Runs the changes on a stack; returns the stack in use and what each change did. */
function apply(start: MiddlewareStack<any, any>, ops: Op[]) {
  let stack = start;
  const outcomes: unknown[] = [];
  const middleware: unknown[] = [];
  for (const [i, change] of ops.entries()) {
    const fn =
      (next: (args: unknown) => Promise<unknown>, context: { log: Log }) =>
      async (args: unknown) => {
        context.log.push(`m${i}`);
        return next(args);
      };
    try {
      switch (change.kind) {
        case "add":
          middleware.push(fn);
          outcomes.push(stack.add(fn as never, { ...change.options } as never));
          break;
        case "addRelativeTo":
          middleware.push(fn);
          outcomes.push(stack.addRelativeTo(fn as never, { ...change.options } as never));
          break;
        case "remove":
          outcomes.push(stack.remove(change.name));
          break;
        case "removeByReference":
          outcomes.push(stack.remove((middleware[change.index] ?? fn) as never));
          break;
        case "removeByTag":
          outcomes.push(stack.removeByTag(change.tag));
          break;
        case "clone":
          stack = stack.clone();
          outcomes.push("cloned");
          break;
      }
    } catch (error) {
      outcomes.push(`throws ${(error as Error).message}`);
    }
  }
  return { stack, outcomes };
}

async function run(stack: MiddlewareStack<any, any>) {
  const log: Log = [];
  try {
    const handler = stack.resolve((async () => ({ output: {} })) as never, { log } as never);
    await handler({ input: {} } as never);
    return log;
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
}

async function observe(stack: MiddlewareStack<any, any>) {
  return { identify: stack.identify(), run: await run(stack) };
}

describe("the middleware stack", () => {
  it("orders, identifies and fails like Smithy's for any sequence of changes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 14 }), async (ops) => {
        const ours = apply(createMiddlewareStack(), ops);
        const smithy = apply(constructStack(), ops);
        expect(ours.outcomes).toEqual(smithy.outcomes);
        expect(await observe(ours.stack)).toEqual(await observe(smithy.stack));
      }),
      { numRuns: 400 },
    );
  });

  it("concatenates like Smithy's, either way round and with Smithy's own stacks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 8 }),
        fc.array(op, { maxLength: 8 }),
        async (first, second) => {
          const ours = apply(createMiddlewareStack(), first).stack;
          const smithy = apply(constructStack(), first).stack;
          const otherOurs = apply(createMiddlewareStack(), second).stack;
          const otherSmithy = apply(constructStack(), second).stack;
          const attempt = (join: () => MiddlewareStack<any, any>) => {
            try {
              return observe(join());
            } catch (error) {
              return `throws ${(error as Error).message}`;
            }
          };
          const expected = await attempt(() => smithy.concat(otherSmithy));
          expect(await attempt(() => ours.concat(otherOurs))).toEqual(expected);
          expect(await attempt(() => ours.concat(otherSmithy))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("sorts again after a change made between calls", async () => {
    const stack = createMiddlewareStack<any, any>();
    const mark = (label: string) => (next: any, context: any) => (args: any) => {
      context.log.push(label);
      return next(args);
    };
    stack.add(mark("build") as never, { step: "build", name: "b" });
    expect(await run(stack)).toEqual(["build"]);
    stack.add(mark("init") as never, { step: "initialize" });
    expect(await run(stack)).toEqual(["init", "build"]);
    stack.remove("b");
    expect(await run(stack)).toEqual(["init"]);
  });

  it("prints the order on resolve when asked to", () => {
    const stack = createMiddlewareStack<any, any>();
    stack.add(((next: any) => next) as never, { step: "build", name: "b" });
    const printed: unknown[] = [];
    const original = console.log;
    console.log = (value: unknown) => printed.push(value);
    try {
      stack.identifyOnResolve(true);
      stack.resolve((async () => ({})) as never, {} as never);
    } finally {
      console.log = original;
    }
    expect(printed).toEqual([["b - build"]]);
  });
});
