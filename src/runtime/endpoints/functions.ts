/**
 * The functions of the Smithy rules engine standard library and `aws.partition`, one export
 * each, so that compiled rule sets import only what they call.
 */
export { partition as awsPartition } from "./partitions.js";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export const isSet = (v: unknown): boolean => v !== undefined && v !== null;

export const not = (v: unknown): boolean => !v;

export const booleanEquals = (a: unknown, b: unknown): boolean => a === b;

export const stringEquals = (a: unknown, b: unknown): boolean => a === b;

/** `getAttr`: dotted keys, each optionally followed by `[n]` indexes, e.g. `authSchemes[0].name`. */
export function getAttr(value: unknown, path: string): unknown {
  let current = value;
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (key !== undefined) {
      // Own properties only, so a path like `constructor` cannot reach the prototype.
      current = isObject(current) && Object.hasOwn(current, key) ? current[key] : undefined;
    } else {
      current = Array.isArray(current) ? current[Number(index)] : undefined;
    }
    if (current === undefined || current === null) return undefined;
  }
  return current;
}

export function substring(
  input: string,
  start: number,
  stop: number,
  reverse: boolean,
): string | undefined {
  // The spec gives no result for non-ASCII input or a range the input cannot cover.
  if (start >= stop || input.length < stop || /[\u0080-\uffff]/.test(input)) return undefined;
  return reverse
    ? input.slice(input.length - stop, input.length - start)
    : input.slice(start, stop);
}

/** encodeURIComponent leaves !'()* alone; RFC 3986 wants them encoded too. */
export const uriEncode = (s: string): string =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

const hostLabel = /^[a-zA-Z\d][a-zA-Z\d-]{0,62}$/;
const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export const isValidHostLabel = (value: string, allowSubDomains: boolean): boolean =>
  (allowSubDomains ? value.split(".") : [value]).every((label) => hostLabel.test(label));

export function parseURL(value: string) {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const scheme = url.protocol.slice(0, -1);
  // A query makes the URL unusable as an endpoint base; only http(s) are endpoints.
  if (value.includes("?") || (scheme !== "http" && scheme !== "https")) return undefined;
  // Keep a port the input spelled out, even a default one, which URL would drop.
  const authority = value
    .slice(value.indexOf("//") + 2)
    .split("/")[0]!
    .replace(/^.*@/, "");
  const path = url.pathname;
  const host = url.hostname;
  return {
    scheme,
    authority,
    path,
    normalizedPath: path.endsWith("/") ? path : `${path}/`,
    isIp: host.startsWith("[") || ipv4.test(host),
  };
}

/** A condition holds unless its function gave no value or `false`. */
export const ok = (v: unknown): boolean => v !== undefined && v !== null && v !== false;
