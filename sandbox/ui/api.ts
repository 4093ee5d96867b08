/// <reference lib="dom" />
/** The browser's side of /sandbox/api/*: JSON posts, the snapshot and the live event stream. */
import type { Snapshot } from '../shared/types.js';

export const getState = async (): Promise<Snapshot> => {
  const res = await fetch('/sandbox/api/state', { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET /sandbox/api/state: ${res.status}`);
  return (await res.json()) as Snapshot;
};

/** POSTs JSON; throws with the server's error message on a non-2xx answer. */
export const post = async <T = Record<string, unknown>>(path: string, body: unknown): Promise<T> => {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(json.error ?? `${path}: HTTP ${res.status}`);
  return json;
};

export type Live = {
  onSnapshot: (snap: Snapshot) => void;
  onError: (err: unknown) => void;
  /** Whether the event stream is connected. */
  onStatus: (up: boolean) => void;
};

/**
 * Fetches the snapshot now and after every `change` on the event stream. Changes arriving during a fetch
 * lead to one more fetch, not one each. Resolves after the first snapshot.
 */
export const liveSnapshot = (live: Live): Promise<void> => {
  let fetching = false;
  let again = false;
  const refresh = async () => {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    try {
      do {
        again = false;
        live.onSnapshot(await getState());
      } while (again);
    } catch (err) {
      live.onError(err);
    } finally {
      fetching = false;
    }
  };
  const source = new EventSource('/sandbox/api/events');
  source.addEventListener('change', () => {
    live.onStatus(true);
    void refresh();
  });
  source.addEventListener('open', () => live.onStatus(true));
  source.addEventListener('error', () => live.onStatus(false));
  return refresh();
};
