/**
 * Error responses (facts §3.1 and §8): every modelled error in every wire form of its name
 * becomes its exported class, and anything else becomes CognitoIdentityServiceException.
 */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  CognitoIdentityClient,
  type CognitoIdentityErrors,
  CognitoIdentityServiceException,
  ConcurrentModificationException,
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  DeveloperUserAlreadyRegisteredException,
  ExternalServiceException,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  InternalErrorException,
  InvalidIdentityPoolConfigurationException,
  InvalidParameterException,
  isCognitoIdentityError,
  LimitExceededException,
  ListIdentityPoolsCommand,
  ListTagsForResourceCommand,
  MergeDeveloperIdentitiesCommand,
  NotAuthorizedException,
  ResourceConflictException,
  ResourceNotFoundException,
  SetIdentityPoolRolesCommand,
  TooManyRequestsException,
} from "../src/index.js";

const ENDPOINT = "https://cognito-identity.us-east-1.amazonaws.com/";
const JSON_11 = "application/x-amz-json-1.1";
// One attempt: these tests are about reading errors; test/faults covers retrying them.
const client = new CognitoIdentityClient({
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
  maxAttempts: 1,
});

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Answers the next requests with this error response. */
function fail(status: number, body: string, headers: Record<string, string> = {}) {
  server.use(
    http.post(
      ENDPOINT,
      () => new HttpResponse(body, { status, headers: { "content-type": JSON_11, ...headers } }),
    ),
  );
}

/** Sends `command` and returns what it rejected with (failing the test if it resolved). */
async function rejectionOf(command: object): Promise<any> {
  try {
    await client.send(command as any);
  } catch (error) {
    return error;
  }
  throw new Error("the call succeeded, but an error was expected");
}

const POOL_ID = "us-east-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789";
const IDENTITY_ID = "us-east-1:11111111-2222-3333-4444-555555555555";

type ErrorName = keyof CognitoIdentityErrors;

interface ErrorCase {
  name: ErrorName;
  ErrorClass: abstract new (...args: any[]) => CognitoIdentityServiceException;
  fault: "client" | "server";
  status: number;
  /** A command of an operation whose modelled errors include this one (facts §5.1). */
  command: () => object;
}

// facts §8: name, fault, status.
const errors: ErrorCase[] = [
  {
    name: "ConcurrentModificationException",
    ErrorClass: ConcurrentModificationException,
    fault: "client",
    status: 400,
    command: () =>
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: POOL_ID,
        Roles: { authenticated: "arn:aws:iam::123456789012:role/auth" },
      }),
  },
  {
    name: "DeveloperUserAlreadyRegisteredException",
    ErrorClass: DeveloperUserAlreadyRegisteredException,
    fault: "client",
    status: 400,
    command: () =>
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: POOL_ID,
        Logins: { "login.mycompany.myapp": "user-1" },
      }),
  },
  {
    name: "ExternalServiceException",
    ErrorClass: ExternalServiceException,
    fault: "client",
    status: 400,
    command: () => new GetIdCommand({ IdentityPoolId: POOL_ID }),
  },
  {
    name: "InternalErrorException",
    ErrorClass: InternalErrorException,
    fault: "server",
    status: 500,
    command: () => new DescribeIdentityPoolCommand({ IdentityPoolId: POOL_ID }),
  },
  {
    name: "InvalidIdentityPoolConfigurationException",
    ErrorClass: InvalidIdentityPoolConfigurationException,
    fault: "client",
    status: 400,
    command: () => new GetCredentialsForIdentityCommand({ IdentityId: IDENTITY_ID }),
  },
  {
    name: "InvalidParameterException",
    ErrorClass: InvalidParameterException,
    fault: "client",
    status: 400,
    command: () => new ListIdentityPoolsCommand({ MaxResults: 10 }),
  },
  {
    name: "LimitExceededException",
    ErrorClass: LimitExceededException,
    fault: "client",
    status: 400,
    command: () =>
      new CreateIdentityPoolCommand({
        IdentityPoolName: "pool",
        AllowUnauthenticatedIdentities: false,
      }),
  },
  {
    name: "NotAuthorizedException",
    ErrorClass: NotAuthorizedException,
    fault: "client",
    status: 403,
    command: () => new GetOpenIdTokenCommand({ IdentityId: IDENTITY_ID }),
  },
  {
    name: "ResourceConflictException",
    ErrorClass: ResourceConflictException,
    fault: "client",
    status: 409,
    command: () =>
      new MergeDeveloperIdentitiesCommand({
        SourceUserIdentifier: "a",
        DestinationUserIdentifier: "b",
        DeveloperProviderName: "login.mycompany.myapp",
        IdentityPoolId: POOL_ID,
      }),
  },
  {
    name: "ResourceNotFoundException",
    ErrorClass: ResourceNotFoundException,
    fault: "client",
    status: 404,
    command: () => new DescribeIdentityCommand({ IdentityId: IDENTITY_ID }),
  },
  {
    name: "TooManyRequestsException",
    ErrorClass: TooManyRequestsException,
    fault: "client",
    status: 429,
    command: () => new DeleteIdentitiesCommand({ IdentityIdsToDelete: [IDENTITY_ID] }),
  },
];

