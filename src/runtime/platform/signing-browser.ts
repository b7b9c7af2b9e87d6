// Browsers and other runtimes: SHA-256 in JavaScript, which needs no platform API.
export { Sha256 } from "@aws-crypto/sha256-js";
