import { ConfigurationError } from "../runtime/errors.js";
import { CredentialsProviderError } from "./errors.js";

/**
 * The token of one login provider: the token itself, or a function returning a current one
 * (called again on every refresh, so it can hand out a renewed token).
 */
export type LoginToken = string | (() => string | PromiseLike<string>);

/**
 * Logins by provider name, such as `accounts.google.com` or
 * `cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE`.
 */
export type Logins = Readonly<Record<string, LoginToken>>;

/**
 * Checks the `logins` option and returns a copy (later changes to the caller's object must not
 * change which identity the provider caches), or undefined for a guest.
 */
export function checkLogins(logins: unknown): Logins | undefined {
  if (logins === undefined) return undefined;
  if (typeof logins !== "object" || logins === null || Array.isArray(logins)) {
    throw new ConfigurationError(
      "logins",
      "`logins` must be an object of tokens by login provider.",
    );
  }
  const entries = Object.entries(logins);
  for (const [name, token] of entries) {
    if (name === "") {
      throw new ConfigurationError("logins", "`logins` has an empty login provider name.");
    }
    const valid = typeof token === "function" || (typeof token === "string" && token !== "");
    if (!valid) {
      throw new ConfigurationError(
        "logins",
        `In \`logins\`, the token of "${name}" must be a non-empty string or a function returning one.`,
      );
    }
  }
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** Turns every token function into the token it returns now. */
export async function resolveLogins(
  logins: Logins | undefined,
): Promise<Record<string, string> | undefined> {
  if (logins === undefined) return undefined;
  const entries = await Promise.all(
    Object.entries(logins).map(async ([name, token]) => {
      const value: unknown = typeof token === "function" ? await token() : token;
      if (typeof value !== "string" || value === "") {
        // Describe the value by its type only: it may be a token in the wrong shape.
        throw new CredentialsProviderError(
          "InvalidLoginToken",
          `The token function of "${name}" returned ${describeType(value)}, not a non-empty string.`,
        );
      }
      return [name, value] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function describeType(value: unknown): string {
  if (value === "") return "an empty string";
  return value === null ? "null" : `a value of type ${typeof value}`;
}
