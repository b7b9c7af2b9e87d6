import { platform } from "#platform";
import { ConfigurationError } from "./errors.js";
import type { ServiceDefinition } from "./operation.js";

/** Extra user agent sections: a string, or `[name, version?]` pairs. */
export type CustomUserAgent = string | readonly (readonly [string, string?])[];

/**
 * The header that says who sent a request: the package and its version, the language and the
 * runtime, then the user's own sections. The platform names the header: `User-Agent` in Node,
 * `x-amz-user-agent` in browsers.
 */
export function userAgentHeader(
  service: ServiceDefinition,
  custom: CustomUserAgent | undefined,
): readonly [name: string, value: string] {
  const [header, runtime] = platform.userAgent();
  const parts = [
    service.clientUserAgent,
    "lang/js",
    runtime,
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
  return [header, value];
}