const SUFFIX = ":http://internal.amazon.com/coral/com.amazon.coral.validate/";
const NAMESPACE = "com.amazonaws.cognitoidentity#";

interface WireForm {
  form: string;
  /** The response for an error called `name`, whose message is `message`. */
  build(name: string, message: string): { body: object; headers?: Record<string, string> };
}

// facts §3.1: every place and spelling of the error name.
const wireForms: WireForm[] = [
  { form: "__type bare", build: (name, message) => ({ body: { __type: name, message } }) },
  {
    form: "__type with namespace",
    build: (name, message) => ({ body: { __type: `${NAMESPACE}${name}`, message } }),
  },
  {
    form: "__type with coral suffix",
    build: (name, message) => ({ body: { __type: `${name}${SUFFIX}`, message } }),
  },
  {
    form: "__type with namespace and suffix",
    build: (name, message) => ({ body: { __type: `${NAMESPACE}${name}${SUFFIX}`, message } }),
  },
  { form: "body code", build: (name, message) => ({ body: { code: name, message } }) },
  {
    form: "X-Amzn-ErrorType header",
    build: (name, message) => ({ body: { message }, headers: { "X-Amzn-ErrorType": name } }),
  },
  {
    form: "X-Amzn-ErrorType header list",
    build: (name, message) => ({
      body: { message },
      headers: { "X-Amzn-ErrorType": `${name},OtherException` },
    }),
  },
  {
    form: "__type bare, capitalised Message",
    build: (name, message) => ({ body: { __type: name, Message: message } }),
  },
];

const cases = errors.flatMap((error) => wireForms.map((wire) => ({ ...error, ...wire })));

/** Checks everything a modelled error must carry. */
function expectModeledError(thrown: any, error: ErrorCase, message: string, requestId: string) {
  expect(thrown).toBeInstanceOf(Error);
  expect(thrown).toBeInstanceOf(CognitoIdentityServiceException);
  expect(thrown).toBeInstanceOf(error.ErrorClass);
  // instanceof of ServiceException subclasses also accepts a look-alike by name: check the class.
  expect(Object.getPrototypeOf(thrown)).toBe(error.ErrorClass.prototype);
  expect(isCognitoIdentityError(thrown)).toBe(true);
  expect(isCognitoIdentityError(thrown, error.name)).toBe(true);
  const otherName =
    error.name === "NotAuthorizedException"
      ? "ResourceNotFoundException"
      : "NotAuthorizedException";
  expect(isCognitoIdentityError(thrown, otherName)).toBe(false);
  expect(thrown.name).toBe(error.name);
  expect(thrown.$fault).toBe(error.fault);
  expect(thrown.$service).toBe("Cognito Identity");
  expect(thrown.message).toBe(message);
  expect(thrown.$metadata).toStrictEqual({
    httpStatusCode: error.status,
    requestId,
    attempts: 1,
    totalRetryDelay: 0,
  });
}

