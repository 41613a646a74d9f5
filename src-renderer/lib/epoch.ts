import { createContext, useContext } from 'react';

/**
 * Bumped whenever the open database changes or is rebuilt. Every read includes it in its key,
 * so no screen keeps (or joins a request for) numbers from the database that was open before.
 */
export const EpochContext = createContext(0);

export function useEpoch(): number {
  return useContext(EpochContext);
}
