/**
 * Every operation of Cognito Identity over the awsJson1_1 wire (facts §3, §4, §5): the exact
 * request each command sends, whether it is signed, and how each response body is parsed.
 */
import type { Handler } from "@smithy/types";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  CognitoIdentity,
  CognitoIdentityClient,
  CognitoIdentityServiceException,
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  GetPrincipalTagAttributeMapCommand,
  ListIdentitiesCommand,
  ListIdentityPoolsCommand,
  ListTagsForResourceCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  SetIdentityPoolRolesCommand,
  SetPrincipalTagAttributeMapCommand,
  TagResourceCommand,
  UnlinkDeveloperIdentityCommand,
  UnlinkIdentityCommand,
  UntagResourceCommand,
  UpdateIdentityPoolCommand,
} from "../src/index.js";

const ENDPOINT = "https://cognito-identity.us-east-1.amazonaws.com/";
const JSON_11 = "application/x-amz-json-1.1";
const SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
const config = {
  region: "us-east-1",
  credentials: {
    accessKeyId: "AKIDEXAMPLE",
    secretAccessKey: "secret",
    sessionToken: SESSION_TOKEN,
  },
};

// ---------------------------------------------------------------------------------------------
// A fake service: captures the request it receives and answers with a canned response.

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface CapturedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

interface CannedResponse {
  body: string;
  contentType?: string;
  requestId: string;
}

/** Answers every request to the endpoint with `response`; returns the requests it saw. */
function serve(response: CannedResponse): CapturedRequest[] {
  const seen: CapturedRequest[] = [];
  server.use(
    http.all(ENDPOINT, async ({ request }) => {
      seen.push({
        url: request.url,
        method: request.method,
        headers: Object.fromEntries(request.headers),
        body: await request.text(),
      });
      return new HttpResponse(response.body, {
        status: 200,
        headers: {
          "content-type": response.contentType ?? JSON_11,
          "x-amzn-requestid": response.requestId,
        },
      });
    }),
  );
  return seen;
}

/** Today's date as SigV4 writes it in the credential scope (UTC, yyyymmdd). */
const scopeDate = () => new Date().toISOString().slice(0, 10).replaceAll("-", "");

// ---------------------------------------------------------------------------------------------
// The table: one row per operation.

type AnyCommand = new (input: any) => object;
type InputOf<C extends AnyCommand> = ConstructorParameters<C>[0];
type OutputOf<C extends AnyCommand> =
  InstanceType<C> extends { resolveMiddleware(...args: any[]): Handler<any, infer O> }
    ? Omit<O, "$metadata">
    : never;

interface OperationCase {
  operation: string;
  Command: AnyCommand;
  auth: "sigv4" | "none";
  input: object;
  /** The request body, as JSON. */
  wire: Record<string, unknown>;
  /** The response body: an object is sent as JSON, a string as it is. */
  response: Record<string, unknown> | string;
  contentType?: string;
  output: object;
}

/** Declares one row, checking `input` and `output` against the command's own types. */
function op<C extends AnyCommand>(
  operation: string,
  Command: C,
  row: {
    auth: "sigv4" | "none";
    input: InputOf<C>;
    wire: Record<string, unknown>;
    response: Record<string, unknown> | string;
    contentType?: string;
    output: OutputOf<C>;
  },
): OperationCase {
  return { operation, Command, ...row };
}

const POOL_ID = "us-east-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789";
const IDENTITY_ID = "us-east-1:11111111-2222-3333-4444-555555555555";
const OTHER_IDENTITY_ID = "us-east-1:66666666-7777-8888-9999-aaaaaaaaaaaa";
const POOL_ARN = `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${POOL_ID}`;
const USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI";
const AUTH_ROLE = "arn:aws:iam::123456789012:role/Cognito_Auth_Role";
const UNAUTH_ROLE = "arn:aws:iam::123456789012:role/Cognito_Unauth_Role";
const ADMIN_ROLE = "arn:aws:iam::123456789012:role/Admins";

