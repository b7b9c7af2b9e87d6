import type { HttpRequest } from "@smithy/protocol-http";
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
 * Refuses to send `request` unencrypted when that would expose a signature or a response
 * secret, unless the host is loopback. Whether an operation returns secrets comes from its
 * output schema (any sensitive member), so no operation is named here.
 */
export function assertSecureTransport(operation: OperationDefinition, request: HttpRequest): void {
  const scheme = request.protocol.replace(/:$/, "").toLowerCase();
  if (scheme === "https") return;
  if (isLoopbackHost(request.hostname)) return;
  const why =
    operation.auth !== undefined
      ? "it is signed with your credentials"
      : containsSensitive(operation.output)
        ? "its response carries secrets"
        : undefined;
  if (why === undefined) return;
  throw new ConfigurationError(
    "allowInsecureEndpoint",
    `Refusing to send ${operation.name} to ${request.hostname} over unencrypted ${scheme}://: ` +
      `${why}. Use an https:// endpoint, or set allowInsecureEndpoint: true if the network is trusted.`,
  );
}

/** `localhost`, any `*.localhost`, `127.0.0.0/8` and `::1` (with or without brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "::1" || host === "[::1]") return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets?.slice(1).every((octet) => Number(octet) <= 255) ?? false;
}
