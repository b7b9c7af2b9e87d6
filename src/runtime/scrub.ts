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
  let target = error;
  for (let depth = 0; needles.length > 0 && depth < 5; depth++) {
    if (typeof target !== "object" || target === null) return;
    const fields = target as Record<string, unknown>;
    for (const field of new Set(["message", "stack", ...Object.keys(fields)])) {
      const value = fields[field];
      if (typeof value !== "string") continue;
      const clean = scrubText(value, needles);
      try {
        if (clean !== value) fields[field] = clean;
      } catch {
        // A frozen error keeps its text; there is nothing safer to do with it.
      }
    }
    target = fields.cause;
  }
}

function scrubText(text: string, needles: readonly string[]): string {
  let out = text;
  for (const needle of needles) out = out.replaceAll(needle, SENSITIVE_MARKER);
  // Quoted bodies are cut short (with "…"), possibly inside a secret: hide such a start of one.
  return out
    .split("…")
    .map((part) => needles.reduce(hideCutSecret, part))
    .join("…");
}

/** `part` with its end replaced by the marker if the end is the start of `needle`. */
function hideCutSecret(part: string, needle: string): string {
  const head = needle.slice(0, MIN_SCRUBBED_LENGTH);
  const from = Math.max(0, part.length - needle.length + 1);
  for (let at = part.indexOf(head, from); at !== -1; at = part.indexOf(head, at + 1)) {
    if (needle.startsWith(part.slice(at))) return part.slice(0, at) + SENSITIVE_MARKER;
  }
  return part;
}
