/**
 * Run by faults.test.ts in a Node process of its own: starts one call against the fault
 * server, cuts it short in the way the first argument after the endpoint names, prints what
 * the call rejected with, and must then exit by itself. A timer or socket left behind would
 * keep the process alive, and the test that waits for it would fail.
 */
import {
  CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  FetchRequestHandler,
  StandardRetryStrategy,
} from "../../src/index.js";

const [endpoint, how] = process.argv.slice(2);
const transport = new FetchRequestHandler();
let markSent = () => {};
let markAnswered = () => {};
const sent = new Promise<void>((resolve) => {
  markSent = resolve;
});
const answered = new Promise<void>((resolve) => {
  markAnswered = resolve;
});

const client = new CognitoIdentityClient({
  region: "us-east-1",
  endpoint,
  credentials: { accessKeyId: "AKIDCHILD", secretAccessKey: "secret" },
  requestHandler: {
    async handle(request, options) {
      markSent();
      const result = await transport.handle(request, options);
      markAnswered();
      return result;
    },
  },
  // About a minute of backoff: a wait that an abort did not cancel would hold the process.
  retryStrategy: new StandardRetryStrategy({ random: () => 0.99, backoff: { base: 60_000 } }),
});

const controller = new AbortController();
const call = client
  .send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:1" }), {
    abortSignal: controller.signal,
  })
  .then(
    () => ({ name: "resolved", $metadata: undefined }),
    (error: { name: string; $metadata?: { attempts?: number } }) => error,
  );

if (how === "abort-in-flight") {
  await sent;
  controller.abort();
} else if (how === "destroy-in-flight") {
  await sent;
  client.destroy();
} else if (how === "abort-in-backoff") {
  await answered;
  // Let the retry middleware read the 500 and start its wait.
  await new Promise((resolve) => setTimeout(resolve, 20));
  controller.abort();
}

const outcome = await call;
console.log(JSON.stringify({ name: outcome.name, attempts: outcome.$metadata?.attempts }));
