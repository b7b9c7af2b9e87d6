import type { Handler, HandlerExecutionContext, MiddlewareStack } from "@smithy/types";

type Middleware = (next: Handler<any, any>, context: HandlerExecutionContext) => Handler<any, any>;

/** What `add` and `addRelativeTo` were given, as they were given. */
interface Entry {
  readonly middleware: Middleware;
  readonly name?: string;
  readonly aliases?: readonly string[];
  readonly tags?: readonly string[];
  readonly override?: boolean;
  readonly step?: string;
  readonly priority?: string;
  /** Set for entries added with `addRelativeTo`. */
  readonly relation?: "before" | "after";
  readonly toMiddleware?: string;
}

/** A copy of an entry with the relative entries attached to it, while the order is worked out. */
interface Node extends Entry {
  readonly before: Node[];
  readonly after: Node[];
}

const STEPS = ["deserialize", "finalizeRequest", "build", "serialize", "initialize"];
const PRIORITIES = ["low", "normal", "high"];

const namesOf = (entry: Entry): string[] => [
  ...(entry.name ? [entry.name] : []),
  ...(entry.aliases ?? []),
];

const label = (entry: Entry): string =>
  `${entry.name || "anonymous"}${entry.aliases?.length ? ` (a.k.a. ${entry.aliases.join(",")})` : ""}`;

/**
 * A middleware stack with the contract and the ordering of `@smithy/types` `MiddlewareStack`
 * as `@smithy/core` implements it (steps, priorities, entries relative to named ones, aliases,
 * overrides, tags, and the same error messages), so middleware written for AWS SDK clients
 * runs here in the same order. It keeps its order between calls and sorts again only after a
 * change. Smithy's implementation is more than twice the size in a bundle.
 */
export function createMiddlewareStack<I extends object, O extends object>(): MiddlewareStack<I, O> {
  let absolute: Entry[] = [];
  let relative: Entry[] = [];
  const names = new Set<string>();
  let identifyOnResolve = false;
  /** The middleware in the order they run, outermost first; dropped on every change. */
  let order: Middleware[] | undefined;

  const insert = (entries: Entry[], entry: Entry): void => {
    const own = namesOf(entry);
    if (own.some((name) => names.has(name))) {
      if (!entry.override) throw new Error(`Duplicate middleware name '${label(entry)}'`);
      for (const name of own) {
        const index = entries.findIndex((old) => namesOf(old).includes(name));
        if (index < 0) continue;
        const old = entries[index]!;
        // An entry may only replace one in the same place (step and priority, or anchor),
        // compared as the error message words it: the same for the values the types allow.
        const where = (e: Entry) =>
          entries === absolute
            ? `with ${e.priority} priority in ${e.step} step`
            : `${e.relation} "${e.toMiddleware}" middleware`;
        if (where(old) !== where(entry)) {
          throw new Error(
            `"${label(old)}" middleware ${where(old)} cannot be overridden by "${label(entry)}" middleware ${where(entry)}.`,
          );
        }
        entries.splice(index, 1);
      }
    }
    for (const name of own) names.add(name);
    entries.push(entry);
    order = undefined;
  };

  /** Drops the entries `matches` picks and frees their names. */
  const removeWhere = (matches: (entry: Entry) => boolean): boolean => {
    let removed = false;
    const keep = (entry: Entry) => {
      if (!matches(entry)) return true;
      removed = true;
      for (const name of namesOf(entry)) names.delete(name);
      return false;
    };
    absolute = absolute.filter(keep);
    relative = relative.filter(keep);
    order = undefined;
    return removed;
  };

  /**
   * The entries in the order they run: absolute ones by step and priority (stable), each with
   * the entries placed before and after it (recursively) around it. A relative entry whose
   * anchor is missing fails the call; `identify` just leaves it out.
   */
  const ordered = (lenient: boolean): Entry[] => {
    const byName = new Map<string, Node>();
    const nodes = (entries: Entry[]) =>
      entries.map((entry) => {
        const node: Node = { ...entry, before: [], after: [] };
        for (const name of namesOf(entry)) byName.set(name, node);
        return node;
      });
    const roots = nodes(absolute);
    for (const node of nodes(relative)) {
      const { relation, toMiddleware } = node;
      if (!toMiddleware) continue;
      const anchor = byName.get(toMiddleware);
      if (anchor) anchor[relation === "after" ? "after" : "before"].push(node);
      else if (!lenient) {
        throw new Error(
          `${toMiddleware} is not found when adding ${label(node)} middleware ${relation} ${toMiddleware}`,
        );
      }
    }
    // Later `after` entries sit closer to their anchor, as in Smithy's stack.
    const expand = (node: Node): Entry[] => [
      ...node.before.flatMap(expand),
      node,
      ...node.after.reverse().flatMap(expand),
    ];
    const weight = (node: Node) =>
      STEPS.indexOf(node.step!) * 4 + PRIORITIES.indexOf(node.priority ?? "normal");
    return roots.sort((a, b) => weight(b) - weight(a)).flatMap(expand);
  };

  const copyTo = <S extends MiddlewareStack<I, O>>(target: S): S => {
    for (const entry of absolute) target.add(entry.middleware as never, { ...entry } as never);
    for (const entry of relative)
      target.addRelativeTo(entry.middleware as never, { ...entry } as never);
    target.identifyOnResolve?.(identifyOnResolve);
    return target;
  };

  const stack: MiddlewareStack<I, O> = {
    add(middleware: Middleware, options: Omit<Entry, "middleware"> = {}) {
      insert(absolute, { step: "initialize", priority: "normal", middleware, ...options });
    },
    addRelativeTo(middleware: Middleware, options: Omit<Entry, "middleware">) {
      insert(relative, { middleware, ...options });
    },
    clone: () => copyTo(createMiddlewareStack<I, O>()),
    use: (plugin) => plugin.applyToStack(stack),
    remove: (toRemove) =>
      removeWhere((entry) =>
        typeof toRemove === "string"
          ? namesOf(entry).includes(toRemove)
          : entry.middleware === toRemove,
      ),
    removeByTag: (tag) => removeWhere((entry) => entry.tags?.includes(tag) === true),
    concat(from) {
      const joined = copyTo(createMiddlewareStack<any, any>());
      joined.use(from);
      joined.identifyOnResolve(
        identifyOnResolve || joined.identifyOnResolve() || (from.identifyOnResolve?.() ?? false),
      );
      return joined;
    },
    applyToStack: copyTo as never,
    identify: () =>
      ordered(true).map(
        (entry) => `${label(entry)} - ${entry.step ?? `${entry.relation} ${entry.toMiddleware}`}`,
      ),
    identifyOnResolve(toggle?: boolean) {
      if (typeof toggle === "boolean") identifyOnResolve = toggle;
      return identifyOnResolve;
    },
    resolve(handler, context) {
      order ??= ordered(false).map((entry) => entry.middleware);
      let next = handler as Handler<any, any>;
      for (let i = order.length - 1; i >= 0; i--) next = order[i]!(next, context);
      if (identifyOnResolve) console.log(stack.identify());
      return next;
    },
  } as MiddlewareStack<I, O>;
  return stack;
}
