import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { EmitContext } from "./emit/text.js";
import type { Target } from "./write.js";

export interface ResolvedTarget extends Target {
  readonly context: EmitContext;
}

/**
 * The models to generate and where, read from the `codegen` section of package.json, so the
 * generator itself names no service.
 */
export function readTargets(root: string): ResolvedTarget[] {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    name: string;
    version: string;
    codegen?: { runtime: string; targets: Target[] };
  };
  if (!pkg.codegen) throw new Error("package.json has no `codegen` section");
  const runtimeDir = join(root, pkg.codegen.runtime);
  return pkg.codegen.targets.map((target) => ({
    ...target,
    context: {
      runtime: relative(join(root, target.out), runtimeDir).split("\\").join("/"),
      clientUserAgent: `${pkg.name}/${pkg.version}`,
    },
  }));
}
