import type { DeserializeMiddleware, HttpRequest, MetadataBearer } from "@smithy/types";
import type { OperationContext } from "./middleware.js";
import { redact, redactHeaders, SENSITIVE_MARKER } from "./redact.js";

/**
 * Shorter values are left alone: replacing every "42" in a message would garble it, and so
 * short a value gives little away (credentials and tokens are far longer).
 */
export const MIN_SCRUBBED_LENGTH = 8;

/**
 * Step `deserialize`, outermost, so once per attempt: when the attempt fails, the error's text
 * loses every secret this request sent (sensitive input members, the session token and access
 * key id of the signature). A server that echoes a token in its message would otherwise put the
 * token into the error, and from there into logs.
 */
export function scrubErrorsMiddleware(): DeserializeMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    try {
      return await next(args);
    } catch (error) {
      const secrets: string[] = [];
      redact(args.input, (context as OperationContext).operation.input, secrets);
      const request = args.request as HttpRequest | undefined;
      if (request?.headers) redactHeaders(request.headers, secrets);
      scrubError(error, secrets);
      throw error;
    }
  };
}

/**
 * Replaces every occurrence of the secrets in the error's message, stack and other string
 * fields, and in its causes, as well as a secret's start where a quote was cut short. Only exact
 * occurrences (and their JSON-escaped form) are found: a server that transforms a secret before
 * echoing it defeats this.
 */
export function scrubError(error: unknown, secrets: readonly string[]): void {
  const needles = [
    ...new Set(
      secrets
        .filter((secret) => secret.length >= MIN_SCRUBBED_LENGTH)
        .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]),
    ),
  ].sort((a, b) => b.length - a.length); // longest first: a secret containing another goes whole
  // Nothing to find, nothing to read: an error's getters are not run for nothing.
  if (needles.length === 0) return;
  let target = error as Record<string, unknown> | null;
  for (let depth = 0; depth < 5 && typeof target === "object" && target !== null; depth++) {
    for (const field of new Set(["message", "stack", ...Object.keys(target)])) {
      const value = target[field];
      if (typeof value !== "string") continue;
      const clean = needles
        .reduce((out, needle) => out.replaceAll(needle, SENSITIVE_MARKER), value)
        // Quoted bodies are cut short (with "…"), possibly inside a secret: hide such a start.
        .split("…")
        .map((part) => needles.reduce(hideCutSecret, part))
        .join("…");
      try {
        if (clean !== value) target[field] = clean;
      } catch {
        // A frozen error keeps its text; there is nothing safer to do with it.
      }
    }
    target = target.cause as Record<string, unknown> | null;
  }
}

/** `part` with its end replaced by the marker if the end is the start of `needle`. */
function hideCutSecret(part: string, needle: string): string {
  const from = Math.max(0, part.length - needle.length + 1);
  for (let at = from; at <= part.length - MIN_SCRUBBED_LENGTH; at++) {
    if (needle.startsWith(part.slice(at))) return part.slice(0, at) + SENSITIVE_MARKER;
  }
  return part;
}
