import { describe, expect, it } from "vitest";
import { linkedController, onAbort, untilAborted } from "../../src/runtime/signals.js";

describe("abort plumbing", () => {
  it("onAbort fires once, at once for an aborted signal, and not after the undo", () => {
    const calls: string[] = [];
    const done = new AbortController();
    done.abort();
    onAbort(done.signal, () => calls.push("already"));
    const later = new AbortController();
    const undo = onAbort(later.signal, () => calls.push("later"));
    const undone = new AbortController();
    onAbort(undone.signal, () => calls.push("undone"))();
    later.abort();
    later.abort();
    undone.abort();
    undo();
    expect(calls).toEqual(["already", "later"]);
  });

  it("onAbort chains onto a signal that only has onabort", () => {
    const calls: string[] = [];
    const signal = { aborted: false, onabort: () => calls.push("previous") } as {
      aborted: boolean;
      onabort: () => void;
    };
    onAbort(signal, () => calls.push("ours"));
    signal.onabort();
    expect(calls).toEqual(["previous", "ours"]);
  });

  it("linkedController aborts with the first parent's reason, and detaches on undo", () => {
    const parent = new AbortController();
    const [child, unlink] = linkedController([new AbortController().signal, parent.signal]);
    parent.abort("why");
    expect(child.signal).toMatchObject({ aborted: true, reason: "why" });
    const other = new AbortController();
    const [detached, undo] = linkedController([other.signal]);
    undo();
    other.abort();
    expect(detached.signal.aborted).toBe(false);
    unlink();
  });

  it("linkedController aborts after its timeout, unless undone first", async () => {
    const [timed] = linkedController([], 5);
    const [cleared, clear] = linkedController([], 5);
    clear();
    const [untimed] = linkedController([], 0);
    // Beyond what a timer can hold (it would fire at once): no timeout.
    const [tooLong, stopTooLong] = linkedController([], 2 ** 31);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(timed.signal.aborted).toBe(true);
    expect(cleared.signal.aborted).toBe(false);
    expect(untimed.signal.aborted).toBe(false);
    expect(tooLong.signal.aborted).toBe(false);
    stopTooLong();
  });

  it("untilAborted settles like the promise, or rejects with the signal's reason", async () => {
    await expect(untilAborted(Promise.resolve(1))).resolves.toBe(1);
    const controller = new AbortController();
    await expect(untilAborted(Promise.reject(new Error("no")), controller.signal)).rejects.toThrow(
      "no",
    );
    const pending = untilAborted(new Promise(() => {}), controller.signal);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
  });
});
