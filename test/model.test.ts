// Checks model/cognito-identity.json against an independent restatement of the service facts
// (operations, shapes, constraints, errors, auth, pagination, endpoint rules). The tables below
// are the expected values; they are kept here, not read from elsewhere, so CI can run this alone.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const NS = "com.amazonaws.cognitoidentity";
const SERVICE_ID = `${NS}#AWSCognitoIdentityService`;
const UNIT = "smithy.api#Unit";

type Traits = Record<string, unknown>;
interface Ref {
  target: string;
  traits?: Traits;
}
interface Shape {
  type: string;
  version?: string;
  operations?: Ref[];
  input?: Ref;
  output?: Ref;
  errors?: Ref[];
  members?: Record<string, Ref>;
  member?: Ref;
  key?: Ref;
  value?: Ref;
  traits?: Traits;
}
interface Model {
  smithy: string;
  shapes: Record<string, Shape>;
}

interface Operation {
  input: string;
  output: string;
  auth: "sigv4" | "none";
  /** Error shape names, alphabetical, space separated. */
  errors: string;
}
/** [member name, target shape, required, member-level default (absent = none)] */
type Member = [name: string, target: string, required: boolean, defaultValue?: boolean | null];
interface Structure {
  kind: "input" | "output" | "error" | null;
  members: Member[];
}
interface Simple {
  type: string;
  length?: [number, number];
  range?: [number, number];
  pattern?: string;
  sensitive?: true;
  default?: boolean;
}

const model: Model = JSON.parse(
  readFileSync(new URL("../model/cognito-identity.json", import.meta.url), "utf8"),
);
const shapes = model.shapes;
const abs = (name: string): string => (name.includes("#") ? name : `${NS}#${name}`);
const shape = (name: string): Shape => {
  const s = shapes[abs(name)];
  if (!s) throw new Error(`missing shape ${name}`);
  return s;
};
const traitsOf = (name: string): Traits => shape(name).traits ?? {};

// ---------------------------------------------------------------------------------------------
// Expected facts
// ---------------------------------------------------------------------------------------------

// Shape counts by type (facts §2).
const COUNTS: Record<string, number> = {
  service: 1,
  operation: 23,
  structure: 57,
  string: 25,
  list: 11,
  map: 6,
  boolean: 5,
  enum: 4,
  timestamp: 1,
  integer: 1,
  long: 1,
};

// Operations: input, output, auth and errors in model order (facts §4, §5, §5.1).
const OPERATIONS: Record<string, Operation> = {
  CreateIdentityPool: {
    input: "CreateIdentityPoolInput",
    output: "IdentityPool",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException LimitExceededException NotAuthorizedException ResourceConflictException TooManyRequestsException",
  },
  DeleteIdentities: {
    input: "DeleteIdentitiesInput",
    output: "DeleteIdentitiesResponse",
    auth: "sigv4",
    errors: "InternalErrorException InvalidParameterException TooManyRequestsException",
  },
  DeleteIdentityPool: {
    input: "DeleteIdentityPoolInput",
    output: "smithy.api#Unit",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceNotFoundException TooManyRequestsException",
  },
  DescribeIdentity: {
    input: "DescribeIdentityInput",
    output: "IdentityDescription",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceNotFoundException TooManyRequestsException",
  },
  DescribeIdentityPool: {
    input: "DescribeIdentityPoolInput",
    output: "IdentityPool",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceNotFoundException TooManyRequestsException",
  },
  GetCredentialsForIdentity: {
    input: "GetCredentialsForIdentityInput",
    output: "GetCredentialsForIdentityResponse",
    auth: "none",
    errors:
      "ExternalServiceException InternalErrorException InvalidIdentityPoolConfigurationException InvalidParameterException NotAuthorizedException ResourceConflictException ResourceNotFoundException TooManyRequestsException",
  },
  GetId: {
    input: "GetIdInput",
    output: "GetIdResponse",
    auth: "none",
    errors:
      "ExternalServiceException InternalErrorException InvalidParameterException LimitExceededException NotAuthorizedException ResourceConflictException ResourceNotFoundException TooManyRequestsException",
  },
  GetIdentityPoolRoles: {
    input: "GetIdentityPoolRolesInput",
    output: "GetIdentityPoolRolesResponse",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceConflictException ResourceNotFoundException TooManyRequestsException",
  },
  GetOpenIdToken: {
    input: "GetOpenIdTokenInput",
    output: "GetOpenIdTokenResponse",
    auth: "none",
    errors:
      "ExternalServiceException InternalErrorException InvalidParameterException NotAuthorizedException ResourceConflictException ResourceNotFoundException TooManyRequestsException",
  },
  GetOpenIdTokenForDeveloperIdentity: {
    input: "GetOpenIdTokenForDeveloperIdentityInput",
    output: "GetOpenIdTokenForDeveloperIdentityResponse",
    auth: "sigv4",
    errors:
      "DeveloperUserAlreadyRegisteredException InternalErrorException InvalidParameterException NotAuthorizedException ResourceConflictException ResourceNotFoundException TooManyRequestsException",
  },
  GetPrincipalTagAttributeMap: {
    input: "GetPrincipalTagAttributeMapInput",
    output: "GetPrincipalTagAttributeMapResponse",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceNotFoundException TooManyRequestsException",
  },
  ListIdentities: {
    input: "ListIdentitiesInput",
    output: "ListIdentitiesResponse",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceNotFoundException TooManyRequestsException",
  },
  ListIdentityPools: {
    input: "ListIdentityPoolsInput",
    output: "ListIdentityPoolsResponse",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceNotFoundException TooManyRequestsException",
  },
  ListTagsForResource: {
    input: "ListTagsForResourceInput",
    output: "ListTagsForResourceResponse",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceNotFoundException TooManyRequestsException",
  },
  LookupDeveloperIdentity: {
    input: "LookupDeveloperIdentityInput",
    output: "LookupDeveloperIdentityResponse",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceConflictException ResourceNotFoundException TooManyRequestsException",
  },
  MergeDeveloperIdentities: {
    input: "MergeDeveloperIdentitiesInput",
    output: "MergeDeveloperIdentitiesResponse",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceConflictException ResourceNotFoundException TooManyRequestsException",
  },
  SetIdentityPoolRoles: {
    input: "SetIdentityPoolRolesInput",
    output: "smithy.api#Unit",
    auth: "sigv4",
    errors:
      "ConcurrentModificationException InternalErrorException InvalidParameterException NotAuthorizedException ResourceConflictException ResourceNotFoundException TooManyRequestsException",
  },
  SetPrincipalTagAttributeMap: {
    input: "SetPrincipalTagAttributeMapInput",
    output: "SetPrincipalTagAttributeMapResponse",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceNotFoundException TooManyRequestsException",
  },
  TagResource: {
    input: "TagResourceInput",
    output: "TagResourceResponse",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceNotFoundException TooManyRequestsException",
  },
  UnlinkDeveloperIdentity: {
    input: "UnlinkDeveloperIdentityInput",
    output: "smithy.api#Unit",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceConflictException ResourceNotFoundException TooManyRequestsException",
  },
  UnlinkIdentity: {
    input: "UnlinkIdentityInput",
    output: "smithy.api#Unit",
    auth: "none",
    errors:
      "ExternalServiceException InternalErrorException InvalidParameterException NotAuthorizedException ResourceConflictException ResourceNotFoundException TooManyRequestsException",
  },
  UntagResource: {
    input: "UntagResourceInput",
    output: "UntagResourceResponse",
    auth: "sigv4",
    errors:
      "InternalErrorException InvalidParameterException NotAuthorizedException ResourceNotFoundException TooManyRequestsException",
  },
  UpdateIdentityPool: {
    input: "IdentityPool",
    output: "IdentityPool",
    auth: "sigv4",
    errors:
      "ConcurrentModificationException InternalErrorException InvalidParameterException LimitExceededException NotAuthorizedException ResourceConflictException ResourceNotFoundException TooManyRequestsException",
  },
};

