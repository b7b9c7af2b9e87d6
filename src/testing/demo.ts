/**
 * `npm run demo`: a walk through the SDK, step by step, against the local Cognito Identity
 * service it starts itself, so it runs on a fresh machine with no AWS account.
 *
 *   npm run demo                          start the local service and walk through the SDK
 *   npm run demo -- --endpoint URL        the same walk against another endpoint
 *   npm run demo -- --live                read-only: list the identity pools of the real
 *                                         service (AWS_REGION and AWS credentials from the
 *                                         environment)
 */
import { parseArgs } from "node:util";
import {
  CognitoIdentity,
  type CognitoIdentityClientConfig,
  isCognitoIdentityError,
  paginateListIdentityPools,
} from "../index.js";
import { startLocalCognitoIdentity } from "./index.js";

const USAGE = `Usage: npm run demo [-- --endpoint URL [--account-id ID] | --live]

  (no options)       start a local Cognito Identity service and walk through the SDK
  --endpoint URL     walk through the SDK against that endpoint instead
  --account-id ID    the account in identity pool ARNs at --endpoint (default 123456789012)
  --live             list the identity pools of the real service, read-only; needs
                     AWS_REGION and AWS credentials in the environment`;

const LOCAL_CREDENTIALS = { accessKeyId: "AKIDLOCAL", secretAccessKey: "local" };
const DEVELOPER_PROVIDER = "login.demo.app";

interface Target {
  readonly label: string;
  readonly config: CognitoIdentityClientConfig;
  readonly region: string;
  readonly accountId: string;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      endpoint: { type: "string" },
      "account-id": { type: "string", default: "123456789012" },
      live: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.live) {
    if (values.endpoint !== undefined)
      throw new UsageError("--live and --endpoint exclude each other.");
    await listLivePools();
    return;
  }
  if (values.endpoint !== undefined) {
    const region = process.env.AWS_REGION ?? "us-east-1";
    const credentials = process.env.AWS_ACCESS_KEY_ID ? undefined : LOCAL_CREDENTIALS;
    await walk({
      label: `endpoint ${values.endpoint} (${region})`,
      config: { region, endpoint: values.endpoint, ...(credentials ? { credentials } : {}) },
      region,
      accountId: values["account-id"],
    });
    return;
  }
  const local = await startLocalCognitoIdentity();
  try {
    await walk({
      label: `local Cognito Identity service at ${local.endpoint} (${local.region})`,
      config: { region: local.region, endpoint: local.endpoint, credentials: LOCAL_CREDENTIALS },
      region: local.region,
      accountId: local.accountId,
    });
  } finally {
    await local.close();
  }
}

