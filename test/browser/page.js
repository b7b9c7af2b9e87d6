// The page the browser test loads: a plain app that uses the installed package the way a
// browser app would, and reports what happened on window.result.
import {
  CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  isCognitoIdentityError,
  paginateListIdentityPools,
} from "cognito-identity-client";

async function run() {
  const params = new URLSearchParams(location.search);
  const endpoint = params.get("endpoint");
  const poolId = params.get("pool");
  const region = "us-east-1";

  // 1. A guest: two unsigned calls, no credentials anywhere.
  const guest = new CognitoIdentityClient({ region, endpoint });
  const { IdentityId } = await guest.send(new GetIdCommand({ IdentityPoolId: poolId }));
  const { Credentials } = await guest.send(new GetCredentialsForIdentityCommand({ IdentityId }));

  // 2. Signed calls with the credentials the guest received.
  const signed = new CognitoIdentityClient({
    region,
    endpoint,
    credentials: {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretKey,
      sessionToken: Credentials.SessionToken,
    },
  });
  const pool = await signed.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }));
  const pages = [];
  for await (const page of paginateListIdentityPools({ client: signed, pageSize: 1 }, {})) {
    pages.push(page.IdentityPools.map((p) => p.IdentityPoolName));
  }

  // 3. A modelled error, recognised by the type guard.
  let caught = null;
  try {
    await signed.send(
      new DescribeIdentityPoolCommand({
        IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000",
      }),
    );
  } catch (error) {
    if (isCognitoIdentityError(error, "ResourceNotFoundException")) {
      caught = {
        name: error.name,
        status: error.$metadata.httpStatusCode,
        hasRequestId: Boolean(error.$metadata.requestId),
      };
    } else throw error;
  }

  return {
    identityId: IdentityId,
    hasKeys: Boolean(Credentials.AccessKeyId && Credentials.SecretKey && Credentials.SessionToken),
    expirationIsDate: Credentials.Expiration instanceof Date,
    poolName: pool.IdentityPoolName,
    pages,
    caught,
  };
}

run().then(
  (result) => {
    window.result = { ok: true, result };
  },
  (error) => {
    window.result = { ok: false, error: `${error?.name}: ${error?.message}` };
  },
);