// facts §9 (ListIdentityPools) plus the two operations this model adds on purpose.
const PAGINATED: Record<string, Record<string, string>> = {
  ListIdentityPools: {
    inputToken: "NextToken",
    outputToken: "NextToken",
    pageSize: "MaxResults",
    items: "IdentityPools",
  },
  ListIdentities: {
    inputToken: "NextToken",
    outputToken: "NextToken",
    pageSize: "MaxResults",
    items: "Identities",
  },
  LookupDeveloperIdentity: {
    inputToken: "NextToken",
    outputToken: "NextToken",
    pageSize: "MaxResults",
    items: "DeveloperUserIdentifierList",
  },
};

// Retry safety. Not in the service's own model (facts §2 and §9: it has no @readonly and no
// @idempotent): this is our addition, so clients can tell which operations are safe to resend
// after a failure that may have reached the service. `null` = neither trait (not idempotent).
const RETRY_SAFETY: Record<string, "readonly" | "idempotent" | null> = {
  CreateIdentityPool: null,
  DeleteIdentities: "idempotent",
  DeleteIdentityPool: "idempotent",
  DescribeIdentity: "readonly",
  DescribeIdentityPool: "readonly",
  GetCredentialsForIdentity: "idempotent",
  GetId: null,
  GetIdentityPoolRoles: "readonly",
  GetOpenIdToken: "idempotent",
  GetOpenIdTokenForDeveloperIdentity: null,
  GetPrincipalTagAttributeMap: "readonly",
  ListIdentities: "readonly",
  ListIdentityPools: "readonly",
  ListTagsForResource: "readonly",
  LookupDeveloperIdentity: "readonly",
  MergeDeveloperIdentities: "idempotent",
  SetIdentityPoolRoles: "idempotent",
  SetPrincipalTagAttributeMap: "idempotent",
  TagResource: "idempotent",
  UnlinkDeveloperIdentity: "idempotent",
  UnlinkIdentity: "idempotent",
  UntagResource: "idempotent",
  UpdateIdentityPool: "idempotent",
};

