import { ConfigurationError } from "./errors.js";

const LINE_BREAK = /[\r\n\0]/;

/**
 * Refuses a header value with CR, LF or NUL, which could end the header early and smuggle in
 * another (and which `fetch` rejects with the value in its message). The error names the header
 * but never repeats the value: headers carry credentials.
 */
export function assertHeaderValue(name: string, value: string): string {
  if (LINE_BREAK.test(value)) {
    throw new ConfigurationError(
      name,
      `The "${name}" header contains a line break (CR or LF) or NUL; the request was not sent.`,
    );
  }
  return value;
}

/** Checks every value of a set of headers with `assertHeaderValue` and returns the same set. */
export function checkedHeaders<H extends Record<string, string>>(headers: H): H {
  for (const name of Object.keys(headers)) assertHeaderValue(name, headers[name]!);
  return headers;
}
