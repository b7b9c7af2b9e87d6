/**
 * `cognito-identity-client/testing`: a local, in-memory Amazon Cognito Identity service for
 * tests and demos. Node only; never imported by the main entry.
 */
import { randomUUID } from "node:crypto";
import { IdentityPoolId$ } from "../generated/schemas.js";
import { Dispatcher } from "./dispatch.js";
import { FaultQueue, type Faults } from "./faults.js";
import { handlers } from "./handlers/index.js";
import { listen } from "./server.js";
import { type Limits, ServiceState } from "./state.js";

export type { Faults } from "./faults.js";
export type { Limits } from "./state.js";

export interface LocalCognitoIdentityOptions {
  /** The TCP port; 0 picks a free one. @default 0 */
  port?: number | undefined;
  /** The address to listen on. @default "127.0.0.1" */
  host?: string | undefined;
  /**
   * The service's Region: it starts every ID and is the Region SigV4 signatures must be
   * scoped to, so give clients the same one. @default "us-east-1"
   */
  region?: string | undefined;
  /** The 12-digit account in identity pool ARNs. @default "123456789012" */
  accountId?: string | undefined;
  /** Account limits, such as `{ identityPools: 2 }` to reach LimitExceededException. */
  limits?: Partial<Limits> | undefined;
}

export interface LocalCognitoIdentity {
  /** The URL to give a client as `endpoint`, such as `http://127.0.0.1:49152`. */
  readonly endpoint: string;
  readonly region: string;
  readonly accountId: string;
  /** Failures to inject into the next requests. */
  readonly faults: Faults;
  /** Forgets every pool, identity and injected fault; earlier tokens stop working. */
  reset(): void;
  /** Stops the server and closes open connections. Safe to call more than once. */
  close(): Promise<void>;
}

const DEFAULT_LIMITS: Limits = { identityPools: 1000 };

/**
 * Starts a Cognito Identity service on localhost: all 23 operations over awsJson1_1, state
 * in memory, with the service's documented behaviour and errors. Signed operations need a
 * SigV4 `Authorization` header (any credentials do; signatures are not checked), and CORS
 * lets browser pages on other origins call it.
 */
export async function startLocalCognitoIdentity(
  options: LocalCognitoIdentityOptions = {},
): Promise<LocalCognitoIdentity> {
  const region = options.region ?? "us-east-1";
  const accountId = options.accountId ?? "123456789012";
  checkRegion(region);
  if (!/^\d{12}$/.test(accountId))
    throw new RangeError(`accountId must be 12 digits: ${accountId}`);
  const limits: Limits = { ...DEFAULT_LIMITS, ...definedOnly(options.limits) };
  const fresh = () => new ServiceState(region, accountId, limits);

  let state = fresh();
  const faults = new FaultQueue();
  const http = await listen({
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    dispatcher: new Dispatcher(handlers),
    faults,
    state: () => state,
  });
  return {
    endpoint: http.endpoint,
    region,
    accountId,
    faults,
    reset() {
      state = fresh();
      faults.clear();
    },
    close: () => http.close(),
  };
}

/** Pool and identity IDs are `REGION:UUID`; the model must accept them. */
function checkRegion(region: string): void {
  const sample = `${region}:${randomUUID()}`;
  const fits =
    IdentityPoolId$.pattern?.test(sample) && sample.length <= (IdentityPoolId$.length?.max ?? 0);
  if (!/^[a-z0-9-]+$/.test(region) || !fits) {
    throw new RangeError(
      `"${region}" cannot start identity pool IDs; use a Region such as us-east-1.`,
    );
  }
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