// Every structure with its members in model order (facts §6; errors repeated in §8).
const STRUCTURES: Record<string, Structure> = {
  CognitoIdentityProvider: {
    kind: null,
    members: [
      ["ProviderName", "CognitoIdentityProviderName", false],
      ["ClientId", "CognitoIdentityProviderClientId", false],
      ["ServerSideTokenCheck", "CognitoIdentityProviderTokenCheck", false, null],
    ],
  },
  ConcurrentModificationException: {
    kind: "error",
    members: [["message", "String", false]],
  },
  CreateIdentityPoolInput: {
    kind: "input",
    members: [
      ["IdentityPoolName", "IdentityPoolName", true],
      ["AllowUnauthenticatedIdentities", "IdentityPoolUnauthenticated", true, false],
      ["AllowClassicFlow", "ClassicFlow", false],
      ["SupportedLoginProviders", "IdentityProviders", false],
      ["DeveloperProviderName", "DeveloperProviderName", false],
      ["OpenIdConnectProviderARNs", "OIDCProviderList", false],
      ["CognitoIdentityProviders", "CognitoIdentityProviderList", false],
      ["SamlProviderARNs", "SAMLProviderList", false],
      ["IdentityPoolTags", "IdentityPoolTagsType", false],
    ],
  },
  Credentials: {
    kind: null,
    members: [
      ["AccessKeyId", "AccessKeyString", false],
      ["SecretKey", "SecretKeyString", false],
      ["SessionToken", "SessionTokenString", false],
      ["Expiration", "DateType", false],
    ],
  },
  DeleteIdentitiesInput: {
    kind: "input",
    members: [["IdentityIdsToDelete", "IdentityIdList", true]],
  },
  DeleteIdentitiesResponse: {
    kind: "output",
    members: [["UnprocessedIdentityIds", "UnprocessedIdentityIdList", false]],
  },
  DeleteIdentityPoolInput: {
    kind: "input",
    members: [["IdentityPoolId", "IdentityPoolId", true]],
  },
  DescribeIdentityInput: {
    kind: "input",
    members: [["IdentityId", "IdentityId", true]],
  },
  DescribeIdentityPoolInput: {
    kind: "input",
    members: [["IdentityPoolId", "IdentityPoolId", true]],
  },
  DeveloperUserAlreadyRegisteredException: {
    kind: "error",
    members: [["message", "String", false]],
  },
  ExternalServiceException: {
    kind: "error",
    members: [["message", "String", false]],
  },
  GetCredentialsForIdentityInput: {
    kind: "input",
    members: [
      ["IdentityId", "IdentityId", true],
      ["Logins", "LoginsMap", false],
      ["CustomRoleArn", "ARNString", false],
    ],
  },
  GetCredentialsForIdentityResponse: {
    kind: "output",
    members: [
      ["IdentityId", "IdentityId", false],
      ["Credentials", "Credentials", false],
    ],
  },
  GetIdInput: {
    kind: "input",
    members: [
      ["AccountId", "AccountId", false],
      ["IdentityPoolId", "IdentityPoolId", true],
      ["Logins", "LoginsMap", false],
    ],
  },
  GetIdResponse: {
    kind: "output",
    members: [["IdentityId", "IdentityId", false]],
  },
  GetIdentityPoolRolesInput: {
    kind: "input",
    members: [["IdentityPoolId", "IdentityPoolId", true]],
  },
  GetIdentityPoolRolesResponse: {
    kind: "output",
    members: [
      ["IdentityPoolId", "IdentityPoolId", false],
      ["Roles", "RolesMap", false],
      ["RoleMappings", "RoleMappingMap", false],
    ],
  },
  GetOpenIdTokenForDeveloperIdentityInput: {
    kind: "input",
    members: [
      ["IdentityPoolId", "IdentityPoolId", true],
      ["IdentityId", "IdentityId", false],
      ["Logins", "LoginsMap", true],
      ["PrincipalTags", "PrincipalTags", false],
      ["TokenDuration", "TokenDuration", false],
    ],
  },
  GetOpenIdTokenForDeveloperIdentityResponse: {
    kind: "output",
    members: [
      ["IdentityId", "IdentityId", false],
      ["Token", "OIDCToken", false],
    ],
  },
  GetOpenIdTokenInput: {
    kind: "input",
    members: [
      ["IdentityId", "IdentityId", true],
      ["Logins", "LoginsMap", false],
    ],
  },
  GetOpenIdTokenResponse: {
    kind: "output",
    members: [
      ["IdentityId", "IdentityId", false],
      ["Token", "OIDCToken", false],
    ],
  },
  GetPrincipalTagAttributeMapInput: {
    kind: "input",
    members: [
      ["IdentityPoolId", "IdentityPoolId", true],
      ["IdentityProviderName", "IdentityProviderName", true],
    ],
  },
  GetPrincipalTagAttributeMapResponse: {
    kind: "output",
    members: [
      ["IdentityPoolId", "IdentityPoolId", false],
      ["IdentityProviderName", "IdentityProviderName", false],
      ["UseDefaults", "UseDefaults", false],
      ["PrincipalTags", "PrincipalTags", false],
    ],
  },
  IdentityDescription: {
    kind: null,
    members: [
      ["IdentityId", "IdentityId", false],
      ["Logins", "LoginsList", false],
      ["CreationDate", "DateType", false],
      ["LastModifiedDate", "DateType", false],
    ],
  },
  IdentityPool: {
    kind: null,
    members: [
      ["IdentityPoolId", "IdentityPoolId", true],
      ["IdentityPoolName", "IdentityPoolName", true],
      ["AllowUnauthenticatedIdentities", "IdentityPoolUnauthenticated", true, false],
      ["AllowClassicFlow", "ClassicFlow", false],
      ["SupportedLoginProviders", "IdentityProviders", false],
      ["DeveloperProviderName", "DeveloperProviderName", false],
      ["OpenIdConnectProviderARNs", "OIDCProviderList", false],
      ["CognitoIdentityProviders", "CognitoIdentityProviderList", false],
      ["SamlProviderARNs", "SAMLProviderList", false],
      ["IdentityPoolTags", "IdentityPoolTagsType", false],
    ],
  },
  IdentityPoolShortDescription: {
    kind: null,
    members: [
      ["IdentityPoolId", "IdentityPoolId", false],
      ["IdentityPoolName", "IdentityPoolName", false],
    ],
  },
  InternalErrorException: {
    kind: "error",
    members: [["message", "String", false]],
  },
  InvalidIdentityPoolConfigurationException: {
    kind: "error",
    members: [["message", "String", false]],
  },
  InvalidParameterException: {
    kind: "error",
    members: [["message", "String", false]],
  },
  LimitExceededException: {
    kind: "error",
    members: [["message", "String", false]],
  },
  ListIdentitiesInput: {
    kind: "input",
    members: [
      ["IdentityPoolId", "IdentityPoolId", true],
      ["MaxResults", "QueryLimit", true],
      ["NextToken", "PaginationKey", false],
      ["HideDisabled", "HideDisabled", false, false],
    ],
  },
  ListIdentitiesResponse: {
    kind: "output",
    members: [
      ["IdentityPoolId", "IdentityPoolId", false],
      ["Identities", "IdentitiesList", false],
      ["NextToken", "PaginationKey", false],
    ],
  },
  ListIdentityPoolsInput: {
    kind: "input",
    members: [
      ["MaxResults", "QueryLimit", true],
      ["NextToken", "PaginationKey", false],
    ],
  },
  ListIdentityPoolsResponse: {
    kind: "output",
    members: [
      ["IdentityPools", "IdentityPoolsList", false],
      ["NextToken", "PaginationKey", false],
    ],
  },
  ListTagsForResourceInput: {
    kind: "input",
    members: [["ResourceArn", "ARNString", true]],
  },
  ListTagsForResourceResponse: {
    kind: "output",
    members: [["Tags", "IdentityPoolTagsType", false]],
  },
  LookupDeveloperIdentityInput: {
    kind: "input",
    members: [
      ["IdentityPoolId", "IdentityPoolId", true],
      ["IdentityId", "IdentityId", false],
      ["DeveloperUserIdentifier", "DeveloperUserIdentifier", false],
      ["MaxResults", "QueryLimit", false],
      ["NextToken", "PaginationKey", false],
    ],
  },
  LookupDeveloperIdentityResponse: {
    kind: "output",
    members: [
      ["IdentityId", "IdentityId", false],
      ["DeveloperUserIdentifierList", "DeveloperUserIdentifierList", false],
      ["NextToken", "PaginationKey", false],
    ],
  },
  MappingRule: {
    kind: null,
    members: [
      ["Claim", "ClaimName", true],
      ["MatchType", "MappingRuleMatchType", true],
      ["Value", "ClaimValue", true],
      ["RoleARN", "ARNString", true],
    ],
  },
  MergeDeveloperIdentitiesInput: {
    kind: "input",
    members: [
      ["SourceUserIdentifier", "DeveloperUserIdentifier", true],
      ["DestinationUserIdentifier", "DeveloperUserIdentifier", true],
      ["DeveloperProviderName", "DeveloperProviderName", true],
      ["IdentityPoolId", "IdentityPoolId", true],
    ],
  },
  MergeDeveloperIdentitiesResponse: {
    kind: "output",
    members: [["IdentityId", "IdentityId", false]],
  },
  NotAuthorizedException: {
    kind: "error",
    members: [["message", "String", false]],
  },
  ResourceConflictException: {
    kind: "error",
    members: [["message", "String", false]],
  },
  ResourceNotFoundException: {
    kind: "error",
    members: [["message", "String", false]],
  },
  RoleMapping: {
    kind: null,
    members: [
      ["Type", "RoleMappingType", true],
      ["AmbiguousRoleResolution", "AmbiguousRoleResolutionType", false],
      ["RulesConfiguration", "RulesConfigurationType", false],
    ],
  },
  RulesConfigurationType: {
    kind: null,
    members: [["Rules", "MappingRulesList", true]],
  },
  SetIdentityPoolRolesInput: {
    kind: "input",
    members: [
      ["IdentityPoolId", "IdentityPoolId", true],
      ["Roles", "RolesMap", true],
      ["RoleMappings", "RoleMappingMap", false],
    ],
  },
  SetPrincipalTagAttributeMapInput: {
    kind: "input",
    members: [
      ["IdentityPoolId", "IdentityPoolId", true],
      ["IdentityProviderName", "IdentityProviderName", true],
      ["UseDefaults", "UseDefaults", false],
      ["PrincipalTags", "PrincipalTags", false],
    ],
  },
  SetPrincipalTagAttributeMapResponse: {
    kind: "output",
    members: [
      ["IdentityPoolId", "IdentityPoolId", false],
      ["IdentityProviderName", "IdentityProviderName", false],
      ["UseDefaults", "UseDefaults", false],
      ["PrincipalTags", "PrincipalTags", false],
    ],
  },
  TagResourceInput: {
    kind: "input",
    members: [
      ["ResourceArn", "ARNString", true],
      ["Tags", "IdentityPoolTagsType", true],
    ],
  },
  TagResourceResponse: {
    kind: "output",
    members: [],
  },
  TooManyRequestsException: {
    kind: "error",
    members: [["message", "String", false]],
  },
  UnlinkDeveloperIdentityInput: {
    kind: "input",
    members: [
      ["IdentityId", "IdentityId", true],
      ["IdentityPoolId", "IdentityPoolId", true],
      ["DeveloperProviderName", "DeveloperProviderName", true],
      ["DeveloperUserIdentifier", "DeveloperUserIdentifier", true],
    ],
  },
  UnlinkIdentityInput: {
    kind: "input",
    members: [
      ["IdentityId", "IdentityId", true],
      ["Logins", "LoginsMap", true],
      ["LoginsToRemove", "LoginsList", true],
    ],
  },
  UnprocessedIdentityId: {
    kind: null,
    members: [
      ["IdentityId", "IdentityId", false],
      ["ErrorCode", "ErrorCode", false],
    ],
  },
  UntagResourceInput: {
    kind: "input",
    members: [
      ["ResourceArn", "ARNString", true],
      ["TagKeys", "IdentityPoolTagsListType", true],
    ],
  },
  UntagResourceResponse: {
    kind: "output",
    members: [],
  },
};