/** The whole walk: every step uses the SDK exactly as an app would. */
async function walk(target: Target): Promise<void> {
  console.log(`Cognito Identity SDK demo: ${target.label}\n`);
  const ci = new CognitoIdentity(target.config);
  const created: string[] = [];
  try {
    step(1, "Create three identity pools");
    const app = await ci.createIdentityPool({
      IdentityPoolName: "demo-app",
      AllowUnauthenticatedIdentities: true,
      DeveloperProviderName: DEVELOPER_PROVIDER,
    });
    created.push(app.IdentityPoolId);
    show("CreateIdentityPool demo-app", `${app.IdentityPoolId} (guests allowed)`);
    for (const name of ["demo-partners", "demo-staff"]) {
      const pool = await ci.createIdentityPool({
        IdentityPoolName: name,
        AllowUnauthenticatedIdentities: false,
      });
      created.push(pool.IdentityPoolId);
      show(`CreateIdentityPool ${name}`, pool.IdentityPoolId);
    }

    step(2, "Iterate over the identity pools with the paginator, two per page");
    let pageNumber = 0;
    for await (const page of paginateListIdentityPools({ client: ci, pageSize: 2 }, {})) {
      pageNumber += 1;
      const pools = page.IdentityPools ?? [];
      const ours = pools.filter((pool) => created.includes(pool.IdentityPoolId ?? ""));
      const others = pools.length - ours.length;
      const names = ours.map((pool) => pool.IdentityPoolName).join(", ") || "-";
      show(`page ${pageNumber}`, others > 0 ? `${names} (+${others} other pools)` : names);
    }

    step(3, "Set the roles of demo-app");
    const roles = {
      authenticated: `arn:aws:iam::${target.accountId}:role/DemoAuthenticated`,
      unauthenticated: `arn:aws:iam::${target.accountId}:role/DemoGuest`,
    };
    await ci.setIdentityPoolRoles({ IdentityPoolId: app.IdentityPoolId, Roles: roles });
    const { Roles } = await ci.getIdentityPoolRoles({ IdentityPoolId: app.IdentityPoolId });
    check(Roles?.unauthenticated === roles.unauthenticated, "GetIdentityPoolRoles lost a role");
    for (const [kind, arn] of Object.entries(Roles ?? {})) show(`${kind} role`, arn);

    step(4, "Get a guest identity and its credentials (unsigned calls)");
    const { IdentityId: guest } = await ci.getId({ IdentityPoolId: app.IdentityPoolId });
    show("GetId", `${guest}`);
    const { Credentials } = await ci.getCredentialsForIdentity({ IdentityId: guest! });
    const expires = Credentials?.Expiration?.toISOString();
    show(
      "GetCredentialsForIdentity",
      `key ${Credentials?.AccessKeyId}, secret (hidden), expires ${expires}`,
    );

    step(5, "Developer identities: register two users, look one up, merge them");
    const alice = await registerDeveloperUser(ci, app.IdentityPoolId, "alice");
    const bob = await registerDeveloperUser(ci, app.IdentityPoolId, "bob");
    const lookup = await ci.lookupDeveloperIdentity({
      IdentityPoolId: app.IdentityPoolId,
      DeveloperUserIdentifier: "alice",
    });
    check(lookup.IdentityId === alice, "LookupDeveloperIdentity found another identity for alice");
    show("LookupDeveloperIdentity alice", `${lookup.IdentityId}`);
    const merged = await ci.mergeDeveloperIdentities({
      IdentityPoolId: app.IdentityPoolId,
      DeveloperProviderName: DEVELOPER_PROVIDER,
      SourceUserIdentifier: "bob",
      DestinationUserIdentifier: "alice",
    });
    check(merged.IdentityId === alice, "MergeDeveloperIdentities kept another identity");
    show("MergeDeveloperIdentities bob into alice", `${merged.IdentityId} (${bob} is gone)`);
    const users = await ci.lookupDeveloperIdentity({
      IdentityPoolId: app.IdentityPoolId,
      IdentityId: alice,
    });
    const list = users.DeveloperUserIdentifierList ?? [];
    check(list.includes("alice") && list.includes("bob"), "the merged identity lacks a user");
    show("LookupDeveloperIdentity by id", `users [${list.join(", ")}]`);

    step(6, "Tag and untag demo-app");
    const arn = `arn:aws:cognito-identity:${target.region}:${target.accountId}:identitypool/${app.IdentityPoolId}`;
    await ci.tagResource({ ResourceArn: arn, Tags: { stage: "demo", owner: "sdk-team" } });
    show("TagResource", formatTags((await ci.listTagsForResource({ ResourceArn: arn })).Tags));
    await ci.untagResource({ ResourceArn: arn, TagKeys: ["owner"] });
    const { Tags } = await ci.listTagsForResource({ ResourceArn: arn });
    check(Tags?.owner === undefined && Tags?.stage === "demo", "UntagResource left the wrong tags");
    show("UntagResource owner", formatTags(Tags));

    step(7, "Handle a modelled error");
    const missing = `${target.region}:00000000-0000-0000-0000-000000000000`;
    try {
      await ci.describeIdentityPool({ IdentityPoolId: missing });
      throw new Error(`DescribeIdentityPool found ${missing}, which should not exist`);
    } catch (error) {
      if (!isCognitoIdentityError(error, "ResourceNotFoundException")) throw error;
      const { httpStatusCode, requestId } = error.$metadata;
      show("DescribeIdentityPool (no such pool)", `${error.name}, HTTP ${httpStatusCode}`);
      show("request id", `${requestId}`);
    }
  } finally {
    step(8, "Clean up");
    for (const id of created) await ci.deleteIdentityPool({ IdentityPoolId: id });
    show("DeleteIdentityPool", `deleted ${created.length} identity pools`);
    ci.destroy();
  }
  console.log("\nDone: every step succeeded.");
}

/** The app's backend vouches for a user; shows the identity and when its token expires. */
async function registerDeveloperUser(
  ci: CognitoIdentity,
  poolId: string,
  user: string,
): Promise<string> {
  const { IdentityId, Token } = await ci.getOpenIdTokenForDeveloperIdentity({
    IdentityPoolId: poolId,
    Logins: { [DEVELOPER_PROVIDER]: user },
    TokenDuration: 3600,
  });
  // The token is a secret: show only when it expires.
  show(`GetOpenIdTokenForDeveloperIdentity ${user}`, `${IdentityId}`);
  show("   token", `(hidden), expires ${tokenExpiry(Token)}`);
  return IdentityId!;
}

/** Read-only, against the real service: every identity pool of the account and Region. */
async function listLivePools(): Promise<void> {
  const ci = new CognitoIdentity();
  const region = await ci.config.region();
  console.log(`Cognito Identity SDK demo: the real service in ${region} (read-only)\n`);
  step(1, "List identity pools with the paginator");
  let count = 0;
  for await (const page of paginateListIdentityPools({ client: ci }, {})) {
    for (const pool of page.IdentityPools ?? []) {
      count += 1;
      show(pool.IdentityPoolName ?? "(no name)", pool.IdentityPoolId ?? "");
    }
  }
  show("total", `${count} identity pools`);
  ci.destroy();
  console.log("\nDone.");
}

function step(n: number, title: string): void {
  console.log(`${n}. ${title}`);
}

function show(call: string, result: string): void {
  console.log(`   ${call} → ${result}`);
}

/** The demo checks what it shows, so a wrong answer fails it instead of scrolling past. */
function check(condition: boolean, problem: string): void {
  if (!condition) throw new Error(problem);
}

function formatTags(tags: Record<string, string> | undefined): string {
  return `{ ${Object.entries(tags ?? {})
    .map(([key, value]) => `${key}: ${value}`)
    .join(", ")} }`;
}

function tokenExpiry(token: string | undefined): string {
  try {
    const payload = JSON.parse(
      Buffer.from(token?.split(".")[1] ?? "", "base64url").toString("utf8"),
    );
    return new Date(payload.exp * 1000).toISOString();
  } catch {
    return "(unknown)";
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
  ) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { name, message } = error as Error;
  console.error(`\nThe demo failed: ${name}: ${message}`);
  process.exitCode = 1;
});
