import { describe, expect, it } from "vitest";
import * as schemas from "../src/generated/schemas.js";
import {
  BOOLEAN,
  integer,
  list,
  map,
  number,
  SECRET_STRING,
  STRING,
  sensitive,
  string,
  structure,
} from "../src/runtime/schema.js";

describe("schema constructors", () => {
  it("build the documented objects", () => {
    const name = string(1, 64, /^\w+$/u);
    expect(name).toEqual({ kind: "string", length: { min: 1, max: 64 }, pattern: /^\w+$/u });
    expect(string(undefined, 9)).toEqual({ kind: "string", length: { max: 9 } });
    expect(integer(1, 60)).toEqual({ kind: "number", integer: true, range: { min: 1, max: 60 } });
    expect(number(0)).toEqual({ kind: "number", range: { min: 0 } });
    expect(list(name, 1, 400)).toEqual({
      kind: "list",
      member: name,
      length: { min: 1, max: 400 },
    });
    expect(map(STRING, name)).toEqual({ kind: "map", key: STRING, value: name });
    expect(structure({ A: name, B: BOOLEAN }, ["A"])).toEqual({
      kind: "structure",
      members: { A: name, B: BOOLEAN },
      required: ["A"],
    });
  });

  it("mark a copy sensitive, leaving the original as it was", () => {
    const token = string(1, 50000);
    expect(sensitive(token)).toEqual({ ...token, sensitive: true });
    expect(token.sensitive).toBeUndefined();
    expect(sensitive(STRING)).toEqual(SECRET_STRING);
  });
});

describe("the generated schemas", () => {
  it("share identical schemas and keep what each shape needs", () => {
    expect(schemas.IdentityPoolId$).toBe(schemas.IdentityId$);
    expect(schemas.SessionTokenString$).toBe(SECRET_STRING);
    expect(schemas.GetIdInput$).toEqual({
      kind: "structure",
      members: {
        AccountId: string(1, 15, /^\d+$/u),
        IdentityPoolId: schemas.IdentityId$,
        Logins: map(string(1, 128), sensitive(string(1, 50000)), 0, 10),
      },
      required: ["IdentityPoolId"],
    });
  });
});