// Error fault and HTTP status; null = no @httpError trait (facts §8).
const ERRORS: Record<string, { fault: "client" | "server"; httpError: number | null }> = {
  ConcurrentModificationException: { fault: "client", httpError: 400 },
  DeveloperUserAlreadyRegisteredException: { fault: "client", httpError: 400 },
  ExternalServiceException: { fault: "client", httpError: 400 },
  InternalErrorException: { fault: "server", httpError: null },
  InvalidIdentityPoolConfigurationException: { fault: "client", httpError: 400 },
  InvalidParameterException: { fault: "client", httpError: 400 },
  LimitExceededException: { fault: "client", httpError: 400 },
  NotAuthorizedException: { fault: "client", httpError: 403 },
  ResourceConflictException: { fault: "client", httpError: 409 },
  ResourceNotFoundException: { fault: "client", httpError: 404 },
  TooManyRequestsException: { fault: "client", httpError: 429 },
};

// Constraints on simple shapes, patterns exactly as the model spells them (facts §7, §7.4).
const SIMPLE: Record<string, Simple> = {
  ARNString: { type: "string", length: [20, 2048] },
  AccessKeyString: { type: "string" },
  AccountId: { type: "string", length: [1, 15], pattern: "^\\d+$" },
  ClaimName: { type: "string", length: [1, 64], pattern: "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$" },
  ClaimValue: { type: "string", length: [1, 128] },
  ClassicFlow: { type: "boolean" },
  CognitoIdentityProviderClientId: { type: "string", length: [1, 128], pattern: "^[\\w_]+$" },
  CognitoIdentityProviderName: { type: "string", length: [1, 128], pattern: "^[\\w._:/-]+$" },
  CognitoIdentityProviderTokenCheck: { type: "boolean", default: false },
  DateType: { type: "timestamp" },
  DeveloperProviderName: { type: "string", length: [1, 128], pattern: "^[\\w._-]+$" },
  DeveloperUserIdentifier: { type: "string", length: [1, 1024] },
  HideDisabled: { type: "boolean", default: false },
  IdentityId: { type: "string", length: [1, 55], pattern: "^[\\w-]+:[0-9a-f-]+$" },
  IdentityPoolId: { type: "string", length: [1, 55], pattern: "^[\\w-]+:[0-9a-f-]+$" },
  IdentityPoolName: { type: "string", length: [1, 128], pattern: "^[\\w\\s+=,.@-]+$" },
  IdentityPoolUnauthenticated: { type: "boolean", default: false },
  IdentityProviderId: { type: "string", length: [1, 128], pattern: "^[\\w.;_/-]+$" },
  IdentityProviderName: { type: "string", length: [1, 128] },
  IdentityProviderToken: { type: "string", length: [1, 50000], sensitive: true },
  OIDCToken: { type: "string", sensitive: true },
  PaginationKey: { type: "string", length: [1, 65535], pattern: "^[\\S]+$" },
  PrincipalTagID: { type: "string", length: [1, 128] },
  PrincipalTagValue: { type: "string", length: [1, 256] },
  QueryLimit: { type: "integer", range: [1, 60] },
  RoleType: { type: "string", length: [1, 128], pattern: "^(un)?authenticated$" },
  SecretKeyString: { type: "string", sensitive: true },
  SessionTokenString: { type: "string" },
  String: { type: "string" },
  TagKeysType: { type: "string", length: [1, 128] },
  TagValueType: { type: "string", length: [0, 256] },
  TokenDuration: { type: "long", range: [1, 86400] },
  UseDefaults: { type: "boolean" },
};

