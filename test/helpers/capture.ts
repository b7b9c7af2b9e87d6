import { HttpResponse } from "@smithy/protocol-http";
import type { HttpRequest } from "@smithy/types";

export interface CannedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * A request handler that records every request and answers from a list (the last answer
 * repeats), so tests can look at exactly what the client sent without any network.
 */
export function captureHandler(...answers: CannedResponse[]) {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async handle(request: HttpRequest) {
      requests.push(request);
      const answer = answers[Math.min(requests.length - 1, answers.length - 1)] ?? {};
      return {
        response: new HttpResponse({
          statusCode: answer.status ?? 200,
          headers: {
            "content-type": "application/x-amz-json-1.1",
            "x-amzn-requestid": "test-request-id",
            ...answer.headers,
          },
          body: new TextEncoder().encode(answer.body ?? "{}"),
        }),
      };
    },
  };
}

/** A JSON answer. */
export function json(body: unknown, status = 200): CannedResponse {
  return { status, body: JSON.stringify(body) };
}
