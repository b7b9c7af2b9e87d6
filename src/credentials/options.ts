import { CognitoIdentityClient, type CognitoIdentityClientConfig } from "../generated/client.js";
import { ConfigurationError } from "../runtime/errors.js";
import type { IdentityIdStore } from "./identity-cache.js";
import type { CognitoIdentitySender } from "./service.js";

/** The model's pattern for identity pool ids and identity ids: `REGION:GUID`. */
const ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;
const ID_MAX_LENGTH = 55;

/** Whether a value has the form of an identity pool id or identity id. */
export function isId(value: unknown): value is string {
  return typeof value === "string" && value.length <= ID_MAX_LENGTH && ID_PATTERN.test(value);
}

/** Checks an identity pool id or identity id. */
export function checkId(option: string, value: unknown): string {
  if (!isId(value)) {
    const shown = typeof value === "string" ? `"${value}"` : `a value of type ${typeof value}`;
    throw new ConfigurationError(
      option,
      `\`${option}\` must be of the form REGION:GUID, not ${shown}.`,
    );
  }
  return value;
}

/** The Region an identity pool id or identity id starts with. */
export function regionOf(id: string): string {
  return id.slice(0, id.indexOf(":"));
}

/** Checks an option that, when given, must be a non-empty string. */
export function checkOptionalString(option: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") {
    throw new ConfigurationError(option, `\`${option}\` must be a non-empty string when given.`);
  }
  return value;
}

export const DEFAULT_REFRESH_WINDOW_MS = 5 * 60 * 1000;

export function checkRefreshWindow(value: unknown): number {
  if (value === undefined) return DEFAULT_REFRESH_WINDOW_MS;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ConfigurationError(
      "refreshWindowMs",
      "`refreshWindowMs` must be a finite number, 0 or more.",
    );
  }
  return value;
}

export function checkStore(value: unknown): IdentityIdStore | undefined {
  if (value === undefined) return undefined;
  const store = value as Partial<IdentityIdStore> | null;
  if (
    typeof store?.get !== "function" ||
    typeof store.set !== "function" ||
    typeof store.remove !== "function"
  ) {
    throw new ConfigurationError("cache", "`cache` must have get, set and remove methods.");
  }
  return store as IdentityIdStore;
}

/**
 * The client the provider sends with: the caller's, or a new one for `region` (the Region of
 * the pool or identity, which is where its service lives) unless `clientConfig` names another.
 */
export function resolveClient(
  options: { client?: unknown; clientConfig?: CognitoIdentityClientConfig | undefined },
  region: string,
): CognitoIdentitySender {
  const { client, clientConfig } = options;
  if (client !== undefined) {
    if (clientConfig !== undefined) {
      // `clientConfig` only configures a client the provider creates.
      throw new ConfigurationError("client", "Pass `client` or `clientConfig`, not both.");
    }
    if (typeof (client as Partial<CognitoIdentitySender> | null)?.send !== "function") {
      throw new ConfigurationError("client", "`client` must be a CognitoIdentityClient.");
    }
    return client as CognitoIdentitySender;
  }
  return new CognitoIdentityClient({ ...clientConfig, region: clientConfig?.region ?? region });
}