// Enum member names and wire values (facts §7.1).
const ENUMS: Record<string, Array<[member: string, value: string]>> = {
  AmbiguousRoleResolutionType: [
    ["AUTHENTICATED_ROLE", "AuthenticatedRole"],
    ["DENY", "Deny"],
  ],
  ErrorCode: [
    ["ACCESS_DENIED", "AccessDenied"],
    ["INTERNAL_SERVER_ERROR", "InternalServerError"],
  ],
  MappingRuleMatchType: [
    ["EQUALS", "Equals"],
    ["CONTAINS", "Contains"],
    ["STARTS_WITH", "StartsWith"],
    ["NOT_EQUAL", "NotEqual"],
  ],
  RoleMappingType: [
    ["TOKEN", "Token"],
    ["RULES", "Rules"],
  ],
};

// List member targets and size limits (facts §7.2).
const LISTS: Record<string, { member: string; length?: [number, number] }> = {
  CognitoIdentityProviderList: { member: "CognitoIdentityProvider" },
  DeveloperUserIdentifierList: { member: "DeveloperUserIdentifier" },
  IdentitiesList: { member: "IdentityDescription" },
  IdentityIdList: { member: "IdentityId", length: [1, 60] },
  IdentityPoolTagsListType: { member: "TagKeysType" },
  IdentityPoolsList: { member: "IdentityPoolShortDescription" },
  LoginsList: { member: "IdentityProviderName" },
  MappingRulesList: { member: "MappingRule", length: [1, 400] },
  OIDCProviderList: { member: "ARNString" },
  SAMLProviderList: { member: "ARNString" },
  UnprocessedIdentityIdList: { member: "UnprocessedIdentityId", length: [0, 60] },
};

// Map key/value targets and size limits (facts §7.3).
const MAPS: Record<string, { key: string; value: string; length?: [number, number] }> = {
  IdentityPoolTagsType: { key: "TagKeysType", value: "TagValueType" },
  IdentityProviders: { key: "IdentityProviderName", value: "IdentityProviderId", length: [0, 10] },
  LoginsMap: { key: "IdentityProviderName", value: "IdentityProviderToken", length: [0, 10] },
  PrincipalTags: { key: "PrincipalTagID", value: "PrincipalTagValue", length: [0, 50] },
  RoleMappingMap: { key: "IdentityProviderName", value: "RoleMapping", length: [0, 10] },
  RolesMap: { key: "RoleType", value: "ARNString", length: [0, 2] },
};

// Endpoint rule set: error strings and endpoint URLs in rule order (facts §10.2).
const ENDPOINT_ERRORS = [
  "Invalid Configuration: FIPS and custom endpoint are not supported",
  "Invalid Configuration: Dualstack and custom endpoint are not supported",
  "Invalid Configuration: Missing Region",
  "FIPS and DualStack are enabled, but this partition does not support one or both",
  "FIPS is enabled but this partition does not support FIPS",
  "DualStack is enabled but this partition does not support DualStack",
];

const ENDPOINT_URLS = [
  "https://cognito-identity-fips.us-east-1.amazonaws.com",
  "https://cognito-identity-fips.us-east-2.amazonaws.com",
  "https://cognito-identity-fips.us-west-1.amazonaws.com",
  "https://cognito-identity-fips.us-west-2.amazonaws.com",
  "https://cognito-identity-fips.{Region}.{PartitionResult#dualStackDnsSuffix}",
  "https://cognito-identity-fips.{Region}.{PartitionResult#dnsSuffix}",
  "https://cognito-identity.{Region}.amazonaws.com",
  "https://cognito-identity.{Region}.{PartitionResult#dualStackDnsSuffix}",
  "https://cognito-identity.{Region}.{PartitionResult#dnsSuffix}",
];

