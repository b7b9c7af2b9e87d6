import { execFileSync } from "node:child_process";
import { cpus, release, totalmem, type } from "node:os";
import { repoRoot } from "./consumer.js";

/** One line that says where the numbers come from, e.g. "AMD EPYC 7B13, 2 cores, 23.5 GiB…". */
export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const memory = (totalmem() / 2 ** 30).toFixed(1);
  return `${cpu}, ${cpus().length} cores, ${memory} GiB RAM, Node ${process.version}, ${type()} ${release()} ${process.arch}`;
}

/** The commit the bench ran on, with "+changes" when the working tree differs from it. */
export function gitRevision(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" }).trim();
    const dirty = git("status", "--porcelain", "--", "src", "codegen", "model") !== "";
    return `${git("rev-parse", "--short", "HEAD")}${dirty ? "+changes" : ""}`;
  } catch {
    return "unknown";
  }
}
