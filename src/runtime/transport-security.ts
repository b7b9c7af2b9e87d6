import type { HttpRequest } from "@smithy/types";
import { ConfigurationError } from "./errors.js";
import type { OperationDefinition } from "./operation.js";
import { containsSensitive } from "./redact.js";

export interface TransportSecurityConfig {
  /**
   * Lets signed requests, and operations whose response carries secrets (such as temporary
   * credentials), go over plain `http://` to a host other than this machine. Without it they
   * are refused, because anyone on the path could read or replay them. Loopback hosts
   * (`localhost`, `*.localhost`, `127.0.0.0/8`, `::1`) are always allowed, for local testing.
   * @default false
   */
  allowInsecureEndpoint?: boolean | undefined;
}

/**
 * Whether `hostname` names this machine: `localhost`, `*.localhost`, `::1` (with or without
 * brackets) or `127.0.0.0/8`, with or without a trailing dot.
 */
export function isLoopbackHost(hostname: string): boolean {
  return /^((.*\.)?localhost|::1|\[::1\]|127(\.(25[0-5]|2[0-4]\d|[01]?\d?\d)){3})\.?$/i.test(
    hostname,
  );
}

/**
 * Refuses to send `request` unencrypted when that would expose a signature or a response
 * secret, unless the host is loopback. Whether an operation returns secrets comes from its
 * output schema (any sensitive member), so no operation is named here.
 */
export function assertSecureTransport(operation: OperationDefinition, request: HttpRequest): void {
  const scheme = request.protocol.replace(/:$/, "").toLowerCase();
  if (scheme === "https" || isLoopbackHost(request.hostname)) return;
  const why = operation.auth
    ? "it is signed with your credentials"
    : containsSensitive(operation.output) && "its response carries secrets";
  if (!why) return;
  throw new ConfigurationError(
    "allowInsecureEndpoint",
    `Refusing to send ${operation.name} to ${request.hostname} over ${scheme}://: ${why}. ` +
      "Use https://, or allowInsecureEndpoint: true on a trusted network.",
  );
}