const CONSTRAINT_TRAITS = [
  "smithy.api#length",
  "smithy.api#range",
  "smithy.api#pattern",
  "smithy.api#sensitive",
  "smithy.api#default",
];

const minMax = (pair: [number, number] | undefined) =>
  pair === undefined ? undefined : { min: pair[0], max: pair[1] };

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe("model file", () => {
  it("is a Smithy 2.0 JSON AST with every shape in the service namespace", () => {
    expect(model.smithy).toBe("2.0");
    for (const id of Object.keys(shapes)) expect(id.startsWith(`${NS}#`), id).toBe(true);
  });

  it("has the expected number of shapes of each type", () => {
    const counts: Record<string, number> = {};
    for (const s of Object.values(shapes)) counts[s.type] = (counts[s.type] ?? 0) + 1;
    expect(counts).toEqual(COUNTS);
    expect(Object.keys(shapes)).toHaveLength(135);
  });

  it("contains exactly the shapes listed in the tables", () => {
    const expected = [
      "AWSCognitoIdentityService",
      ...Object.keys(OPERATIONS),
      ...Object.keys(STRUCTURES),
      ...Object.keys(SIMPLE),
      ...Object.keys(ENUMS),
      ...Object.keys(LISTS),
      ...Object.keys(MAPS),
    ].map(abs);
    expect(new Set(expected).size).toBe(expected.length);
    expect(Object.keys(shapes).sort()).toEqual(expected.sort());
  });

  it("lists shapes in alphabetical order", () => {
    const ids = Object.keys(shapes);
    expect(ids).toEqual([...ids].sort());
  });

  it("resolves every target to a shape of the model or to smithy.api#Unit", () => {
    const targets: Array<[string, string]> = [];
    for (const [id, s] of Object.entries(shapes)) {
      for (const ref of [...(s.operations ?? []), ...(s.errors ?? [])])
        targets.push([id, ref.target]);
      for (const ref of [s.input, s.output, s.member, s.key, s.value]) {
        if (ref) targets.push([id, ref.target]);
      }
      for (const [name, m] of Object.entries(s.members ?? {}))
        targets.push([`${id}$${name}`, m.target]);
    }
    expect(targets.length).toBeGreaterThan(200);
    for (const [from, target] of targets) {
      expect(target === UNIT || target in shapes, `${from} -> ${target}`).toBe(true);
    }
  });

  it("uses smithy.api#Unit only for Unit outputs and enum members", () => {
    for (const [id, s] of Object.entries(shapes)) {
      for (const [name, m] of Object.entries(s.members ?? {})) {
        if (s.type !== "enum") expect(m.target, `${id}$${name}`).not.toBe(UNIT);
        else expect(m.target, `${id}$${name}`).toBe(UNIT);
      }
      if (s.type === "operation") expect(s.input?.target).not.toBe(UNIT);
    }
  });
});

describe("service", () => {
  const service = shape(SERVICE_ID);
  const traits = service.traits ?? {};

  it("has version, operations and identity traits", () => {
    expect(service.type).toBe("service");
    expect(service.version).toBe("2014-06-30");
    expect(service.operations?.map((o) => o.target)).toEqual(
      Object.keys(OPERATIONS).sort().map(abs),
    );
    expect(traits["aws.api#service"]).toEqual({
      sdkId: "Cognito Identity",
      endpointPrefix: "cognito-identity",
      arnNamespace: "cognito-identity",
      cloudFormationName: "Cognito",
      cloudTrailEventSource: "cognito-identity.amazonaws.com",
    });
    expect(traits["aws.auth#sigv4"]).toEqual({ name: "cognito-identity" });
    expect(traits["aws.protocols#awsJson1_1"]).toEqual({});
    expect(traits["smithy.api#title"]).toBe("Amazon Cognito Identity");
    expect(traits["smithy.api#xmlNamespace"]).toEqual({
      uri: "http://cognito-identity.amazonaws.com/doc/2014-06-30/",
    });
    expect(traits["smithy.api#auth"]).toBeUndefined();
    expect(traits["smithy.rules#endpointTests"]).toBeUndefined();
  });

  describe("endpoint rule set", () => {
    const ruleSet = traits["smithy.rules#endpointRuleSet"] as {
      version: string;
      parameters: Record<string, Record<string, unknown>>;
      rules: unknown[];
    };

    it("declares the four parameters", () => {
      expect(ruleSet.version).toBe("1.0");
      const stripDocs = (p: Record<string, unknown>) => {
        const { documentation, ...rest } = p;
        expect(typeof documentation).toBe("string");
        return rest;
      };
      const params = Object.fromEntries(
        Object.entries(ruleSet.parameters).map(([k, v]) => [k, stripDocs(v)]),
      );
      expect(params).toEqual({
        Region: { builtIn: "AWS::Region", required: false, type: "string" },
        UseDualStack: {
          builtIn: "AWS::UseDualStack",
          required: true,
          default: false,
          type: "boolean",
        },
        UseFIPS: { builtIn: "AWS::UseFIPS", required: true, default: false, type: "boolean" },
        Endpoint: { builtIn: "SDK::Endpoint", required: false, type: "string" },
      });
    });

    it("has the six error results, the expected endpoint URLs and only known functions", () => {
      const errors: string[] = [];
      const urls: unknown[] = [];
      const fns = new Set<string>();
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) {
          for (const n of node) walk(n);
          return;
        }
        if (node === null || typeof node !== "object") return;
        const o = node as Record<string, unknown>;
        if (typeof o.fn === "string") fns.add(o.fn);
        if (o.type === "error") errors.push(o.error as string);
        if (o.type === "endpoint") {
          const ep = o.endpoint as { url: unknown; properties: unknown; headers: unknown };
          urls.push(ep.url);
          expect(ep.properties).toEqual({});
          expect(ep.headers).toEqual({});
        }
        for (const v of Object.values(o)) walk(v);
      };
      walk(ruleSet.rules);
      expect(errors.sort()).toEqual([...ENDPOINT_ERRORS].sort());
      expect(urls).toEqual([{ ref: "Endpoint" }, ...ENDPOINT_URLS]);
      expect([...fns].sort()).toEqual(
        ["aws.partition", "booleanEquals", "getAttr", "isSet", "stringEquals"].sort(),
      );
    });
  });
});

