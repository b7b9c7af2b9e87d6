/**
 * Child process, timed whole from the outside: import a client, construct it, send one GetId
 * and exit. The request handler is in memory (no socket) and its answer is a plain object of
 * HttpResponse's shape, so this process loads nothing beyond the client package itself.
 * Usage: first-call.mjs <package>
 */
import { getIdBody, identityId, poolId, region, responseHeaders } from "./canned.js";
import { check, loadSdk } from "./sdk.js";

const sdk = await loadSdk(process.argv[2] ?? "");
const requestHandler = {
  handle: () =>
    Promise.resolve({
      response: {
        statusCode: 200,
        headers: { ...responseHeaders },
        body: new TextEncoder().encode(getIdBody),
      },
    }),
};
const client = new sdk.CognitoIdentityClient({ region, requestHandler });
const output = await client.send(new sdk.GetIdCommand({ IdentityPoolId: poolId }));
check(output.IdentityId === identityId, "IdentityId");
