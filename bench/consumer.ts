import {
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { clientPackage, credentialsPackage } from "./contenders.js";

export const repoRoot = join(import.meta.dirname, "..");
export const workDir = join(import.meta.dirname, ".work");

/** A scratch app that depends on both clients, from which every measurement resolves them. */
export interface Consumer {
  dir: string;
  /** The path of a compiled worker script (see bench/workers/). */
  script(name: WorkerName): string;
  versions: { ours: string; official: string; officialCredentials: string };
}

export type WorkerName =
  | "per-call"
  | "paginator"
  | "first-call"
  | "loopback-client"
  | "loopback-server";

const workerSources: Record<WorkerName, string> = {
  "per-call": "workers/per-call.ts",
  paginator: "workers/paginator.ts",
  "first-call": "workers/first-call.ts",
  "loopback-client": "workers/loopback-client.ts",
  "loopback-server": "loopback-server.ts",
};

/**
 * Creates bench/.work/consumer: its own package.json (so the repo's self-reference does not
 * apply) and node_modules symlinks to this repo and to the official packages, so both
 * clients are found by package name through their exports maps, as an app would find them,
 * whatever the layout of dist/. Compiles the worker scripts to plain .mjs so the measured
 * processes run on bare `node`, with no TypeScript loader in the way.
 */
export async function prepareConsumer(): Promise<Consumer> {
  const dir = join(workDir, "consumer");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "node_modules", "@aws-sdk"), { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "bench-consumer", private: true, type: "module" }),
  );
  const repoRequire = createRequire(join(repoRoot, "package.json"));
  link(repoRoot, join(dir, "node_modules", "cognito-identity-client"));
  for (const name of [clientPackage.official, credentialsPackage.official]) {
    const packageDir = dirname(repoRequire.resolve(`${name}/package.json`));
    link(realpathSync(packageDir), join(dir, "node_modules", name));
  }

  const consumerRequire = createRequire(join(dir, "package.json"));
  try {
    consumerRequire.resolve(clientPackage.ours);
  } catch (error) {
    throw new Error(`Cannot load ${clientPackage.ours}: build it first (npm run build).`, {
      cause: error,
    });
  }

  await build({
    entryPoints: Object.fromEntries(
      Object.entries(workerSources).map(([name, source]) => [
        name,
        join(import.meta.dirname, source),
      ]),
    ),
    outdir: join(dir, "workers"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // The clients and their dependencies stay imports, resolved at run time from here.
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });

  const version = (name: string) =>
    (
      JSON.parse(readFileSync(consumerRequire.resolve(`${name}/package.json`), "utf8")) as {
        version: string;
      }
    ).version;
  return {
    dir,
    script: (name) => join(dir, "workers", `${name}.mjs`),
    versions: {
      ours: version(clientPackage.ours),
      official: version(clientPackage.official),
      officialCredentials: version(credentialsPackage.official),
    },
  };
}

function link(target: string, path: string): void {
  if (!existsSync(path)) symlinkSync(target, path, "dir");
}