/** An identity pool with every member set; as pure JSON it is also its own wire form. */
const FULL_POOL = {
  IdentityPoolId: POOL_ID,
  IdentityPoolName: "My Pool",
  AllowUnauthenticatedIdentities: false,
  AllowClassicFlow: true,
  SupportedLoginProviders: {
    "graph.facebook.com": "7346241598935555",
    "accounts.google.com": "123456789012.apps.googleusercontent.com",
  },
  DeveloperProviderName: "login.mycompany.myapp",
  OpenIdConnectProviderARNs: ["arn:aws:iam::123456789012:oidc-provider/login.example.com"],
  CognitoIdentityProviders: [
    { ProviderName: USER_POOL, ClientId: "6jk8exampleclientid", ServerSideTokenCheck: true },
    { ProviderName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_Other", ClientId: "other" },
  ],
  SamlProviderARNs: ["arn:aws:iam::123456789012:saml-provider/Corp"],
  IdentityPoolTags: { team: "identity", empty: "" },
};
const { IdentityPoolId: _poolId, ...CREATE_POOL_INPUT } = FULL_POOL;

const ROLE_MAPPINGS = {
  "graph.facebook.com": { Type: "Token", AmbiguousRoleResolution: "Deny" },
  [`${USER_POOL}:6jk8exampleclientid`]: {
    Type: "Rules",
    AmbiguousRoleResolution: "AuthenticatedRole",
    RulesConfiguration: {
      Rules: [
        { Claim: "isAdmin", MatchType: "Equals", Value: "true", RoleARN: ADMIN_ROLE },
        { Claim: "cognito:groups", MatchType: "Contains", Value: "ops", RoleARN: ADMIN_ROLE },
        { Claim: "email", MatchType: "StartsWith", Value: "root@", RoleARN: ADMIN_ROLE },
        { Claim: "dept", MatchType: "NotEqual", Value: "guest", RoleARN: AUTH_ROLE },
      ],
    },
  },
};

const operations: OperationCase[] = [
  op("CreateIdentityPool", CreateIdentityPoolCommand, {
    auth: "sigv4",
    input: CREATE_POOL_INPUT,
    // AllowUnauthenticatedIdentities is false and must still be sent.
    wire: CREATE_POOL_INPUT,
    response: { ...FULL_POOL, CreationDate: 1700000000, SomeFutureMember: { nested: true } },
    output: FULL_POOL,
  }),
  op("DeleteIdentities", DeleteIdentitiesCommand, {
    auth: "sigv4",
    input: { IdentityIdsToDelete: [IDENTITY_ID, OTHER_IDENTITY_ID] },
    wire: { IdentityIdsToDelete: [IDENTITY_ID, OTHER_IDENTITY_ID] },
    response: {
      UnprocessedIdentityIds: [
        { IdentityId: IDENTITY_ID, ErrorCode: "AccessDenied" },
        { IdentityId: OTHER_IDENTITY_ID, ErrorCode: "InternalServerError" },
        { IdentityId: "us-east-1:00000000-0000-0000-0000-000000000000", ErrorCode: "FutureCode" },
      ],
    },
    output: {
      UnprocessedIdentityIds: [
        { IdentityId: IDENTITY_ID, ErrorCode: "AccessDenied" },
        { IdentityId: OTHER_IDENTITY_ID, ErrorCode: "InternalServerError" },
        // An enum value this client does not know is kept as it is.
        { IdentityId: "us-east-1:00000000-0000-0000-0000-000000000000", ErrorCode: "FutureCode" },
      ],
    },
  }),
  op("DeleteIdentityPool", DeleteIdentityPoolCommand, {
    auth: "sigv4",
    input: { IdentityPoolId: POOL_ID },
    wire: { IdentityPoolId: POOL_ID },
    response: "",
    output: {},
  }),
  op("DescribeIdentity", DescribeIdentityCommand, {
    auth: "sigv4",
    input: { IdentityId: IDENTITY_ID },
    wire: { IdentityId: IDENTITY_ID },
    response: {
      IdentityId: IDENTITY_ID,
      Logins: ["graph.facebook.com", USER_POOL],
      CreationDate: 1700000000,
      LastModifiedDate: 1700000000.123,
    },
    output: {
      IdentityId: IDENTITY_ID,
      Logins: ["graph.facebook.com", USER_POOL],
      CreationDate: new Date(1700000000000),
      LastModifiedDate: new Date(1700000000123),
    },
  }),
  op("DescribeIdentityPool", DescribeIdentityPoolCommand, {
    auth: "sigv4",
    input: { IdentityPoolId: POOL_ID },
    wire: { IdentityPoolId: POOL_ID },
    // JSON null members are treated as absent; empty lists and maps are kept.
    response: {
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "Guests",
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: null,
      SupportedLoginProviders: { "www.amazon.com": "amzn1.application.0123456789" },
      DeveloperProviderName: null,
      OpenIdConnectProviderARNs: [],
      CognitoIdentityProviders: null,
      SamlProviderARNs: null,
      IdentityPoolTags: {},
    },
    output: {
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "Guests",
      AllowUnauthenticatedIdentities: true,
      SupportedLoginProviders: { "www.amazon.com": "amzn1.application.0123456789" },
      OpenIdConnectProviderARNs: [],
      IdentityPoolTags: {},
    },
  }),
  op("GetCredentialsForIdentity", GetCredentialsForIdentityCommand, {
    auth: "none",
    input: {
      IdentityId: IDENTITY_ID,
      Logins: { [USER_POOL]: "eyJraWQiOiJ.id-token" },
      CustomRoleArn: ADMIN_ROLE,
    },
    wire: {
      IdentityId: IDENTITY_ID,
      Logins: { [USER_POOL]: "eyJraWQiOiJ.id-token" },
      CustomRoleArn: ADMIN_ROLE,
    },
    response: {
      IdentityId: IDENTITY_ID,
      Credentials: {
        AccessKeyId: "ASIAEXAMPLEKEY",
        SecretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        SessionToken: "IQoJb3JpZ2luX2VjEXAMPLE",
        Expiration: 1700003600.5,
      },
    },
    output: {
      IdentityId: IDENTITY_ID,
      Credentials: {
        AccessKeyId: "ASIAEXAMPLEKEY",
        SecretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        SessionToken: "IQoJb3JpZ2luX2VjEXAMPLE",
        Expiration: new Date(1700003600500),
      },
    },
  }),
  op("GetId", GetIdCommand, {
    auth: "none",
    input: {
      AccountId: "123456789012",
      IdentityPoolId: POOL_ID,
      Logins: { "graph.facebook.com": "fb-access-token" },
    },
    wire: {
      AccountId: "123456789012",
      IdentityPoolId: POOL_ID,
      Logins: { "graph.facebook.com": "fb-access-token" },
    },
    response: { IdentityId: IDENTITY_ID },
    output: { IdentityId: IDENTITY_ID },
  }),
  op("GetIdentityPoolRoles", GetIdentityPoolRolesCommand, {
    auth: "sigv4",
    input: { IdentityPoolId: POOL_ID },
    wire: { IdentityPoolId: POOL_ID },
    response: {
      IdentityPoolId: POOL_ID,
      Roles: { authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE },
      RoleMappings: {
        ...ROLE_MAPPINGS,
        "accounts.google.com": {
          Type: "FutureMappingType",
          AmbiguousRoleResolution: "FutureResolution",
          RulesConfiguration: {
            Rules: [{ Claim: "hd", MatchType: "Regex", Value: "^x", RoleARN: AUTH_ROLE, Extra: 1 }],
          },
        },
      },
    },
    output: {
      IdentityPoolId: POOL_ID,
      Roles: { authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE },
      RoleMappings: {
        ...ROLE_MAPPINGS,
        "accounts.google.com": {
          Type: "FutureMappingType",
          AmbiguousRoleResolution: "FutureResolution",
          RulesConfiguration: {
            Rules: [{ Claim: "hd", MatchType: "Regex", Value: "^x", RoleARN: AUTH_ROLE }],
          },
        },
      },
    },
  }),
  op("GetOpenIdToken", GetOpenIdTokenCommand, {
    auth: "none",
    input: { IdentityId: IDENTITY_ID, Logins: { "accounts.google.com": "google-id-token" } },
    wire: { IdentityId: IDENTITY_ID, Logins: { "accounts.google.com": "google-id-token" } },
    response: { IdentityId: IDENTITY_ID, Token: "eyJhbGciOiJSUzUxMiJ9.open-id-token" },
    output: { IdentityId: IDENTITY_ID, Token: "eyJhbGciOiJSUzUxMiJ9.open-id-token" },
  }),
  op("GetOpenIdTokenForDeveloperIdentity", GetOpenIdTokenForDeveloperIdentityCommand, {
    auth: "sigv4",
    input: {
      IdentityPoolId: POOL_ID,
      IdentityId: IDENTITY_ID,
      Logins: { "login.mycompany.myapp": "user-123" },
      PrincipalTags: { department: "engineering", costCenter: "42" },
      TokenDuration: 3600,
    },
    wire: {
      IdentityPoolId: POOL_ID,
      IdentityId: IDENTITY_ID,
      Logins: { "login.mycompany.myapp": "user-123" },
      PrincipalTags: { department: "engineering", costCenter: "42" },
      TokenDuration: 3600,
    },
    response: { IdentityId: IDENTITY_ID, Token: "eyJhbGciOiJSUzUxMiJ9.developer-token" },
    output: { IdentityId: IDENTITY_ID, Token: "eyJhbGciOiJSUzUxMiJ9.developer-token" },
  }),
  op("GetPrincipalTagAttributeMap", GetPrincipalTagAttributeMapCommand, {
    auth: "sigv4",
    input: { IdentityPoolId: POOL_ID, IdentityProviderName: USER_POOL },
    wire: { IdentityPoolId: POOL_ID, IdentityProviderName: USER_POOL },
    response: {
      IdentityPoolId: POOL_ID,
      IdentityProviderName: USER_POOL,
      UseDefaults: false,
      PrincipalTags: { username: "sub", client: "aud" },
    },
    output: {
      IdentityPoolId: POOL_ID,
      IdentityProviderName: USER_POOL,
      UseDefaults: false,
      PrincipalTags: { username: "sub", client: "aud" },
    },
  }),
  op("ListIdentities", ListIdentitiesCommand, {
    auth: "sigv4",
    input: { IdentityPoolId: POOL_ID, MaxResults: 3, NextToken: "page-2", HideDisabled: true },
    wire: { IdentityPoolId: POOL_ID, MaxResults: 3, NextToken: "page-2", HideDisabled: true },
    // Raw JSON, for a timestamp written with an exponent.
    response: `{"IdentityPoolId":"${POOL_ID}","Identities":[
      {"IdentityId":"${IDENTITY_ID}","Logins":["graph.facebook.com","${USER_POOL}"],
       "CreationDate":1.4195736E9,"LastModifiedDate":1700000000.123},
      {"IdentityId":"${OTHER_IDENTITY_ID}","Logins":[],
       "CreationDate":1700000000,"LastModifiedDate":1700000000.5},
      {"IdentityId":"us-east-1:00000000-0000-0000-0000-000000000000","Logins":null}
    ],"NextToken":"page-3"}`,
    output: {
      IdentityPoolId: POOL_ID,
      Identities: [
        {
          IdentityId: IDENTITY_ID,
          Logins: ["graph.facebook.com", USER_POOL],
          CreationDate: new Date(1419573600000),
          LastModifiedDate: new Date(1700000000123),
        },
        {
          IdentityId: OTHER_IDENTITY_ID,
          Logins: [],
          CreationDate: new Date(1700000000000),
          LastModifiedDate: new Date(1700000000500),
        },
        { IdentityId: "us-east-1:00000000-0000-0000-0000-000000000000" },
      ],
      NextToken: "page-3",
    },
  }),
  op("ListIdentityPools", ListIdentityPoolsCommand, {
    auth: "sigv4",
    input: { MaxResults: 10, NextToken: "pools-2" },
    wire: { MaxResults: 10, NextToken: "pools-2" },
    response: {
      IdentityPools: [
        { IdentityPoolId: POOL_ID, IdentityPoolName: "My Pool" },
        { IdentityPoolId: "us-east-1:ffffffff-0000-1111-2222-333333333333", IdentityPoolName: "B" },
      ],
      NextToken: "pools-3",
    },
    output: {
      IdentityPools: [
        { IdentityPoolId: POOL_ID, IdentityPoolName: "My Pool" },
        { IdentityPoolId: "us-east-1:ffffffff-0000-1111-2222-333333333333", IdentityPoolName: "B" },
      ],
      NextToken: "pools-3",
    },
  }),
  op("ListTagsForResource", ListTagsForResourceCommand, {
    auth: "sigv4",
    input: { ResourceArn: POOL_ARN },
    wire: { ResourceArn: POOL_ARN },
    response: { Tags: { team: "identity", "aws:cloudformation:stack-name": "prod", empty: "" } },
    output: { Tags: { team: "identity", "aws:cloudformation:stack-name": "prod", empty: "" } },
  }),
  op("LookupDeveloperIdentity", LookupDeveloperIdentityCommand, {
    auth: "sigv4",
    input: {
      IdentityPoolId: POOL_ID,
      IdentityId: IDENTITY_ID,
      DeveloperUserIdentifier: "user-123",
      MaxResults: 60,
      NextToken: "dev-2",
    },
    wire: {
      IdentityPoolId: POOL_ID,
      IdentityId: IDENTITY_ID,
      DeveloperUserIdentifier: "user-123",
      MaxResults: 60,
      NextToken: "dev-2",
    },
    response: {
      IdentityId: IDENTITY_ID,
      DeveloperUserIdentifierList: ["user-123", "user-456"],
      NextToken: "dev-3",
    },
    output: {
      IdentityId: IDENTITY_ID,
      DeveloperUserIdentifierList: ["user-123", "user-456"],
      NextToken: "dev-3",
    },
  }),
  op("MergeDeveloperIdentities", MergeDeveloperIdentitiesCommand, {
    auth: "sigv4",
    input: {
      SourceUserIdentifier: "user-456",
      DestinationUserIdentifier: "user-123",
      DeveloperProviderName: "login.mycompany.myapp",
      IdentityPoolId: POOL_ID,
    },
    wire: {
      SourceUserIdentifier: "user-456",
      DestinationUserIdentifier: "user-123",
      DeveloperProviderName: "login.mycompany.myapp",
      IdentityPoolId: POOL_ID,
    },
    response: { IdentityId: IDENTITY_ID },
    output: { IdentityId: IDENTITY_ID },
  }),
  op("SetIdentityPoolRoles", SetIdentityPoolRolesCommand, {
    auth: "sigv4",
    input: {
      IdentityPoolId: POOL_ID,
      Roles: { authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE },
      RoleMappings: ROLE_MAPPINGS,
    },
    wire: {
      IdentityPoolId: POOL_ID,
      Roles: { authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE },
      RoleMappings: ROLE_MAPPINGS,
    },
    response: "{}",
    output: {},
  }),
  op("SetPrincipalTagAttributeMap", SetPrincipalTagAttributeMapCommand, {
    auth: "sigv4",
    input: {
      IdentityPoolId: POOL_ID,
      IdentityProviderName: USER_POOL,
      UseDefaults: false,
      PrincipalTags: { username: "sub", groups: "cognito:groups" },
    },
    wire: {
      IdentityPoolId: POOL_ID,
      IdentityProviderName: USER_POOL,
      UseDefaults: false,
      PrincipalTags: { username: "sub", groups: "cognito:groups" },
    },
    response: {
      IdentityPoolId: POOL_ID,
      IdentityProviderName: USER_POOL,
      UseDefaults: false,
      PrincipalTags: { username: "sub", groups: "cognito:groups" },
    },
    output: {
      IdentityPoolId: POOL_ID,
      IdentityProviderName: USER_POOL,
      UseDefaults: false,
      PrincipalTags: { username: "sub", groups: "cognito:groups" },
    },
  }),
  op("TagResource", TagResourceCommand, {
    auth: "sigv4",
    input: { ResourceArn: POOL_ARN, Tags: { team: "identity", stage: "" } },
    wire: { ResourceArn: POOL_ARN, Tags: { team: "identity", stage: "" } },
    response: "",
    output: {},
  }),
  op("UnlinkDeveloperIdentity", UnlinkDeveloperIdentityCommand, {
    auth: "sigv4",
    input: {
      IdentityId: IDENTITY_ID,
      IdentityPoolId: POOL_ID,
      DeveloperProviderName: "login.mycompany.myapp",
      DeveloperUserIdentifier: "user-123",
    },
    wire: {
      IdentityId: IDENTITY_ID,
      IdentityPoolId: POOL_ID,
      DeveloperProviderName: "login.mycompany.myapp",
      DeveloperUserIdentifier: "user-123",
    },
    response: "{}",
    output: {},
  }),
  op("UnlinkIdentity", UnlinkIdentityCommand, {
    auth: "none",
    input: {
      IdentityId: IDENTITY_ID,
      Logins: { "graph.facebook.com": "fb-access-token" },
      LoginsToRemove: ["graph.facebook.com"],
    },
    wire: {
      IdentityId: IDENTITY_ID,
      Logins: { "graph.facebook.com": "fb-access-token" },
      LoginsToRemove: ["graph.facebook.com"],
    },
    response: "",
    output: {},
  }),
  op("UntagResource", UntagResourceCommand, {
    auth: "sigv4",
    input: { ResourceArn: POOL_ARN, TagKeys: ["team", "stage"] },
    wire: { ResourceArn: POOL_ARN, TagKeys: ["team", "stage"] },
    response: "{}",
    output: {},
  }),
  op("UpdateIdentityPool", UpdateIdentityPoolCommand, {
    auth: "sigv4",
    input: FULL_POOL,
    wire: FULL_POOL,
    // A JSON body with the wrong content type is still parsed.
    response: FULL_POOL,
    contentType: "text/html",
    output: FULL_POOL,
  }),
];

const bodyOf = (response: OperationCase["response"]) =>
  typeof response === "string" ? response : JSON.stringify(response);

const requestIdOf = (operation: string) => `req-${operation}-0001`;

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

// ---------------------------------------------------------------------------------------------

describe("the operation table", () => {
  it("covers the 23 operations of facts §5, 4 of them unsigned (§4)", () => {
    expect(operations).toHaveLength(23);
    expect(new Set(operations.map((row) => row.operation)).size).toBe(23);
    for (const row of operations) expect(row.Command.name).toBe(`${row.operation}Command`);
    expect(
      operations
        .filter((row) => row.auth === "none")
        .map((row) => row.operation)
        .sort(),
    ).toEqual(["GetCredentialsForIdentity", "GetId", "GetOpenIdToken", "UnlinkIdentity"]);
  });
});

describe.each(operations)("$operation", (row) => {
  it("sends the exact awsJson1_1 request and parses the response", async () => {
    const requestId = requestIdOf(row.operation);
    const seen = serve({
      body: bodyOf(row.response),
      requestId,
      ...(row.contentType ? { contentType: row.contentType } : {}),
    });
    const client = new CognitoIdentityClient(config);
    const dateBefore = scopeDate();

    const output = await client.send(new row.Command(row.input) as any);

    const dateAfter = scopeDate();
    expect(seen).toHaveLength(1);
    const request = seen[0]!;
    expect(request.url).toBe(ENDPOINT);
    expect(request.method).toBe("POST");
    expect(request.headers["content-type"]).toBe(JSON_11);
    expect(request.headers["x-amz-target"]).toBe(`AWSCognitoIdentityService.${row.operation}`);
    expect(JSON.parse(request.body)).toStrictEqual(row.wire);

    if (row.auth === "sigv4") {
      const amzDate = request.headers["x-amz-date"] ?? "";
      expect(amzDate).toMatch(/^\d{8}T\d{6}Z$/);
      expect([dateBefore, dateAfter]).toContain(amzDate.slice(0, 8));
      const scope = `AKIDEXAMPLE/${amzDate.slice(0, 8)}/us-east-1/cognito-identity/aws4_request`;
      expect(request.headers.authorization).toMatch(
        new RegExp(
          `^AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=\\S+, Signature=[0-9a-f]{64}$`,
        ),
      );
      const signedHeaders = /SignedHeaders=([^,]+)/.exec(request.headers.authorization ?? "")?.[1];
      expect(signedHeaders?.split(";")).toEqual(
        expect.arrayContaining(["content-type", "host", "x-amz-date", "x-amz-target"]),
      );
      expect(request.headers["x-amz-security-token"]).toBe(SESSION_TOKEN);
    } else {
      expect(request.headers).not.toHaveProperty("authorization");
      expect(request.headers).not.toHaveProperty("x-amz-date");
      expect(request.headers).not.toHaveProperty("x-amz-security-token");
    }

    expect(output).toStrictEqual({
      ...row.output,
      $metadata: expect.objectContaining({ httpStatusCode: 200, requestId }),
    });
  });
});

describe("empty responses", () => {
  const emptyOutputOperations = operations.filter((row) =>
    [
      "DeleteIdentityPool",
      "SetIdentityPoolRoles",
      "UnlinkDeveloperIdentity",
      "UnlinkIdentity",
      "TagResource",
      "UntagResource",
    ].includes(row.operation),
  );
  const cases = emptyOutputOperations.flatMap((row) =>
    ["", "{}", "  \n"].map((body) => ({ ...row, body })),
  );

  it.each(cases)("$operation accepts the body $body", async ({ Command, input, body }) => {
    serve({ body, requestId: "req-empty" });
    const client = new CognitoIdentityClient(config);
    const output = await client.send(new Command(input) as any);
    expect(output).toStrictEqual({
      $metadata: { httpStatusCode: 200, requestId: "req-empty", attempts: 1, totalRetryDelay: 0 },
    });
  });
});

describe("request bodies", () => {
  it("omits unset (undefined) members and members the model does not have", async () => {
    const seen = serve({ body: "{}", requestId: "req-omit" });
    const client = new CognitoIdentityClient(config);
    const input = {
      IdentityPoolId: POOL_ID,
      MaxResults: 5,
      NextToken: undefined,
      HideDisabled: undefined,
      NotInTheModel: "dropped",
    };
    await client.send(new ListIdentitiesCommand(input));
    expect(JSON.parse(seen[0]!.body)).toStrictEqual({ IdentityPoolId: POOL_ID, MaxResults: 5 });
  });

  it("sends {} when no member is set (with validation off)", async () => {
    const seen = serve({ body: "{}", requestId: "req-empty-input" });
    const client = new CognitoIdentityClient({ ...config, validateInput: false });
    await client.send(new ListIdentityPoolsCommand({} as { MaxResults: number }));
    expect(seen[0]!.body).toBe("{}");
    expect(seen[0]!.headers["x-amz-target"]).toBe("AWSCognitoIdentityService.ListIdentityPools");
  });

  it("rejects a 200 that has none of the members the output requires", async () => {
    serve({ body: "{}", requestId: "req-empty-pool" });
    const client = new CognitoIdentityClient({ ...config, validateInput: false, maxAttempts: 1 });
    const error = await client
      .send(new DescribeIdentityPoolCommand({} as { IdentityPoolId: string }))
      .catch((e) => e);
    expect(error).toBeInstanceOf(CognitoIdentityServiceException);
    expect(error).toMatchObject({
      name: "InvalidResponseError",
      $fault: "server",
      $metadata: { httpStatusCode: 200, requestId: "req-empty-pool", attempts: 1 },
    });
    expect(error.message).toContain(
      "IdentityPoolId, IdentityPoolName, AllowUnauthenticatedIdentities",
    );
  });

  it("accepts a 200 that has some of the members the output requires", async () => {
    const seen = serve({ body: '{"IdentityPoolId":"us-east-1:1"}', requestId: "req-part" });
    const client = new CognitoIdentityClient({ ...config, validateInput: false });
    const output = await client.send(
      new DescribeIdentityPoolCommand({} as { IdentityPoolId: string }),
    );
    expect(output.IdentityPoolId).toBe("us-east-1:1");
    expect(seen[0]!.body).toBe("{}");
    expect(seen[0]!.headers["x-amz-target"]).toBe("AWSCognitoIdentityService.DescribeIdentityPool");
  });

  it("sends a map key __proto__ as an ordinary key", async () => {
    const seen = serve({ body: "{}", requestId: "req-proto-in" });
    const client = new CognitoIdentityClient(config);
    const tags = JSON.parse('{"__proto__":"p","constructor":"c","team":"t"}');
    await client.send(new TagResourceCommand({ ResourceArn: POOL_ARN, Tags: tags }));
    const wire = JSON.parse(seen[0]!.body);
    expect(Object.keys(wire.Tags)).toEqual(["__proto__", "constructor", "team"]);
    expect(Object.getOwnPropertyDescriptor(wire.Tags, "__proto__")?.value).toBe("p");
  });
});

describe("unsigned operations", () => {
  const unsigned = operations.filter((row) => row.auth === "none");

  it.each(unsigned)("$operation never asks for credentials", async (row) => {
    const seen = serve({ body: bodyOf(row.response), requestId: "req-anon" });
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      credentials: async () => {
        throw new Error("credentials must not be resolved for an unsigned operation");
      },
    });
    const output = await client.send(new row.Command(row.input) as any);
    expect(output).toMatchObject(row.output);
    expect(seen[0]!.headers).not.toHaveProperty("authorization");
  });
});

