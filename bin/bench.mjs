#!/usr/bin/env node
// `npm run bench -- NAME`: the benchmarks in tests/bench, run from source.
import { register } from 'tsx/esm/api';

register();
await import('../tests/bench/run.ts');
