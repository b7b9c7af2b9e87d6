import type { HttpRequest } from "@smithy/protocol-http";
import type { DeserializeMiddleware, MetadataBearer } from "@smithy/types";
import type { OperationContext } from "./middleware.js";
import { headerSecrets, SENSITIVE_MARKER, sensitiveStrings } from "./redact.js";

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
      const { operation } = context as OperationContext;
      const secrets = sensitiveStrings(args.input, operation.input);
      const request = args.request as HttpRequest | undefined;
      if (request?.headers) headerSecrets(request.headers, secrets);
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
  const needles = needlesOf(secrets);
  if (needles.length > 0) scrubFields(error, needles, 0);
}

function scrubFields(error: unknown, needles: readonly string[], depth: number): void {
  if (typeof error !== "object" || error === null || depth > 4) return;
  const target = error as Record<string, unknown>;
  for (const field of new Set(["message", "stack", ...Object.keys(target)])) {
    const value = target[field];
    if (typeof value !== "string") continue;
    const clean = scrubText(value, needles);
    if (clean === value) continue;
    try {
      target[field] = clean;
    } catch {
      // A frozen error keeps its text; there is nothing safer to do with it.
    }
  }
  scrubFields(target.cause, needles, depth + 1);
}

function needlesOf(secrets: readonly string[]): string[] {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SCRUBBED_LENGTH) continue;
    needles.add(secret);
    needles.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first, so a secret that contains another is replaced whole.
  return [...needles].sort((a, b) => b.length - a.length);
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
