import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { invalidParameter } from "./errors.js";

/** Anything listed in pages: records carry an increasing sequence number. */
export interface Sequenced {
  readonly seq: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/**
 * Cuts lists into pages with opaque `NextToken`s. A token says "continue after item N" and
 * is bound, by a MAC, to the list it came from and to this server's lifetime: a token from
 * another list, a tampered token or one from before `reset()` is rejected the way the
 * service rejects a bad parameter. Continuing after an item (rather than at an offset)
 * keeps pages consistent when items are deleted between calls.
 */
export class PageTokens {
  private readonly secret = randomBytes(32);

  /**
   * One page of `items` (sorted by `seq`), for the list named `scope`, starting after the
   * item `token` points to.
   */
  page<T extends Sequenced>(
    items: readonly T[],
    scope: string,
    maxResults: number,
    token: string | undefined,
  ): Page<T> {
    const after = token === undefined ? -1 : this.read(token, scope);
    const rest = items.filter((item) => item.seq > after);
    const pageItems = rest.slice(0, maxResults);
    const last = pageItems.at(-1);
    if (rest.length <= maxResults || last === undefined) return { items: pageItems };
    return { items: pageItems, nextToken: this.write(last.seq, scope) };
  }

  private write(after: number, scope: string): string {
    return Buffer.from(`${after}.${this.mac(after, scope)}`).toString("base64url");
  }

  private read(token: string, scope: string): number {
    const [after, mac] = Buffer.from(token, "base64url").toString("utf8").split(".");
    const seq = Number(after);
    if (Number.isSafeInteger(seq) && mac !== undefined) {
      const expected = Buffer.from(this.mac(seq, scope));
      const given = Buffer.from(mac);
      if (given.length === expected.length && timingSafeEqual(given, expected)) return seq;
    }
    throw invalidParameter("The pagination token is not valid for this request.");
  }

  private mac(after: number, scope: string): string {
    return createHmac("sha256", this.secret).update(`${scope}\n${after}`).digest("base64url");
  }
}
