import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { CredentialsError } from "../errors.js";
import { reuseUntilExpiry } from "../refresh.js";
import { environment, environmentRegion, readEnv } from "./environment.js";
import type { Platform } from "./types.js";

/** Where the standard chain looks, in order, for the error message when all of them fail. */
const CHAIN =
  "environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), the shared credentials " +
  "and config files (~/.aws/credentials, ~/.aws/config; profile from AWS_PROFILE): static keys, " +
  "SSO, credential_process, role_arn with source_profile, web identity token files; then " +
  "container credentials (ECS, EKS) and instance metadata (IMDSv2)";

/**
 * Node: the standard AWS credential chain of `@aws-sdk/credential-provider-node`, loaded with
 * a dynamic import on the first signed call that needs it, so importing this package and calling
 * only unsigned operations never loads it. Keys in the environment are used without loading it.
 */
export const platform: Platform = {
  environment,

  defaultCredentials(): AwsCredentialIdentityProvider {
    let chain: AwsCredentialIdentityProvider | undefined;
    const resolve = async (): Promise<AwsCredentialIdentity> => {
      const fromEnv = environmentCredentials();
      if (fromEnv) return fromEnv;
      try {
        chain ??= (await import("@aws-sdk/credential-provider-node")).defaultProvider();
        return await chain();
      } catch (error) {
        throw new CredentialsError(
          `No credentials for this signed operation: tried ${CHAIN}. The last source said: ${reason(error)}`,
        );
      }
    };
    // Refreshed five minutes before they expire, like every AWS SDK.
    const cache = reuseUntilExpiry(resolve, 5 * 60_000);
    return () => cache.get();
  },

  async defaultRegion(): Promise<string | undefined> {
    return environmentRegion() || sharedConfigRegion().catch(() => undefined);
  },

  socketCodes: {
    notSent: new Set(
      "ECONNREFUSED ENOTFOUND EAI_AGAIN ENETUNREACH EHOSTUNREACH ENETDOWN EHOSTDOWN UND_ERR_CONNECT_TIMEOUT".split(
        " ",
      ),
    ),
    sentUnknown: new Set(
      "ECONNRESET EPIPE ETIMEDOUT ECONNABORTED UND_ERR_SOCKET UND_ERR_CLOSED UND_ERR_HEADERS_TIMEOUT UND_ERR_BODY_TIMEOUT ERR_STREAM_PREMATURE_CLOSE".split(
        " ",
      ),
    ),
  },

  userAgent() {
    const { Deno, process } = globalThis as {
      Deno?: { version?: { deno?: string } };
      process?: { versions?: { node?: string; bun?: string } };
    };
    const runtime = Deno?.version?.deno
      ? `deno#${Deno.version.deno}`
      : process?.versions?.bun
        ? `bun#${process.versions.bun}`
        : process?.versions?.node && `nodejs#${process.versions.node}`;
    // Neither Deno, Bun nor Node: answer as the browser module does.
    return runtime ? ["user-agent", `md/${runtime}`] : ["x-amz-user-agent", "md/browser"];
  },
};

/** The region of the profile (AWS_PROFILE, else `default`) in the shared config files. */
async function sharedConfigRegion(): Promise<string | undefined> {
  const { loadSharedConfigFiles } = await import("@smithy/shared-ini-file-loader");
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: false });
  const profile = readEnv("AWS_PROFILE") ?? "default";
  return configFile[profile]?.region ?? credentialsFile[profile]?.region;
}

function environmentCredentials(): AwsCredentialIdentity | undefined {
  const accessKeyId = readEnv("AWS_ACCESS_KEY_ID");
  const secretAccessKey = readEnv("AWS_SECRET_ACCESS_KEY");
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = readEnv("AWS_SESSION_TOKEN");
  return sessionToken
    ? { accessKeyId, secretAccessKey, sessionToken }
    : { accessKeyId, secretAccessKey };
}

/** The chain's own message, first line only: enough to act on, never a credential. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.slice(0, 300);
}