describe("operations", () => {
  it.each(Object.entries(OPERATIONS))("%s", (name, op) => {
    const s = shape(name);
    const traits = s.traits ?? {};
    expect(s.type).toBe("operation");
    expect(s.input?.target).toBe(abs(op.input));
    expect(s.output?.target).toBe(abs(op.output));
    expect(s.errors?.map((e) => e.target)).toEqual(op.errors.split(" ").map(abs));
    if (op.auth === "none") {
      expect(traits["smithy.api#auth"]).toEqual([]);
      expect(traits["smithy.api#optionalAuth"]).toEqual({});
    } else {
      expect(traits["smithy.api#auth"]).toBeUndefined();
      expect(traits["smithy.api#optionalAuth"]).toBeUndefined();
    }
    expect(traits["smithy.api#paginated"]).toEqual(PAGINATED[name]);
  });

  it("has exactly four unsigned operations", () => {
    const unsigned = Object.keys(OPERATIONS).filter((n) => "smithy.api#auth" in traitsOf(n));
    expect(unsigned).toEqual([
      "GetCredentialsForIdentity",
      "GetId",
      "GetOpenIdToken",
      "UnlinkIdentity",
    ]);
  });

  it("paginates on members that exist with the expected targets", () => {
    for (const [name, p] of Object.entries(PAGINATED)) {
      const op = OPERATIONS[name]!;
      const input = shape(op.input).members ?? {};
      const output = shape(op.output).members ?? {};
      expect(input[p.inputToken!]?.target).toBe(abs("PaginationKey"));
      expect(input[p.pageSize!]?.target).toBe(abs("QueryLimit"));
      expect(output[p.outputToken!]?.target).toBe(abs("PaginationKey"));
      expect(output[p.items!], `${name} items`).toBeDefined();
    }
  });

  it.each(Object.entries(RETRY_SAFETY))("%s has the retry safety we give it", (name, safety) => {
    const traits = traitsOf(name);
    const docs = String(traits["smithy.api#documentation"]);
    expect("smithy.api#readonly" in traits).toBe(safety === "readonly");
    expect("smithy.api#idempotent" in traits).toBe(safety === "idempotent");
    if (safety === "readonly") expect(traits["smithy.api#readonly"]).toEqual({});
    if (safety === "idempotent") expect(traits["smithy.api#idempotent"]).toEqual({});
    // The docs say the trait is ours, or why the operation is not safe to repeat.
    if (safety) {
      expect(docs).toContain(`Marked @${safety} by this model, not by the service's own model`);
    } else {
      expect(docs).toMatch(/Not idempotent: .*creates? (a new|another)/);
    }
  });

  it("leaves exactly the operations that can create something unmarked", () => {
    expect(Object.keys(RETRY_SAFETY)).toEqual(Object.keys(OPERATIONS));
    expect(Object.keys(RETRY_SAFETY).filter((name) => RETRY_SAFETY[name] === null)).toEqual([
      "CreateIdentityPool",
      "GetId",
      "GetOpenIdTokenForDeveloperIdentity",
    ]);
  });

  it("says in the docs where pagination goes beyond the service's own paginator list", () => {
    for (const name of ["ListIdentities", "LookupDeveloperIdentity"]) {
      expect(traitsOf(name)["smithy.api#documentation"]).toMatch(/paginated/);
    }
  });
});

describe("structures", () => {
  it.each(Object.entries(STRUCTURES))("%s", (name, expected) => {
    const s = shape(name);
    const traits = s.traits ?? {};
    expect(s.type).toBe("structure");
    expect("smithy.api#input" in traits).toBe(expected.kind === "input");
    expect("smithy.api#output" in traits).toBe(expected.kind === "output");
    expect("smithy.api#error" in traits).toBe(expected.kind === "error");
    if (expected.kind === "input") expect(traits["smithy.api#input"]).toEqual({});
    if (expected.kind === "output") expect(traits["smithy.api#output"]).toEqual({});
    const members = s.members ?? {};
    expect(Object.keys(members)).toEqual(expected.members.map((m) => m[0]));
    for (const [member, target, required, ...rest] of expected.members) {
      const m = members[member]!;
      const t = m.traits ?? {};
      expect(m.target, `${name}$${member}`).toBe(abs(target));
      expect("smithy.api#required" in t, `${name}$${member} required`).toBe(required);
      if (required) expect(t["smithy.api#required"]).toEqual({});
      if (rest.length > 0) {
        expect("smithy.api#default" in t, `${name}$${member} default`).toBe(true);
        expect(t["smithy.api#default"]).toBe(rest[0]);
      } else {
        expect("smithy.api#default" in t, `${name}$${member} default`).toBe(false);
      }
      for (const c of [
        "smithy.api#length",
        "smithy.api#range",
        "smithy.api#pattern",
        "smithy.api#sensitive",
      ]) {
        expect(c in t, `${name}$${member} has no member-level ${c}`).toBe(false);
      }
    }
  });

  it("marks input and output structures only where used as such", () => {
    for (const [name, op] of Object.entries(OPERATIONS)) {
      if (STRUCTURES[op.input]?.kind !== null)
        expect(STRUCTURES[op.input]?.kind, name).toBe("input");
      if (op.output !== UNIT && STRUCTURES[op.output]?.kind !== null) {
        expect(STRUCTURES[op.output]?.kind, name).toBe("output");
      }
    }
  });
});

