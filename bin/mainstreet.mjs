#!/usr/bin/env node
// Runs the CLI from its TypeScript source (no build step needed after npm install).
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli.ts');
