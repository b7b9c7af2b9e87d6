/** The single-flight expiry cache on its own, with a controllable load and clock. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { reuseUntilExpiry } from "../src/runtime/refresh.js";

const NOW = new Date("2026-06-01T00:00:00Z").getTime();
const WINDOW = 60_000;

interface Value {
  readonly n: number;
  readonly expiration: Date;
}

/** A load whose calls stay pending until the test settles them, one by one. */
function controlledLoad() {
  const settles: { resolve: (value: Value) => void; reject: (error: unknown) => void }[] = [];
  let n = 0;
  const load = vi.fn(
    () =>
      new Promise<Value>((resolve, reject) => {
        settles.push({ resolve, reject });
      }),
  );
  return {
    load,
    /** Resolves the oldest pending load with a value that expires `inMs` from now. */
    resolve(inMs = 3_600_000) {
      settles.shift()!.resolve({ n: ++n, expiration: new Date(Date.now() + inMs) });
    },
    reject(error: unknown) {
      settles.shift()!.reject(error);
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe("reuseUntilExpiry", () => {
  it("shares one load among callers that arrive while it runs", async () => {
    const source = controlledLoad();
    const cache = reuseUntilExpiry(source.load, WINDOW);
    const calls = [cache.get(), cache.get(), cache.get()];
    source.resolve();
    const values = await Promise.all(calls);
    expect(source.load).toHaveBeenCalledOnce();
    expect(new Set(values).size).toBe(1);
  });

  it("reuses the value until the refresh window before its expiration", async () => {
    const source = controlledLoad();
    const cache = reuseUntilExpiry(source.load, WINDOW);
    const first = cache.get();
    source.resolve(10 * WINDOW);
    await first;

    vi.setSystemTime(NOW + 9 * WINDOW - 1);
    await expect(cache.get()).resolves.toMatchObject({ n: 1 });

    vi.setSystemTime(NOW + 9 * WINDOW);
    const second = cache.get();
    source.resolve();
    await expect(second).resolves.toMatchObject({ n: 2 });
    expect(source.load).toHaveBeenCalledTimes(2);
  });

  it("rejects every caller of a failed load and loads again on the next call", async () => {
    const source = controlledLoad();
    const cache = reuseUntilExpiry(source.load, WINDOW);
    const failed = [cache.get(), cache.get()];
    const boom = new Error("boom");
    source.reject(boom);
    for (const call of failed) await expect(call).rejects.toBe(boom);

    const next = cache.get();
    source.resolve();
    await expect(next).resolves.toMatchObject({ n: 1 });
    expect(source.load).toHaveBeenCalledTimes(2);
  });

  it("loads again when forced, even while the value is fresh", async () => {
    const source = controlledLoad();
    const cache = reuseUntilExpiry(source.load, WINDOW);
    const first = cache.get();
    source.resolve();
    await first;
    const forced = cache.get(true);
    source.resolve();
    await expect(forced).resolves.toMatchObject({ n: 2 });
  });

  it("after clear, neither a cached value nor a load already running is reused", async () => {
    const source = controlledLoad();
    const cache = reuseUntilExpiry(source.load, WINDOW);
    const stale = cache.get();
    const cleared = cache.clear();
    const fresh = cache.get();
    source.resolve();
    source.resolve();
    await cleared;
    await expect(stale).resolves.toMatchObject({ n: 1 });
    await expect(fresh).resolves.toMatchObject({ n: 2 });
    await expect(cache.get()).resolves.toMatchObject({ n: 2 });
    expect(source.load).toHaveBeenCalledTimes(2);
  });
});
