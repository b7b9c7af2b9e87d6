/**
 * Child process: the cost of one `client.send` with an in-memory request handler, after
 * warm-up. Usage: per-call.mjs <package> <GetId|DescribeIdentityPool> <warmup> <iterations>
 * Prints {"usPerCall": n}.
 */
import {
  credentials,
  describePoolBody,
  getIdBody,
  identityId,
  poolId,
  region,
  requestId,
} from "./canned.js";
import { inMemoryHandler, isSigned } from "./handler.js";
import { check, loadSdk } from "./sdk.js";

const [specifier = "", operation = "", warmup = "0", iterations = "0"] = process.argv.slice(2);
const sdk = await loadSdk(specifier);
const signed = operation === "DescribeIdentityPool";
const handler = inMemoryHandler(() => (signed ? describePoolBody : getIdBody));
const client = new sdk.CognitoIdentityClient({ region, credentials, requestHandler: handler });
const input = { IdentityPoolId: poolId };
const send = signed
  ? () => client.send(new sdk.DescribeIdentityPoolCommand(input))
  : () => client.send(new sdk.GetIdCommand(input));

// The first answer must parse right and the request must be signed only where it should be.
const first = await send();
check(first.$metadata?.requestId === requestId, "requestId in $metadata");
check(isSigned(handler.lastHeaders) === signed, `${operation} signed: ${signed}`);
if (signed) {
  check(first.IdentityPoolName === "bench", "IdentityPoolName");
  check(first.CognitoIdentityProviders?.[0]?.ServerSideTokenCheck === true, "nested member");
} else {
  check(first.IdentityId === identityId, "IdentityId");
}

for (let i = 0; i < Number(warmup); i++) await send();
const count = Number(iterations);
const start = performance.now();
for (let i = 0; i < count; i++) await send();
const elapsed = performance.now() - start;
console.log(JSON.stringify({ usPerCall: (elapsed * 1000) / count }));
