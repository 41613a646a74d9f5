/** The small settings file in the data folder that remembers which database was open last. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const configSchema = z.object({
  last_db: z.string().nullable().default(null),
  /** Who worked last, on which database: they carry on without choosing again (unless they have a PIN). */
  last_person: z.object({ db: z.string(), id: z.number().int() }).nullable().default(null),
});
export type AppConfig = z.infer<typeof configSchema>;

export function configPath(dataDir: string): string {
  return join(dataDir, 'mainstreet.json');
}

export function readAppConfig(dataDir: string): AppConfig {
  const path = configPath(dataDir);
  if (!existsSync(path)) return { last_db: null, last_person: null };
  try {
    return configSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    // A damaged settings file must not stop the app from opening; start as on first launch.
    return { last_db: null, last_person: null };
  }
}

export function writeAppConfig(dataDir: string, config: AppConfig): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(configPath(dataDir), JSON.stringify(config, null, 2));
}
