/**
 * Child process (forked): the loopback service. Answers GetId with a canned JSON body on
 * 127.0.0.1, keeps connections alive, and anything else with a 400 so a wrong request fails
 * the run. Sends {port} once listening; answers "stats" with the connections and requests
 * since the last "stats", so the bench can show that keep-alive is in use. Exits with its
 * parent.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getIdBody, responseHeaders } from "./workers/canned.js";

let connections = 0;
let requests = 0;
const server = createServer((req, res) => {
  requests++;
  req.resume();
  req.on("end", () => {
    const ok = req.headers["x-amz-target"] === "AWSCognitoIdentityService.GetId";
    const body = ok ? getIdBody : JSON.stringify({ __type: "InvalidParameterException" });
    res.writeHead(ok ? 200 : 400, {
      ...responseHeaders,
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.on("connection", () => connections++);
// Idle connections must outlive the pause between warm-up and measurement.
server.keepAliveTimeout = 60_000;

server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on("message", (message) => {
  if (message !== "stats") return;
  process.send?.({ connections, requests });
  connections = 0;
  requests = 0;
});
process.on("disconnect", () => process.exit(0));
