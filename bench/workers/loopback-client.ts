/**
 * Child process: GetId over real HTTP to the loopback server, `concurrency` loops for a fixed
 * time. Usage: loopback-client.mjs <package|fetch|node-http> <url> <concurrency> <warmupMs>
 * <durationMs>. A package uses its client's default transport; `fetch` and `node-http` send
 * the same request with no SDK at all, to show what the transport alone can do here.
 * Prints {"rps": n}.
 */
import { Agent, request } from "node:http";
import { credentials, identityId, poolId, region } from "./canned.js";
import { check, loadSdk } from "./sdk.js";

const [kind = "", url = "", concurrencyArg = "1", warmupArg = "0", durationArg = "0"] =
  process.argv.slice(2);

const call = await caller(kind);
check((await call()) === identityId, "IdentityId");
await run(Number(warmupArg));
const start = performance.now();
const completed = await run(Number(durationArg));
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ rps: completed / seconds }));
// Idle keep-alive sockets may hold the event loop open; the result is out, so leave.
process.exit(0);

/** Runs the loops until the deadline; the requests each loop completed, summed. */
async function run(ms: number): Promise<number> {
  const deadline = performance.now() + ms;
  const loop = async () => {
    let n = 0;
    while (performance.now() < deadline) {
      await call();
      n++;
    }
    return n;
  };
  const counts = await Promise.all(Array.from({ length: Number(concurrencyArg) }, loop));
  return counts.reduce((a, b) => a + b, 0);
}

/** A function that sends one GetId and resolves to the IdentityId it got back. */
async function caller(kind: string): Promise<() => Promise<unknown>> {
  const headers = {
    "content-type": "application/x-amz-json-1.1",
    "x-amz-target": "AWSCognitoIdentityService.GetId",
  };
  const body = JSON.stringify({ IdentityPoolId: poolId });
  if (kind === "fetch") {
    return async () => {
      const response = await fetch(url, { method: "POST", headers, body });
      return ((await response.json()) as { IdentityId?: string }).IdentityId;
    };
  }
  if (kind === "node-http") {
    // The agent settings of the official client's NodeHttpHandler: keep-alive, 50 sockets.
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    return () =>
      new Promise((resolve, reject) => {
        const req = request(url, { method: "POST", headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString()).IdentityId));
          res.on("error", reject);
        });
        req.on("error", reject);
        req.end(body);
      });
  }
  const sdk = await loadSdk(kind);
  const client = new sdk.CognitoIdentityClient({ region, credentials, endpoint: url });
  const input = { IdentityPoolId: poolId };
  return async () => (await client.send(new sdk.GetIdCommand(input))).IdentityId;
}
