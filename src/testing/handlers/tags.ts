import type {
  ListTagsForResourceInput,
  ListTagsForResourceResponse,
  TagResourceInput,
  TagResourceResponse,
  UntagResourceInput,
  UntagResourceResponse,
} from "../../generated/types.js";
import { invalidParameter, notFound } from "../errors.js";
import { parsePoolArn } from "../ids.js";
import type { PoolRecord, ServiceState } from "../state.js";
import type { Handler } from "./handler.js";

/** "An identity pool can have as many as 50 tags." */
const MAX_TAGS_PER_POOL = 50;

export const tagResource: Handler<TagResourceInput, TagResourceResponse> = (input, state) => {
  const pool = poolOfArn(state, input.ResourceArn);
  const tags = new Map(pool.tags);
  for (const [key, value] of Object.entries(input.Tags)) tags.set(key, value);
  checkTags(tags);
  for (const [key, value] of tags) pool.tags.set(key, value);
  return {};
};

export const untagResource: Handler<UntagResourceInput, UntagResourceResponse> = (input, state) => {
  const pool = poolOfArn(state, input.ResourceArn);
  for (const key of input.TagKeys) pool.tags.delete(key);
  return {};
};

export const listTagsForResource: Handler<ListTagsForResourceInput, ListTagsForResourceResponse> = (
  input,
  state,
) => ({ Tags: Object.fromEntries(poolOfArn(state, input.ResourceArn).tags) });

/** Tags as a pool keeps them, after checking the service's rules for tags. */
export function tagsOf(tags: Readonly<Record<string, string>> | undefined): Map<string, string> {
  const map = new Map(Object.entries(tags ?? {}));
  checkTags(map);
  return map;
}

function checkTags(tags: ReadonlyMap<string, string>): void {
  if (tags.size > MAX_TAGS_PER_POOL) {
    throw invalidParameter(
      `An identity pool can have at most ${MAX_TAGS_PER_POOL} tags; this would make ${tags.size}.`,
    );
  }
  for (const key of tags.keys()) {
    // AWS keeps the aws: prefix for its own tags.
    if (key.toLowerCase().startsWith("aws:")) {
      throw invalidParameter(`Tag key ${key} uses the reserved prefix aws:.`);
    }
  }
}

/** The pool an ARN names: a malformed ARN is a bad parameter, an unknown pool is not found. */
function poolOfArn(state: ServiceState, arn: string): PoolRecord {
  const parts = parsePoolArn(arn);
  if (!parts) throw invalidParameter(`${arn} is not an identity pool ARN.`);
  const pool = state.pools.get(parts.poolId);
  if (!pool || parts.region !== state.region || parts.accountId !== state.accountId) {
    throw notFound(`No identity pool has the ARN ${arn}.`);
  }
  return pool;
}