describe("errors", () => {
  it.each(Object.entries(ERRORS))("%s", (name, expected) => {
    const traits = traitsOf(name);
    expect(STRUCTURES[name]?.kind).toBe("error");
    expect(traits["smithy.api#error"]).toBe(expected.fault);
    if (expected.httpError === null) expect("smithy.api#httpError" in traits).toBe(false);
    else expect(traits["smithy.api#httpError"]).toBe(expected.httpError);
  });

  it("covers every error an operation can return", () => {
    const used = new Set(Object.values(OPERATIONS).flatMap((o) => o.errors.split(" ")));
    expect([...used].sort()).toEqual(Object.keys(ERRORS).sort());
    const marked = Object.entries(STRUCTURES).filter(([, s]) => s.kind === "error");
    expect(marked.map(([n]) => n).sort()).toEqual(Object.keys(ERRORS).sort());
  });
});

describe("simple shapes", () => {
  it.each(Object.entries(SIMPLE))("%s", (name, expected) => {
    const s = shape(name);
    const traits = s.traits ?? {};
    expect(s.type).toBe(expected.type);
    expect(traits["smithy.api#length"]).toEqual(minMax(expected.length));
    expect(traits["smithy.api#range"]).toEqual(minMax(expected.range));
    expect(traits["smithy.api#pattern"]).toBe(expected.pattern);
    if (expected.sensitive) expect(traits["smithy.api#sensitive"]).toEqual({});
    else expect("smithy.api#sensitive" in traits).toBe(false);
    if (expected.default !== undefined) expect(traits["smithy.api#default"]).toBe(expected.default);
    else expect("smithy.api#default" in traits).toBe(false);
  });

  it("has patterns that compile as unicode regular expressions and match sample values", () => {
    const samples: Record<string, [ok: string, bad: string]> = {
      AccountId: ["123456789012", "12a"],
      ClaimName: ["isAdmin", "has space"],
      CognitoIdentityProviderClientId: ["abc_123", "abc-123"],
      CognitoIdentityProviderName: ["cognito-idp.us-east-1.amazonaws.com/us-east-1_abc", "a b"],
      DeveloperProviderName: ["login.mycompany.myapp", "a/b"],
      IdentityId: ["us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "us-east-1:XYZ"],
      IdentityPoolId: ["us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "no-colon"],
      IdentityPoolName: ["My pool+1=x,y.z@w-v", "bad!"],
      IdentityProviderId: ["app.id;v2_x/y-z", "a b"],
      PaginationKey: ["abc==", "a b"],
      RoleType: ["unauthenticated", "guest"],
    };
    const withPattern = Object.entries(SIMPLE).filter(([, s]) => s.pattern !== undefined);
    expect(withPattern.map(([n]) => n).sort()).toEqual(Object.keys(samples).sort());
    for (const [id, s] of Object.entries(shapes)) {
      const p = s.traits?.["smithy.api#pattern"];
      if (p === undefined) continue;
      expect(typeof p, id).toBe("string");
      expect(() => new RegExp(p as string, "u"), id).not.toThrow();
    }
    for (const [name, [ok, bad]] of Object.entries(samples)) {
      const re = new RegExp(traitsOf(name)["smithy.api#pattern"] as string, "u");
      expect(re.test(ok), `${name} accepts ${ok}`).toBe(true);
      expect(re.test(bad), `${name} rejects ${bad}`).toBe(false);
    }
  });

  it("keeps constraint traits off aggregate shapes except list/map length", () => {
    for (const [id, s] of Object.entries(shapes)) {
      if (!["structure", "operation", "service", "enum"].includes(s.type)) continue;
      for (const c of CONSTRAINT_TRAITS) expect(c in (s.traits ?? {}), `${id} ${c}`).toBe(false);
    }
  });
});

describe("enums", () => {
  it.each(Object.entries(ENUMS))("%s", (name, expected) => {
    const s = shape(name);
    expect(s.type).toBe("enum");
    const members = Object.entries(s.members ?? {}).map(([k, m]) => [
      k,
      m.traits?.["smithy.api#enumValue"],
    ]);
    expect(members).toEqual(expected);
  });
});

describe("lists and maps", () => {
  it.each(Object.entries(LISTS))("list %s", (name, expected) => {
    const s = shape(name);
    expect(s.type).toBe("list");
    expect(s.member?.target).toBe(abs(expected.member));
    expect(s.traits?.["smithy.api#length"]).toEqual(minMax(expected.length));
  });

  it.each(Object.entries(MAPS))("map %s", (name, expected) => {
    const s = shape(name);
    expect(s.type).toBe("map");
    expect(s.key?.target).toBe(abs(expected.key));
    expect(s.value?.target).toBe(abs(expected.value));
    expect(s.traits?.["smithy.api#length"]).toEqual(minMax(expected.length));
  });

  it("makes LoginsMap values sensitive through their target", () => {
    expect(traitsOf(shape("LoginsMap").value!.target)["smithy.api#sensitive"]).toEqual({});
  });
});

describe("documentation", () => {
  const docOf = (traits: Traits | undefined) => traits?.["smithy.api#documentation"];

  it("documents the service, every operation, structure and enum, and every member", () => {
    const missing: string[] = [];
    for (const [id, s] of Object.entries(shapes)) {
      if (["service", "operation", "structure", "enum"].includes(s.type)) {
        const d = docOf(s.traits);
        if (typeof d !== "string" || d.trim() === "") missing.push(id);
      }
      if (s.type === "structure" || s.type === "enum") {
        for (const [name, m] of Object.entries(s.members ?? {})) {
          const d = docOf(m.traits);
          if (typeof d !== "string" || d.trim() === "") missing.push(`${id}$${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
