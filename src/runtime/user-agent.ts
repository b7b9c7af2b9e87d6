import { ConfigurationError } from "./errors.js";
import type { ServiceDefinition } from "./operation.js";

/** Extra user agent sections: a string, or `[name, version?]` pairs. */
export type CustomUserAgent = string | readonly (readonly [string, string?])[];

interface Runtime {
  readonly name: string;
  readonly version?: string;
}

/**
 * The header that says who sent a request: the package and its version, the language and the
 * runtime, then the user's own sections. Node gets `User-Agent`; browsers get
 * `x-amz-user-agent`, since scripts cannot replace a browser's User-Agent.
 */
export function userAgentHeader(
  service: ServiceDefinition,
  custom: CustomUserAgent | undefined,
): readonly [name: string, value: string] {
  const runtime = detectRuntime();
  const parts = [
    service.clientUserAgent,
    "lang/js",
    runtime.version ? `md/${runtime.name}#${runtime.version}` : `md/${runtime.name}`,
    `api/${service.sdkId.toLowerCase().replace(/\s+/g, "-")}#${service.version}`,
  ];
  if (typeof custom === "string") parts.push(custom);
  else
    for (const [name, version] of custom ?? []) parts.push(version ? `${name}/${version}` : name);
  const value = parts.join(" ");
  if (/[\r\n]/.test(value)) {
    throw new ConfigurationError(
      "customUserAgent",
      "customUserAgent must not contain line breaks.",
    );
  }
  return [runtime.name === "browser" ? "x-amz-user-agent" : "user-agent", value];
}

function detectRuntime(): Runtime {
  const g = globalThis as {
    process?: { versions?: { node?: string; bun?: string } };
    Deno?: { version?: { deno?: string } };
  };
  if (g.Deno?.version?.deno) return { name: "deno", version: g.Deno.version.deno };
  if (g.process?.versions?.bun) return { name: "bun", version: g.process.versions.bun };
  if (g.process?.versions?.node) return { name: "nodejs", version: g.process.versions.node };
  return { name: "browser" };
}
