import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/**
 * The environment of every measured process: ours minus NODE_OPTIONS (a loader or flag from
 * the parent would skew the timings) and minus AWS_* (so neither client picks up a region,
 * endpoint or profile from the shell and both run on the same, explicit configuration).
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name !== "NODE_OPTIONS" && !name.startsWith("AWS_")) env[name] = value;
  }
  return env;
}

/**
 * Runs a compiled worker in a fresh `node` process and returns the JSON it printed as its last
 * line of output. A worker that fails (a wrong parse, a failed check) fails the run.
 */
export async function runWorker<T>(
  cwd: string,
  script: string,
  args: readonly (string | number)[],
  nodeFlags: readonly string[] = [],
): Promise<T> {
  const argv = [...nodeFlags, script, ...args.map(String)];
  try {
    const { stdout } = await execFileAsync(process.execPath, argv, {
      cwd,
      env: childEnv(),
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const last = stdout.trim().split("\n").at(-1) ?? "";
    return JSON.parse(last) as T;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`node ${argv.join(" ")} failed:\n${stderr}`, { cause: error });
  }
}

/** Wall time, in ms, of a whole `node` process from spawn to exit. */
export function timeNode(cwd: string, args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, env: childEnv(), encoding: "utf8" });
  const elapsed = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited with ${result.status}:\n${result.stderr}`);
  }
  return elapsed;
}
