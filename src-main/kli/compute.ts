/** The KLI compute job (filled in as the engine lands). */
import type { KliComputeResult } from '../../src-shared/kli';
import type { KliComputeInput } from '../jobs/registry';

export interface KliProgress {
  step: string;
  current: number;
  total: number;
  rows?: number;
}

export function runKliCompute(
  _input: KliComputeInput,
  _options: { onProgress?: (p: KliProgress) => void; signal?: AbortSignal },
): Promise<KliComputeResult> {
  return Promise.reject(new Error('KLI engine not built yet'));
}
