import type { CognitoIdentity } from "../../generated/aggregate.js";
import type { CognitoIdentityClient } from "../../generated/client.js";
import { getCredentialsForIdentity, getOpenIdToken } from "./credentials.js";
import {
  getOpenIdTokenForDeveloperIdentity,
  lookupDeveloperIdentity,
  mergeDeveloperIdentities,
  unlinkDeveloperIdentity,
} from "./developer.js";
import type { Handler } from "./handler.js";
import {
  deleteIdentities,
  describeIdentity,
  getId,
  listIdentities,
  unlinkIdentity,
} from "./identities.js";
import {
  createIdentityPool,
  deleteIdentityPool,
  describeIdentityPool,
  listIdentityPools,
  updateIdentityPool,
} from "./pools.js";
import { getPrincipalTagAttributeMap, setPrincipalTagAttributeMap } from "./principal-tags.js";
import { getIdentityPoolRoles, setIdentityPoolRoles } from "./roles.js";
import { listTagsForResource, tagResource, untagResource } from "./tags.js";

/** The aggregated client's own methods: one per operation, named like it in camelCase. */
type OperationMethod = Exclude<keyof CognitoIdentity, keyof CognitoIdentityClient>;
/** An empty output may be left out (`smithy.api#Unit` and empty structures). */
type OutputOf<O> = keyof Omit<O, "$metadata"> extends never
  ? Omit<O, "$metadata"> | undefined
  : Omit<O, "$metadata">;

/**
 * One handler per operation of the generated client, with its input and output types, so
 * the compiler finds a missing operation or a handler of the wrong shape.
 */
export type OperationHandlers = {
  readonly [K in OperationMethod as Capitalize<K>]: CognitoIdentity[K] extends (
    input: infer I,
    options?: any,
  ) => Promise<infer O>
    ? Handler<I, OutputOf<O>>
    : never;
};

/**
 * What the service does for each operation, by operation name. The dispatcher also checks
 * at startup that these are exactly the operations of the generated client.
 */
export const handlers: OperationHandlers = {
  CreateIdentityPool: createIdentityPool,
  DeleteIdentities: deleteIdentities,
  DeleteIdentityPool: deleteIdentityPool,
  DescribeIdentity: describeIdentity,
  DescribeIdentityPool: describeIdentityPool,
  GetCredentialsForIdentity: getCredentialsForIdentity,
  GetId: getId,
  GetIdentityPoolRoles: getIdentityPoolRoles,
  GetOpenIdToken: getOpenIdToken,
  GetOpenIdTokenForDeveloperIdentity: getOpenIdTokenForDeveloperIdentity,
  GetPrincipalTagAttributeMap: getPrincipalTagAttributeMap,
  ListIdentities: listIdentities,
  ListIdentityPools: listIdentityPools,
  ListTagsForResource: listTagsForResource,
  LookupDeveloperIdentity: lookupDeveloperIdentity,
  MergeDeveloperIdentities: mergeDeveloperIdentities,
  SetIdentityPoolRoles: setIdentityPoolRoles,
  SetPrincipalTagAttributeMap: setPrincipalTagAttributeMap,
  TagResource: tagResource,
  UnlinkDeveloperIdentity: unlinkDeveloperIdentity,
  UnlinkIdentity: unlinkIdentity,
  UntagResource: untagResource,
  UpdateIdentityPool: updateIdentityPool,
};
