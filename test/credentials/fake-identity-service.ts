import { HttpResponse, http, type JsonBodyType } from "msw";

export const REGION = "us-east-1";
export const ENDPOINT = `https://cognito-identity.${REGION}.amazonaws.com/`;
export const POOL_ID = `${REGION}:00000000-0000-0000-0000-0000000000aa`;

/** One request the fake service received. */
export interface Call {
  operation: string;
  url: string;
  headers: Headers;
  /** The body as sent, for checking signatures. */
  text: string;
  body: Record<string, any>;
}

type Answer = () => Response;

/** An identity id in the service's format, numbered so tests can tell identities apart. */
export const identityId = (n: number) =>
  `${REGION}:00000000-0000-0000-0000-${n.toString(16).padStart(12, "0")}`;

/** A modelled error response, as the service sends it. */
export const serviceError =
  (name: string, status = 400) =>
  () =>
    HttpResponse.json(
      { __type: name, message: `${name} from the fake service` },
      { status, headers: { "content-type": "application/x-amz-json-1.1" } },
    );

/** A request that never gets an HTTP response (connection refused, offline). */
export const networkError = () => () => HttpResponse.error();

/**
 * Amazon Cognito Identity as far as the credentials providers use it: GetId hands out
 * numbered identities (one per login provider set for signed-in users, a new one per call
 * for guests) and GetCredentialsForIdentity issues numbered credentials valid for an hour.
 * `queue` makes the next calls of an operation answer differently.
 */
export function fakeIdentityService() {
  const calls: Call[] = [];
  const queued = new Map<string, Answer[]>();
  const signedInIds = new Map<string, string>();
  let identities = 0;
  let issued = 0;

  const answer = (operation: string, body: Record<string, any>): Response => {
    const next = queued.get(operation)?.shift();
    if (next) return next();
    switch (operation) {
      case "GetId": {
        if (!body.Logins) return json({ IdentityId: identityId(++identities) });
        const owner = Object.keys(body.Logins).sort().join(",");
        if (!signedInIds.has(owner)) signedInIds.set(owner, identityId(++identities));
        return json({ IdentityId: signedInIds.get(owner) });
      }
      case "GetCredentialsForIdentity": {
        issued += 1;
        return json({
          IdentityId: body.IdentityId,
          Credentials: {
            AccessKeyId: `ASIAFAKE${issued}`,
            SecretKey: `secret-key-${issued}`,
            SessionToken: `session-token-${issued}`,
            Expiration: Date.now() / 1000 + 3600,
          },
        });
      }
      case "DescribeIdentityPool":
        return json({
          IdentityPoolId: body.IdentityPoolId,
          IdentityPoolName: "fake",
          AllowUnauthenticatedIdentities: true,
        });
      default:
        return serviceError("InvalidParameterException")();
    }
  };

  const handler = http.post(ENDPOINT, async ({ request }) => {
    const operation = (request.headers.get("x-amz-target") ?? "").split(".")[1] ?? "";
    const text = await request.text();
    const body = text ? (JSON.parse(text) as Record<string, any>) : {};
    calls.push({ operation, url: request.url, headers: request.headers, text, body });
    return answer(operation, body);
  });

  return {
    handler,
    calls,
    /** The operations called so far, in order. */
    operations: () => calls.map((call) => call.operation),
    count: (operation: string) => calls.filter((call) => call.operation === operation).length,
    /** Makes the next calls of `operation` answer with `answers`, one each, in order. */
    queue(operation: string, ...answers: Answer[]) {
      queued.set(operation, [...(queued.get(operation) ?? []), ...answers]);
    },
  };
}

function json(body: JsonBodyType): Response {
  return HttpResponse.json(body, {
    headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "fake-id" },
  });
}
