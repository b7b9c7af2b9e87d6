import { DESCEND, isPlainObject, walk } from "./json-codec.js";
import type { Schema } from "./schema.js";

/**
 * What replaces a sensitive value in logs and in text the client shows. It is the text the AWS
 * SDK for JavaScript uses, so log filters and searches written for it keep working.
 */
export const SENSITIVE_MARKER = "***SensitiveInformation***";

/**
 * A copy of `value` fit for a log: every value whose schema is sensitive becomes the marker, and
 * members the model does not know are left out (nobody can say whether they are secret), as are
 * unset ones. A value of the wrong type that could hold a secret is hidden whole. The strings
 * hidden are added to `secrets`, if given: what the client must never show again.
 */
export function redact(value: unknown, schema: Schema, secrets?: string[]): unknown {
  return walk(value, schema, (item, itemSchema, fits) => {
    if (item != null && (itemSchema.sensitive || (!fits && containsSensitive(itemSchema)))) {
      if (secrets) collectStrings(item, secrets);
      return SENSITIVE_MARKER;
    }
    return fits ? DESCEND : item;
  });
}

/** Whether a value of this schema can hold a sensitive value anywhere. */
export function containsSensitive(schema: Schema): boolean {
  return (
    schema.sensitive ||
    (schema.kind === "list" && containsSensitive(schema.member)) ||
    (schema.kind === "map" && containsSensitive(schema.value)) ||
    (schema.kind === "structure" && Object.values(schema.members).some(containsSensitive))
  );
}

/** Headers that carry credentials, whatever the operation. */
const SECRET_HEADER = /^(proxy-)?authorization$|^x-amz-security-token$/i;

/**
 * A copy of HTTP headers with the values of credential headers replaced by the marker. The
 * credentials the headers carry are added to `secrets`, if given: the session token, the whole
 * Authorization header and the access key id inside it.
 */
export function redactHeaders(
  headers: Record<string, string>,
  secrets?: string[],
): Record<string, string> {
  const copy = { ...headers };
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADER.test(name)) continue;
    secrets?.push(value, ...(/Credential=([^/,\s]+)/.exec(value)?.slice(1) ?? []));
    copy[name] = SENSITIVE_MARKER;
  }
  return copy;
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value) || isPlainObject(value)) {
    for (const item of Object.values(value)) collectStrings(item, out);
  }
}
