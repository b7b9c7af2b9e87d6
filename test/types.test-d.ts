import type { Client, MetadataBearer, RetryStrategyV2 } from "@smithy/types";
import { describe, expectTypeOf, it } from "vitest";
import {
  type AbortError,
  AdaptiveRetryStrategy,
  type AmbiguousRoleResolutionType,
  CognitoIdentity,
  CognitoIdentityClient,
  type CognitoIdentityServiceException,
  type CommandError,
  type ConcurrentModificationException,
  CreateIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  type DeveloperUserAlreadyRegisteredException,
  type ExternalServiceException,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  type GetIdCommandOutput,
  GetOpenIdTokenForDeveloperIdentityCommand,
  type InternalErrorException,
  type InvalidIdentityPoolConfigurationException,
  type InvalidParameterException,
  isCognitoIdentityError,
  type LimitExceededException,
  ListIdentityPoolsCommand,
  type NetworkError,
  type NotAuthorizedException,
  paginateListIdentityPools,
  type ResourceConflictException,
  type ResourceNotFoundException,
  SetIdentityPoolRolesCommand,
  StandardRetryStrategy,
  type TimeoutError,
  type TooManyRequestsException,
  UpdateIdentityPoolCommand,
} from "../src/index.js";

const client = new CognitoIdentityClient({ region: "us-east-1" });

describe("inputs", () => {
  it("require the required members", () => {
    // @ts-expect-error IdentityPoolId is required
    new GetIdCommand({});
    // @ts-expect-error MaxResults is required
    new ListIdentityPoolsCommand({});
    // @ts-expect-error AllowUnauthenticatedIdentities is required
    new CreateIdentityPoolCommand({ IdentityPoolName: "p" });
    new SetIdentityPoolRolesCommand({
      IdentityPoolId: "x:1",
      Roles: {},
      RoleMappings: {
        p: {
          Type: "Rules",
          // @ts-expect-error Claim is required in every mapping rule
          RulesConfiguration: { Rules: [{ MatchType: "Equals", Value: "v", RoleARN: "arn" }] },
        },
      },
    });
    new CreateIdentityPoolCommand({ IdentityPoolName: "p", AllowUnauthenticatedIdentities: true });
  });

  it("reject members that do not exist and values of the wrong type", () => {
    // @ts-expect-error no such member
    new GetIdCommand({ IdentityPoolId: "x:1", PoolId: "x" });
    const wrongType = { IdentityPoolId: "x:1", Logins: {}, TokenDuration: "60" };
    // @ts-expect-error TokenDuration is a number
    new GetOpenIdTokenForDeveloperIdentityCommand(wrongType);
  });

  it("type enums as their known values and still accept values added later", () => {
    expectTypeOf<AmbiguousRoleResolutionType>().toEqualTypeOf<"AuthenticatedRole" | "Deny">();
    new SetIdentityPoolRolesCommand({
      IdentityPoolId: "x:1",
      Roles: {},
      RoleMappings: { p: { Type: "Token", AmbiguousRoleResolution: "SomeFutureValue" } },
    });
  });

  it("let optional members be left out or set to undefined", () => {
    new UpdateIdentityPoolCommand({
      IdentityPoolId: "x:1",
      IdentityPoolName: "p",
      AllowUnauthenticatedIdentities: false,
      DeveloperProviderName: undefined,
    });
  });
});

describe("outputs", () => {
  it("carry the modelled members, dates as Date, and $metadata", async () => {
    const output = await client.send(new GetIdCommand({ IdentityPoolId: "x:1" }));
    expectTypeOf(output).toEqualTypeOf<GetIdCommandOutput>();
    expectTypeOf(output.IdentityId).toEqualTypeOf<string | undefined>();
    expectTypeOf(output.$metadata.requestId).toEqualTypeOf<string | undefined>();
    const creds = await client.send(new GetCredentialsForIdentityCommand({ IdentityId: "x:1" }));
    expectTypeOf(creds.Credentials?.Expiration).toEqualTypeOf<Date | undefined>();
  });

  it("make required output members non-optional", async () => {
    const pool = await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "x:1" }));
    expectTypeOf(pool.IdentityPoolId).toEqualTypeOf<string>();
    expectTypeOf(pool.AllowUnauthenticatedIdentities).toEqualTypeOf<boolean>();
  });

  it("are returned by the aggregated client's methods", async () => {
    const ci = new CognitoIdentity({ region: "us-east-1" });
    expectTypeOf(ci.getId({ IdentityPoolId: "x:1" })).resolves.toEqualTypeOf<GetIdCommandOutput>();
    // @ts-expect-error required member missing
    ci.describeIdentityPool({});
  });

  it("come page by page from the paginator", () => {
    const pages = paginateListIdentityPools({ client }, {});
    expectTypeOf(pages).toMatchTypeOf<AsyncIterable<{ IdentityPools?: unknown[] | undefined }>>();
  });
});

