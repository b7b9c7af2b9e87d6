import { constructStack } from "@smithy/core/client";
import type { Handler, HandlerExecutionContext, MiddlewareStack } from "@smithy/types";

type Factory = (next: Handler<any, any>, context: HandlerExecutionContext) => Handler<any, any>;

/** The middleware of a stack in the order `resolve` applies them (innermost first). */
const chains = new WeakMap<object, readonly Factory[]>();
/** Stacks whose changes drop their cached order. */
const watched = new WeakSet<object>();

const MUTATORS = ["add", "addRelativeTo", "use", "remove", "removeByTag"] as const;

/**
 * Resolves `stack` around `terminal` for one call, like `stack.resolve`, but sorts the stack
 * only when it changed since the last call: sorting (steps, priorities, relative entries) is
 * most of the cost of a call otherwise. The middleware still run with this call's context.
 */
export function resolveCached<I extends object, O extends object>(
  stack: MiddlewareStack<I, O>,
  terminal: Handler<I, O>,
  context: HandlerExecutionContext,
): Handler<I, O> {
  // Debug printing of the stack happens in `resolve`: keep it.
  if (stack.identifyOnResolve()) return stack.resolve(terminal as never, context) as never;
  let chain = chains.get(stack);
  if (chain === undefined) {
    watch(stack);
    chain = order(stack);
    chains.set(stack, chain);
  }
  let handler: Handler<any, any> = terminal;
  for (const factory of chain) handler = factory(handler, context);
  return handler;
}

/** Lets smithy's own stack do the sorting, and records the order it applies the middleware. */
function order(stack: MiddlewareStack<any, any>): readonly Factory[] {
  const applied: Factory[] = [];
  const recorder = constructStack<any, any>();
  const record =
    (factory: Factory): Factory =>
    (next) => {
      applied.push(factory);
      return next;
    };
  stack.applyToStack({
    add: (factory: Factory, { middleware: _, ...options }: any) =>
      recorder.add(record(factory) as never, options),
    addRelativeTo: (factory: Factory, { middleware: _, ...options }: any) =>
      recorder.addRelativeTo(record(factory) as never, options),
  } as unknown as MiddlewareStack<any, any>);
  recorder.resolve((() => {}) as never, {});
  return applied;
}

/** The stack has no change event: wrap the methods that change it to forget its order. */
function watch(stack: MiddlewareStack<any, any>): void {
  if (watched.has(stack)) return;
  watched.add(stack);
  const methods = stack as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of MUTATORS) {
    const original = methods[name]!;
    methods[name] = (...args: unknown[]) => {
      chains.delete(stack);
      return original.apply(stack, args);
    };
  }
}
