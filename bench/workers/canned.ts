/** The configuration and the canned service answers that both clients get, byte for byte. */

export const region = "us-east-1";
export const credentials = { accessKeyId: "AKID", secretAccessKey: "SECRET" };
export const poolId = "us-east-1:11111111-2222-3333-4444-555555555555";
export const identityId = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
export const requestId = "bench-request-id";

export const responseHeaders: Readonly<Record<string, string>> = {
  "content-type": "application/x-amz-json-1.1",
  "x-amzn-requestid": requestId,
};

export const getIdBody = JSON.stringify({ IdentityId: identityId });

/** A pool with a few of everything, so the parse is more than one string member. */
export const describePoolBody = JSON.stringify({
  IdentityPoolId: poolId,
  IdentityPoolName: "bench",
  AllowUnauthenticatedIdentities: true,
  AllowClassicFlow: false,
  SupportedLoginProviders: { "graph.facebook.com": "1234567890", "accounts.google.com": "abc" },
  DeveloperProviderName: "login.bench.example",
  OpenIdConnectProviderARNs: ["arn:aws:iam::123456789012:oidc-provider/example.com"],
  CognitoIdentityProviders: [
    {
      ProviderName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi",
      ClientId: "1example23456789",
      ServerSideTokenCheck: true,
    },
  ],
  IdentityPoolTags: { team: "bench", stage: "test" },
});

export const itemsPerPage = 60;

/** A ListIdentityPools page: 60 pools, and a NextToken unless it is the last page. */
export function poolsPage(page: number, lastPage: number): string {
  return page < lastPage
    ? `{"IdentityPools":${poolItems},"NextToken":"token-${page + 1}"}`
    : `{"IdentityPools":${poolItems}}`;
}

const poolItems = JSON.stringify(
  Array.from({ length: itemsPerPage }, (_, i) => ({
    IdentityPoolId: `us-east-1:00000000-0000-0000-0000-${String(i).padStart(12, "0")}`,
    IdentityPoolName: `pool_${i}`,
  })),
);
