import { useSyncExternalStore } from 'react';

/**
 * A small external store: state that must outlive the components showing it. The Import
 * screen keeps its files, mapping and running job here, because the workspace remounts every
 * screen when the database changes (an import ending is such a change) and the user may look
 * at other screens while a long import runs.
 */
export interface Store<T> {
  get(): T;
  set(patch: Partial<T> | ((state: T) => Partial<T>)): void;
  subscribe(listener: () => void): () => void;
  reset(): void;
}

export function createStore<T extends object>(initial: () => T): Store<T> {
  let state = initial();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    // Nobody is told: a reset starts a session whose screens mount afresh, while the old
    // screens (still subscribed during that render) are about to unmount.
    reset() {
      state = initial();
    },
  };
}

export function useStore<T extends object>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
