import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer and the real API in browser mode (Debian's
 * Chromium), plus an Electron smoke test that runs wherever an Electron binary exists.
 */
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
    viewport: { width: 1360, height: 860 },
    screenshot: 'only-on-failure',
    // Two tests once timed out after their last step; a trace says where the next one waits.
    trace: 'retain-on-failure',
  },
});
