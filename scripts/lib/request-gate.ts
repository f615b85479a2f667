/**
 * Admits at most `limit` requests into the app at once; the rest wait, first come first served.
 *
 * Each request being rendered holds its own data, element tree and output buffers on the
 * JavaScript heap, so a process that takes every request as it arrives grows with the number of
 * clients (50 clients that never pause took a server process past 600 MiB). A few requests at a
 * time keep both cores busy just as well, because rendering is CPU work; the waiting ones cost a
 * socket and a closure each. A request whose client left while it waited is never started.
 *
 * A request is admitted only once its whole body has arrived (scripts/lib/request-body.ts), so a
 * place is only ever held by work the app can do now, never by a client that is slow to send.
 */
export interface RequestGate {
  /** Runs `start` once a place is free; `start` gets the function that gives the place back. */
  admit(start: (release: () => void) => void, abandoned?: () => boolean): void;
  /** Requests being handled and waiting, for tests and diagnostics. */
  readonly active: number;
  readonly waiting: number;
}

export function createRequestGate(limit: number): RequestGate {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`A request gate needs a limit of 1 or more, not ${limit}.`);
  let active = 0;
  const queue: { start: (release: () => void) => void; abandoned?: () => boolean }[] = [];

  function run(start: (release: () => void) => void) {
    active += 1;
    let released = false;
    start(() => {
      // Release is idempotent: a response can report both its end and its connection's close.
      if (released) return;
      released = true;
      active -= 1;
      next();
    });
  }

  function next() {
    while (active < limit && queue.length > 0) {
      const entry = queue.shift()!;
      if (entry.abandoned?.()) continue;
      run(entry.start);
    }
  }

  return {
    admit(start, abandoned) {
      if (active < limit) run(start);
      else queue.push({ start, abandoned });
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
