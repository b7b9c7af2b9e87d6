import { describe, expect, it } from "vitest";
import { DESCEND, fromWire, toWire, walk } from "../src/runtime/json-codec.js";
import { redact, redactHeaders, SENSITIVE_MARKER } from "../src/runtime/redact.js";
import {
  INTEGER,
  list,
  map,
  SECRET_STRING,
  STRING,
  string,
  structure,
  TIMESTAMP,
} from "../src/runtime/schema.js";

const item = structure({ Name: STRING, At: TIMESTAMP, Token: SECRET_STRING });
const schema = structure({ Items: list(item), Tags: map(STRING, STRING), Count: INTEGER });

describe("walk", () => {
  it("copies along the schema, leaving out unknown and unset members and entries", () => {
    const value = {
      Items: [{ Name: "a", Extra: 1 }, null],
      Tags: { k: "v", gone: null },
      Count: null,
      Unknown: true,
    };
    expect(walk(value, schema, (_v, _s, fits) => (fits ? DESCEND : _v))).toEqual({
      Items: [{ Name: "a" }, null],
      Tags: { k: "v" },
    });
  });

  it("reads own members only, so a polluted prototype is never sent", () => {
    const inherited = Object.create({ Count: 3 }) as object;
    expect(toWire(inherited, schema)).toEqual({});
  });

  it("lets the visitor decide what a value of the wrong type becomes", () => {
    const wrong = { Items: "not a list", Tags: ["not", "a", "map"] };
    expect(toWire(wrong, schema)).toEqual(wrong);
    expect(fromWire(wrong, schema)).toEqual({});
  });
});

describe("the wire codec", () => {
  it("turns dates into epoch seconds and back, dropping null list items from the wire", () => {
    const at = new Date(1700000000123);
    expect(toWire({ Items: [{ At: at }] }, schema)).toEqual({ Items: [{ At: 1700000000.123 }] });
    expect(fromWire({ Items: [{ At: 1700000000.123 }, null] }, schema)).toEqual({
      Items: [{ At: at }],
    });
    expect(fromWire({ Items: [{ At: "soon" }] }, schema)).toEqual({ Items: [{}] });
  });
});

describe("redact", () => {
  it("adds the strings it hides to the secrets it is given", () => {
    const secrets: string[] = [];
    const value = { Items: [{ Name: "a", Token: "t-1" }], Tags: { k: "v" } };
    expect(redact(value, schema, secrets)).toEqual({
      Items: [{ Name: "a", Token: SENSITIVE_MARKER }],
      Tags: { k: "v" },
    });
    expect(secrets).toEqual(["t-1"]);
  });

  it("collects every string of a hidden value of the wrong type", () => {
    const secrets: string[] = [];
    const logins = map(string(1, 9), SECRET_STRING);
    expect(redact(["a", { b: "c" }], logins, secrets)).toBe(SENSITIVE_MARKER);
    expect(secrets).toEqual(["a", "c"]);
  });

  it("adds the credentials of the headers it hides to the secrets it is given", () => {
    const secrets: string[] = [];
    redactHeaders(
      {
        Authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/x/aws4_request",
        "Proxy-Authorization": "Basic abc",
        "X-Amz-Security-Token": "session",
        "x-amz-target": "Svc.Op",
      },
      secrets,
    );
    expect(secrets).toEqual([
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/x/aws4_request",
      "AKIDEXAMPLE",
      "Basic abc",
      "session",
    ]);
  });
});
