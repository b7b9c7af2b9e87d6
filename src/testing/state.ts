import type { IdentityPool, RoleMapping } from "../generated/types.js";
import { conflict, notFound } from "./errors.js";
import { newRegionalId } from "./ids.js";
import { PageTokens } from "./pages.js";
import { TokenIssuer } from "./tokens.js";

/** A pool's settings as UpdateIdentityPool replaces them: everything but its ID and tags. */
export type PoolSettings = Omit<IdentityPool, "IdentityPoolId" | "IdentityPoolTags">;

export interface PrincipalTagMap {
  readonly useDefaults: boolean;
  readonly tags: ReadonlyMap<string, string>;
}

export interface PoolRecord {
  readonly seq: number;
  readonly id: string;
  settings: PoolSettings;
  /** Maps, not objects: keys come from users (`__proto__` is a valid tag key). */
  readonly tags: Map<string, string>;
  readonly roles: Map<string, string>;
  roleMappings: Map<string, RoleMapping>;
  readonly principalTagMaps: Map<string, PrincipalTagMap>;
}

/** One login linked to an identity: a user (`subject`) of a login provider. */
export interface LinkedLogin {
  readonly seq: number;
  readonly provider: string;
  readonly subject: string;
}

export interface IdentityRecord {
  readonly seq: number;
  readonly id: string;
  readonly poolId: string;
  readonly created: Date;
  modified: Date;
  readonly logins: LinkedLogin[];
  /** Set when the last linked login is removed: the identity can no longer be used. */
  disabled: boolean;
}

/** Limits of the account; lower them to reach LimitExceededException in tests. */
export interface Limits {
  /** Identity pools per account. @default 1000 */
  readonly identityPools: number;
}

/** Everything the local service remembers; `reset()` replaces it with a fresh one. */
export class ServiceState {
  readonly pools = new Map<string, PoolRecord>();
  readonly identities = new Map<string, IdentityRecord>();
  /** Which identity each login belongs to, keyed by pool, provider and subject. */
  private readonly links = new Map<string, IdentityRecord>();
  private lastSeq = 0;
  readonly pages = new PageTokens();
  readonly tokens = new TokenIssuer();

  constructor(
    readonly region: string,
    readonly accountId: string,
    readonly limits: Limits,
  ) {}

  pool(id: string): PoolRecord {
    const pool = this.pools.get(id);
    if (!pool) throw notFound(`Identity pool ${id} was not found.`);
    return pool;
  }

  identity(id: string): IdentityRecord {
    const identity = this.identities.get(id);
    if (!identity) throw notFound(`Identity ${id} was not found.`);
    return identity;
  }

  /** An identity that must belong to `pool`: one of another pool is not found there. */
  identityIn(pool: PoolRecord, id: string): IdentityRecord {
    const identity = this.identities.get(id);
    if (!identity || identity.poolId !== pool.id) {
      throw notFound(`Identity ${id} was not found in identity pool ${pool.id}.`);
    }
    return identity;
  }

  addPool(settings: PoolSettings, tags: Map<string, string>): PoolRecord {
    const pool: PoolRecord = {
      seq: this.nextSeq(),
      id: newRegionalId(this.region),
      settings,
      tags,
      roles: new Map(),
      roleMappings: new Map(),
      principalTagMaps: new Map(),
    };
    this.pools.set(pool.id, pool);
    return pool;
  }

  deletePool(pool: PoolRecord): void {
    for (const identity of this.identitiesOf(pool)) this.deleteIdentity(identity);
    this.pools.delete(pool.id);
  }

  /** The pool's identities, oldest first. */
  identitiesOf(pool: PoolRecord): IdentityRecord[] {
    return [...this.identities.values()].filter((identity) => identity.poolId === pool.id);
  }

  addIdentity(pool: PoolRecord): IdentityRecord {
    const now = new Date();
    const identity: IdentityRecord = {
      seq: this.nextSeq(),
      id: newRegionalId(this.region),
      poolId: pool.id,
      created: now,
      modified: now,
      logins: [],
      disabled: false,
    };
    this.identities.set(identity.id, identity);
    return identity;
  }

  deleteIdentity(identity: IdentityRecord): void {
    for (const login of identity.logins) this.links.delete(linkKey(identity.poolId, login));
    this.identities.delete(identity.id);
  }

  /** The identity a login is linked to, if any. */
  linkedIdentity(
    pool: PoolRecord,
    login: { provider: string; subject: string },
  ): IdentityRecord | undefined {
    return this.links.get(linkKey(pool.id, login));
  }

  /**
   * Links logins to an identity, all or none. An identity holds one user per provider,
   * except for the pool's developer provider, whose users can be merged into one identity.
   */
  link(
    identity: IdentityRecord,
    logins: readonly { provider: string; subject: string }[],
    developerProvider?: string,
  ): void {
    const added: { provider: string; subject: string }[] = [];
    for (const login of logins) {
      const owner = this.links.get(linkKey(identity.poolId, login));
      if (owner === identity) continue;
      if (owner) throw conflict(`The ${login.provider} login is linked to another identity.`);
      const sameProvider = [...identity.logins, ...added].some(
        (linked) => linked.provider === login.provider,
      );
      if (sameProvider && login.provider !== developerProvider) {
        throw conflict(
          `Identity ${identity.id} is already linked to another ${login.provider} user.`,
        );
      }
      added.push(login);
    }
    if (added.length === 0) return;
    for (const login of added) {
      identity.logins.push({
        seq: this.nextSeq(),
        provider: login.provider,
        subject: login.subject,
      });
      this.links.set(linkKey(identity.poolId, login), identity);
    }
    identity.modified = new Date();
    identity.disabled = false;
  }

  /** Removes the logins that `matches` selects; an identity left with none is disabled. */
  unlink(identity: IdentityRecord, matches: (login: LinkedLogin) => boolean): void {
    const kept = identity.logins.filter((login) => !matches(login));
    if (kept.length === identity.logins.length) return;
    for (const login of identity.logins) {
      if (matches(login)) this.links.delete(linkKey(identity.poolId, login));
    }
    identity.logins.splice(0, identity.logins.length, ...kept);
    identity.modified = new Date();
    if (kept.length === 0) identity.disabled = true;
  }

  private nextSeq(): number {
    this.lastSeq += 1;
    return this.lastSeq;
  }
}

function linkKey(poolId: string, login: { provider: string; subject: string }): string {
  return JSON.stringify([poolId, login.provider, login.subject]);
}
