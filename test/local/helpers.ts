/**
 * Shared set-up of the local service tests: one service per test file, emptied before each
 * test, and the SDK pointed at it over real HTTP.
 */
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import {
  CognitoIdentity,
  type CreateIdentityPoolCommandInput,
  type CreateIdentityPoolCommandOutput,
} from "../../src/index.js";
import type { CommandError, ServiceCommand } from "../../src/runtime/command.js";
import {
  type LocalCognitoIdentity,
  type LocalCognitoIdentityOptions,
  startLocalCognitoIdentity,
} from "../../src/testing/index.js";

export const credentials = { accessKeyId: "AKIDLOCAL", secretAccessKey: "local" };
export const ACCOUNT = "123456789012";
export const GUEST_ROLE = `arn:aws:iam::${ACCOUNT}:role/Guest`;
export const USER_ROLE = `arn:aws:iam::${ACCOUNT}:role/User`;
export const ADMIN_ROLE = `arn:aws:iam::${ACCOUNT}:role/Admin`;
export const DEVELOPER = "login.example.app";
export const USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123";
/** Well-formed IDs that name nothing. */
export const NO_POOL = "us-east-1:00000000-0000-0000-0000-000000000000";
export const NO_IDENTITY = "us-east-1:11111111-1111-1111-1111-111111111111";

/** The HTTP status of each modelled error (facts §8), to check the server's answers. */
const STATUS: Record<string, number> = {
  InvalidParameterException: 400,
  LimitExceededException: 400,
  InvalidIdentityPoolConfigurationException: 400,
  DeveloperUserAlreadyRegisteredException: 400,
  NotAuthorizedException: 403,
  ResourceNotFoundException: 404,
  ResourceConflictException: 409,
  TooManyRequestsException: 429,
  InternalErrorException: 500,
};

export interface LocalTestService {
  local: LocalCognitoIdentity;
  /** Validates input like any user's client. */
  client: CognitoIdentity;
  /** Leaves all judging to the service, to reach its own validation. */
  unchecked: CognitoIdentity;
}

export function useLocalService(options: LocalCognitoIdentityOptions = {}): LocalTestService {
  const service = {} as LocalTestService;
  beforeAll(async () => {
    service.local = await startLocalCognitoIdentity(options);
    // One attempt per call: these tests look at what the service answers, not at retries.
    const config = {
      region: service.local.region,
      endpoint: service.local.endpoint,
      credentials,
      maxAttempts: 1,
    };
    service.client = new CognitoIdentity(config);
    service.unchecked = new CognitoIdentity({ ...config, validateInput: false });
  });
  beforeEach(() => service.local.reset());
  afterAll(() => service.local?.close());
  return service;
}

/**
 * Sends a command that must fail with the modelled error `name` (which the compiler checks
 * is one this operation can return), with the error's status, and a message like `message`.
 */
export async function expectError<C extends ServiceCommand<any, any, any>>(
  client: CognitoIdentity,
  command: C,
  name: CommandError<C>["name"],
  message?: RegExp,
): Promise<void> {
  const error = await client.send(command).then(
    () => expect.fail(`${command.constructor.name} succeeded; expected ${name}`),
    (e: unknown) => e as CommandError<C>,
  );
  expect(error.name).toBe(name);
  expect(error.$metadata.httpStatusCode).toBe(STATUS[name]);
  expect(error.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  if (message) expect(error.message).toMatch(message);
}

/** Creates a pool with guests allowed, a developer provider and a few public providers. */
export async function createPool(
  client: CognitoIdentity,
  overrides: Partial<CreateIdentityPoolCommandInput> = {},
): Promise<CreateIdentityPoolCommandOutput> {
  return client.createIdentityPool({
    IdentityPoolName: "test pool",
    AllowUnauthenticatedIdentities: true,
    DeveloperProviderName: DEVELOPER,
    SupportedLoginProviders: { "accounts.google.com": "google-app", "graph.facebook.com": "1234" },
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: "appclient1" }],
    ...overrides,
  });
}

/** The claims of a JWT-shaped token. */
export function claimsOf(token: string | undefined): Record<string, any> {
  const payload = token?.split(".")[1];
  if (payload === undefined) throw new Error(`not a JWT: ${token}`);
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
}

/** Collects every page of an async iterator of pages. */
export async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

/** A raw awsJson1_1 request, for what the SDK would never send. */
export function post(
  local: LocalCognitoIdentity,
  operation: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(local.endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AWSCognitoIdentityService.${operation}`,
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** An Authorization header with a well-formed SigV4 credential scope (never verified). */
export function sigv4Header(region = "us-east-1", service = "cognito-identity"): string {
  return (
    `AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20260101/${region}/${service}/aws4_request, ` +
    "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0123abcd"
  );
}