describe("CognitoIdentity (aggregated client)", () => {
  it("has exactly one camelCase method per operation", () => {
    const methods = Object.getOwnPropertyNames(CognitoIdentity.prototype)
      .filter((name) => name !== "constructor")
      .sort();
    expect(methods).toEqual(operations.map((row) => lowerFirst(row.operation)).sort());
  });

  it.each(operations)("$operation is sent by its method", async (row) => {
    const method = lowerFirst(row.operation);
    const requestId = requestIdOf(row.operation);
    const seen = serve({ body: bodyOf(row.response), requestId });
    const client = new CognitoIdentity(config) as unknown as Record<
      string,
      (input: object) => Promise<unknown>
    >;
    expect(typeof client[method]).toBe("function");

    const output = await client[method]!(row.input);

    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers["x-amz-target"]).toBe(`AWSCognitoIdentityService.${row.operation}`);
    expect(JSON.parse(seen[0]!.body)).toStrictEqual(row.wire);
    expect(output).toStrictEqual({
      ...row.output,
      $metadata: expect.objectContaining({ httpStatusCode: 200, requestId }),
    });
  });
});

describe("map keys from the service", () => {
  it("keeps __proto__ and constructor as own data and pollutes no prototype", async () => {
    serve({
      requestId: "req-proto",
      body: `{
        "__proto__": {"polluted": "top-level"},
        "Tags": {"__proto__": "tag-proto", "constructor": "tag-ctor", "team": "identity"}
      }`,
    });
    const client = new CognitoIdentityClient(config);
    const output = await client.send(new ListTagsForResourceCommand({ ResourceArn: POOL_ARN }));

    const tags = output.Tags!;
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(Object.keys(tags)).toEqual(["__proto__", "constructor", "team"]);
    expect(Object.getOwnPropertyDescriptor(tags, "__proto__")?.value).toBe("tag-proto");
    expect(tags.constructor).toBe("tag-ctor");
    expect(tags.team).toBe("identity");
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.keys(output).sort()).toEqual(["$metadata", "Tags"]);
    expect(({} as any).polluted).toBeUndefined();
  });

  it("keeps a __proto__ key of a map of structures as own data", async () => {
    serve({
      requestId: "req-proto-roles",
      body: JSON.stringify({ IdentityPoolId: POOL_ID }).replace(
        /}$/,
        ',"RoleMappings":{"__proto__":{"Type":"Token","polluted":"yes"}}}',
      ),
    });
    const client = new CognitoIdentityClient(config);
    const output = await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: POOL_ID }));

    const mappings = output.RoleMappings!;
    expect(Object.getPrototypeOf(mappings)).toBe(Object.prototype);
    expect(Object.keys(mappings)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(mappings, "__proto__")?.value).toStrictEqual({
      Type: "Token",
    });
    expect(({} as any).polluted).toBeUndefined();
    expect((Object.prototype as any).Type).toBeUndefined();
  });
});
