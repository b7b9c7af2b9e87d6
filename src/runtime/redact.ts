import { setOwn } from "./json-codec.js";
import type { Schema } from "./schema.js";

/**
 * What replaces a sensitive value in logs and in text the client shows. It is the text the AWS
 * SDK for JavaScript uses, so log filters and searches written for it keep working.
 */
export const SENSITIVE_MARKER = "***SensitiveInformation***";

/**
 * A copy of `value` fit for a log: every value whose schema is sensitive becomes the marker, and
 * members the model does not know are left out (nobody can say whether they are secret).
 */
export function redact(value: unknown, schema: Schema): unknown {
  if (value == null) return value;
  if (schema.sensitive) return SENSITIVE_MARKER;
  switch (schema.kind) {
    case "list":
      if (Array.isArray(value)) return value.map((item) => redact(item, schema.member));
      break;
    case "map":
      if (isObject(value)) {
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(value)) setOwn(out, key, redact(value[key], schema.value));
        return out;
      }
      break;
    case "structure":
      if (isObject(value)) {
        const out: Record<string, unknown> = {};
        for (const name of Object.keys(schema.members)) {
          if (value[name] !== undefined) out[name] = redact(value[name], schema.members[name]!);
        }
        return out;
      }
      break;
    default:
      return value;
  }
  // A value of the wrong type cannot be walked; hide it if a secret could be inside.
  return containsSensitive(schema) ? SENSITIVE_MARKER : value;
}

/**
 * The strings at sensitive places of `value`: what the client must never show again. Values of
 * the wrong type are skipped, as the wire never carries them either.
 */
export function sensitiveStrings(value: unknown, schema: Schema, out: string[] = []): string[] {
  if (value == null || !containsSensitive(schema)) return out;
  if (schema.sensitive) {
    collectStrings(value, out);
    return out;
  }
  switch (schema.kind) {
    case "list":
      if (Array.isArray(value))
        for (const item of value) sensitiveStrings(item, schema.member, out);
      break;
    case "map":
      if (isObject(value)) {
        for (const key of Object.keys(value)) sensitiveStrings(value[key], schema.value, out);
      }
      break;
    case "structure":
      if (isObject(value)) {
        for (const name of Object.keys(schema.members)) {
          sensitiveStrings(value[name], schema.members[name]!, out);
        }
      }
      break;
  }
  return out;
}

const containsCache = new WeakMap<Schema, boolean>();

/** Whether a value of this schema can hold a sensitive value anywhere; computed once per schema. */
export function containsSensitive(schema: Schema): boolean {
  let known = containsCache.get(schema);
  if (known === undefined) {
    known =
      schema.sensitive === true ||
      (schema.kind === "list" && containsSensitive(schema.member)) ||
      (schema.kind === "map" && containsSensitive(schema.value)) ||
      (schema.kind === "structure" && Object.values(schema.members).some(containsSensitive));
    containsCache.set(schema, known);
  }
  return known;
}

/** Headers that carry credentials, whatever the operation. */
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "x-amz-security-token"]);

/** A copy of HTTP headers with the values of credential headers replaced by the marker. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    setOwn(out, name, SECRET_HEADERS.has(name.toLowerCase()) ? SENSITIVE_MARKER : value);
  }
  return out;
}

/**
 * The credentials a signed request carries, as the server received them: the session token,
 * the whole Authorization header and the access key id inside it.
 */
export function headerSecrets(headers: Record<string, string>, out: string[] = []): string[] {
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADERS.has(name.toLowerCase())) continue;
    out.push(value);
    const accessKeyId = /Credential=([^/,\s]+)/.exec(value)?.[1];
    if (accessKeyId) out.push(accessKeyId);
  }
  return out;
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
  else if (isObject(value)) for (const key of Object.keys(value)) collectStrings(value[key], out);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}
