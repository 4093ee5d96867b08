/**
 * Ack, then give way to the requests already waiting.
 *
 * Slack wants the ack within 3 s; the work after it (queries on better-sqlite3, which are synchronous,
 * formatting, Block Kit) runs on the same event loop. Node runs promise continuations right after each
 * I/O callback, so without a break one command's whole after-ack work would run before the next request
 * that arrived in the same instant is even read: a burst of ten commands would ack the tenth only after
 * nine commands' work.
 *
 * So after its ack a listener waits its turn: one waiting listener resumes per turn of the event loop
 * (a setImmediate chain), and every turn first reads and acks whatever requests have arrived. A plain
 * `await setImmediate()` per listener is not enough: Node runs all immediates queued before a check phase
 * together, which would put a burst's deferred work back to back. See bench/README.md, figure 1.
 */
const waiting: Array<() => void> = [];
let turnScheduled = false;

const nextTurn = (): void => {
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(nextTurn);
  else turnScheduled = false;
};

/** Resolves on a later turn of the event loop, after requests already readable have been handled. */
export const waitTurn = (): Promise<void> =>
  new Promise((resolve) => {
    waiting.push(resolve);
    if (!turnScheduled) {
      turnScheduled = true;
      setImmediate(nextTurn);
    }
  });

export const ackThenYield = async (ack: () => Promise<void>): Promise<void> => {
  await ack();
  await waitTurn();
};