describe("error unions", () => {
  it("list exactly the modelled errors of each command", () => {
    expectTypeOf<CommandError<typeof GetIdCommand>>().toEqualTypeOf<
      | ExternalServiceException
      | InternalErrorException
      | InvalidParameterException
      | LimitExceededException
      | NotAuthorizedException
      | ResourceConflictException
      | ResourceNotFoundException
      | TooManyRequestsException
    >();
    expectTypeOf<CommandError<typeof DescribeIdentityPoolCommand>>().toEqualTypeOf<
      | InternalErrorException
      | InvalidParameterException
      | NotAuthorizedException
      | ResourceNotFoundException
      | TooManyRequestsException
    >();
    expectTypeOf<CommandError<typeof UpdateIdentityPoolCommand>>().toEqualTypeOf<
      | ConcurrentModificationException
      | InternalErrorException
      | InvalidParameterException
      | LimitExceededException
      | NotAuthorizedException
      | ResourceConflictException
      | ResourceNotFoundException
      | TooManyRequestsException
    >();
    expectTypeOf<CommandError<typeof GetCredentialsForIdentityCommand>>().toEqualTypeOf<
      | ExternalServiceException
      | InternalErrorException
      | InvalidIdentityPoolConfigurationException
      | InvalidParameterException
      | NotAuthorizedException
      | ResourceConflictException
      | ResourceNotFoundException
      | TooManyRequestsException
    >();
    expectTypeOf<CommandError<typeof GetOpenIdTokenForDeveloperIdentityCommand>>().toEqualTypeOf<
      | DeveloperUserAlreadyRegisteredException
      | InternalErrorException
      | InvalidParameterException
      | NotAuthorizedException
      | ResourceConflictException
      | ResourceNotFoundException
      | TooManyRequestsException
    >();
  });

  it("narrow through the type guard", () => {
    const error: unknown = new Error();
    if (isCognitoIdentityError(error, "NotAuthorizedException")) {
      expectTypeOf(error).toEqualTypeOf<NotAuthorizedException>();
      expectTypeOf(error.name).toEqualTypeOf<"NotAuthorizedException">();
      expectTypeOf(error.$fault).toEqualTypeOf<"client">();
    }
    if (isCognitoIdentityError(error, "InternalErrorException")) {
      expectTypeOf(error.$fault).toEqualTypeOf<"server">();
    }
    if (isCognitoIdentityError(error)) {
      expectTypeOf(error).toEqualTypeOf<CognitoIdentityServiceException>();
    }
    // @ts-expect-error not an error of this service
    isCognitoIdentityError(error, "NoSuchBucket");
  });
});

describe("retry options", () => {
  it("take a mode by name and any @smithy/types RetryStrategyV2", () => {
    new CognitoIdentityClient({ maxAttempts: 5, retryMode: "adaptive", requestTimeout: 1000 });
    // @ts-expect-error there is no such retry mode
    new CognitoIdentityClient({ retryMode: "fast" });
    const foreign: RetryStrategyV2 = new StandardRetryStrategy();
    new CognitoIdentityClient({ retryStrategy: foreign });
    new CognitoIdentityClient({ retryStrategy: new AdaptiveRetryStrategy({ maxAttempts: 2 }) });
    client.send(new GetIdCommand({ IdentityPoolId: "x:1" }), {
      abortSignal: new AbortController().signal,
      requestTimeout: 500,
    });
  });

  it("give the failure errors literal names", () => {
    expectTypeOf<TimeoutError["name"]>().toEqualTypeOf<"TimeoutError">();
    expectTypeOf<AbortError["name"]>().toEqualTypeOf<"AbortError">();
    expectTypeOf<NetworkError["code"]>().toEqualTypeOf<string | undefined>();
  });
});

describe("the client's contract", () => {
  it("is a @smithy/types Client, which code written for AWS SDK clients takes", () => {
    expectTypeOf<CognitoIdentityClient>().toExtend<Client<any, MetadataBearer, any>>();
    expectTypeOf<CognitoIdentity>().toExtend<Client<any, MetadataBearer, any>>();
  });

  it("types send with a callback", () => {
    const client = new CognitoIdentityClient();
    expectTypeOf(
      client.send(new GetIdCommand({ IdentityPoolId: "x:1" }), (_error, output) => {
        expectTypeOf(output).toEqualTypeOf<GetIdCommandOutput | undefined>();
      }),
    ).toEqualTypeOf<void>();
  });
});