describe("modelled errors", () => {
  it("covers the 11 error shapes of facts §8", () => {
    expect(errors.map((error) => error.name)).toHaveLength(11);
    expect(new Set(errors.map((error) => error.name)).size).toBe(11);
    for (const error of errors) expect(error.ErrorClass.name).toBe(error.name);
  });

  it.each(cases)("$name from $form", async (error) => {
    const message = `${error.name} raised (${error.form})`;
    const requestId = `req-${error.name}`;
    const { body, headers = {} } = error.build(error.name, message);
    fail(error.status, JSON.stringify(body), { "x-amzn-requestid": requestId, ...headers });

    const thrown = await rejectionOf(error.command());

    expectModeledError(thrown, error, message, requestId);
  });

  it.each(errors)("$name is mapped for an operation that does not list it", async (error) => {
    // ListTagsForResource lists 5 errors; the mapping does not depend on the operation.
    fail(error.status, JSON.stringify({ __type: error.name, message: "any operation" }), {
      "x-amzn-requestid": "req-any",
    });

    const thrown = await rejectionOf(
      new ListTagsForResourceCommand({
        ResourceArn: "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:1",
      }),
    );

    expectModeledError(thrown, error, "any operation", "req-any");
  });
});

describe("members of an error body", () => {
  it("are not copied when the model does not give them to the error", async () => {
    fail(
      403,
      JSON.stringify({
        __type: "NotAuthorizedException",
        message: "denied",
        Reason: "not in the model",
        name: "SomethingElse",
        $fault: "server",
      }),
    );

    const thrown = await rejectionOf(new GetIdCommand({ IdentityPoolId: POOL_ID }));

    expect(thrown).toBeInstanceOf(NotAuthorizedException);
    expect(thrown.name).toBe("NotAuthorizedException");
    expect(thrown.$fault).toBe("client");
    expect(thrown.message).toBe("denied");
    expect(Object.keys(thrown).sort()).toEqual(["$fault", "$metadata", "name"]);
  });
});

describe("where the name is read first (facts §3.1: __type, then code, then header)", () => {
  const precedence: [string, object, Record<string, string>][] = [
    [
      "__type wins over code and the header",
      { __type: "ResourceNotFoundException", code: "NotAuthorizedException" },
      { "X-Amzn-ErrorType": "TooManyRequestsException" },
    ],
    [
      "code wins over the header",
      { code: "ResourceNotFoundException" },
      { "X-Amzn-ErrorType": "NotAuthorizedException" },
    ],
    ["the code key is matched ignoring case", { Code: "ResourceNotFoundException" }, {}],
  ];

  it.each(precedence)("%s", async (_label, body, headers) => {
    fail(404, JSON.stringify({ ...body, message: "gone" }), headers);
    const thrown = await rejectionOf(new DescribeIdentityCommand({ IdentityId: IDENTITY_ID }));
    expect(thrown).toBeInstanceOf(ResourceNotFoundException);
    expect(thrown.name).toBe("ResourceNotFoundException");
    expect(thrown.message).toBe("gone");
  });
});

describe("errors the model does not list", () => {
  it.each([
    [400, "client"],
    [503, "server"],
  ])(
    "an unknown name with status %i becomes CognitoIdentityServiceException (%s fault)",
    async (status, fault) => {
      fail(status, JSON.stringify({ __type: "SomethingNewException", message: "new in 2030" }), {
        "x-amzn-requestid": "req-unknown",
      });

      const thrown = await rejectionOf(new GetIdCommand({ IdentityPoolId: POOL_ID }));

      expect(thrown).toBeInstanceOf(CognitoIdentityServiceException);
      expect(Object.getPrototypeOf(thrown)).toBe(CognitoIdentityServiceException.prototype);
      for (const { ErrorClass } of errors) expect(thrown).not.toBeInstanceOf(ErrorClass);
      expect(thrown.name).toBe("SomethingNewException");
      expect(thrown.$fault).toBe(fault);
      expect(thrown.$service).toBe("Cognito Identity");
      expect(thrown.message).toBe("new in 2030");
      expect(thrown.$metadata).toStrictEqual({
        httpStatusCode: status,
        requestId: "req-unknown",
        attempts: 1,
        totalRetryDelay: 0,
      });
      expect(isCognitoIdentityError(thrown)).toBe(true);
      expect(isCognitoIdentityError(thrown, "NotAuthorizedException")).toBe(false);
    },
  );

  it.each(["constructor", "toString", "__proto__"])(
    "an error named %s, like a member of every object, is not a modelled one",
    async (name) => {
      fail(400, JSON.stringify({ __type: name, message: "odd" }));
      const thrown = await rejectionOf(new GetIdCommand({ IdentityPoolId: POOL_ID }));
      expect(Object.getPrototypeOf(thrown)).toBe(CognitoIdentityServiceException.prototype);
      expect(thrown).toMatchObject({ name, $fault: "client", message: "odd" });
    },
  );

  it("an HTML 502 from a proxy becomes a server-fault CognitoIdentityServiceException", async () => {
    const html = `<html><head><title>502 Bad Gateway</title></head><body>
      <center><h1>502 Bad Gateway</h1></center>${"<!-- padding -->".repeat(200)}</body></html>`;
    fail(502, html, { "content-type": "text/html" });

    const thrown = await rejectionOf(new DescribeIdentityCommand({ IdentityId: IDENTITY_ID }));

    expect(thrown).toBeInstanceOf(CognitoIdentityServiceException);
    for (const { ErrorClass } of errors) expect(thrown).not.toBeInstanceOf(ErrorClass);
    expect(thrown.$fault).toBe("server");
    expect(thrown.$metadata).toMatchObject({
      httpStatusCode: 502,
      attempts: 1,
      totalRetryDelay: 0,
    });
    expect(isCognitoIdentityError(thrown)).toBe(true);
    expect(thrown.message).toContain("502");
    expect(thrown.message).toContain("502 Bad Gateway</title>");
    // A snippet, not the whole page.
    expect(html.length).toBeGreaterThan(3000);
    expect(thrown.message.length).toBeLessThan(400);
  });
});

describe("isCognitoIdentityError", () => {
  const notOurs: [string, unknown][] = [
    ["a plain Error", new Error("boom")],
    [
      "an Error named like a modelled error",
      Object.assign(new Error("no"), { name: "NotAuthorizedException", $fault: "client" }),
    ],
    ["null", null],
    ["undefined", undefined],
    ["a string", "NotAuthorizedException"],
    ["a number", 403],
    [
      "another service's error without $service",
      {
        name: "NotAuthorizedException",
        $fault: "client",
        $metadata: { httpStatusCode: 403 },
        message: "from another client",
      },
    ],
    [
      "another service's error with its own $service",
      { name: "NotAuthorizedException", $fault: "client", $service: "Cognito Identity Provider" },
    ],
  ];

  it.each(notOurs)("is false for %s", (_label, value) => {
    expect(isCognitoIdentityError(value)).toBe(false);
    expect(isCognitoIdentityError(value, "NotAuthorizedException")).toBe(false);
  });

  it("narrows to the named error class", async () => {
    fail(403, JSON.stringify({ __type: "NotAuthorizedException", message: "denied" }));
    const thrown: unknown = await rejectionOf(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    if (!isCognitoIdentityError(thrown, "NotAuthorizedException")) {
      throw new Error("expected NotAuthorizedException");
    }
    const fault: "client" = thrown.$fault;
    expect(fault).toBe("client");
  });
});
