/**
 * The same services from a terminal, for scheduled runs and tests. stdout carries only the
 * result (JSON with --json); messages and errors go to stderr, errors with a non-zero exit.
 */
import { CliError } from './cli/cli-error';

interface Command {
  usage: string;
  run: (args: string[]) => void | Promise<void>;
}

/**
 * Each command's module is loaded only when it runs: a command starts without reading the
 * code of every other (the help and an unknown command read them all, for the usage).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  demo: async () => {
    const m = await import('./cli/demo-command');
    return { usage: m.DEMO_USAGE, run: m.demoCommand };
  },
  stats: async () => {
    const m = await import('./cli/stats-command');
    return { usage: m.STATS_USAGE, run: m.statsCommand };
  },
  import: async () => {
    const m = await import('./cli/import-command');
    return { usage: m.IMPORT_USAGE, run: m.importCommand };
  },
  imports: async () => {
    const m = await import('./cli/imports-command');
    return { usage: m.IMPORTS_USAGE, run: m.importsCommand };
  },
  profiles: async () => {
    const m = await import('./cli/profiles-command');
    return { usage: m.PROFILES_USAGE, run: m.profilesCommand };
  },
  triggers: async () => {
    const m = await import('./cli/triggers-command');
    return { usage: m.TRIGGERS_USAGE, run: m.triggersCommand };
  },
  kli: async () => {
    const m = await import('./cli/kli-command');
    return { usage: m.KLI_USAGE, run: m.kliCommand };
  },
  scores: async () => {
    const m = await import('./cli/scores-command');
    return { usage: m.SCORES_USAGE, run: m.scoresCommand };
  },
  audience: async () => {
    const m = await import('./cli/audience-command');
    return { usage: m.AUDIENCE_USAGE, run: m.audienceCommand };
  },
  audit: async () => {
    const m = await import('./cli/audit-command');
    return { usage: m.AUDIT_USAGE, run: m.auditCommand };
  },
  plan: async () => {
    const m = await import('./cli/plan-command');
    return { usage: m.PLAN_USAGE, run: m.planCommand };
  },
  letters: async () => {
    const m = await import('./cli/plan-command');
    return { usage: m.LETTERS_USAGE, run: m.lettersCommand };
  },
  responses: async () => {
    const m = await import('./cli/measure-command');
    return { usage: m.RESPONSES_USAGE, run: m.responsesCommand };
  },
  report: async () => {
    const m = await import('./cli/measure-command');
    return { usage: m.REPORT_USAGE, run: m.reportCommand };
  },
  history: async () => {
    const m = await import('./cli/measure-command');
    return { usage: m.HISTORY_USAGE, run: m.historyCommand };
  },
  backup: async () => {
    const m = await import('./cli/backup-command');
    return { usage: m.BACKUP_USAGE, run: m.backupCommand };
  },
  restore: async () => {
    const m = await import('./cli/backup-command');
    return { usage: m.RESTORE_USAGE, run: m.restoreCommand };
  },
};

async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return `Usage:\n${commands.map((c) => c.usage.replace(/^/gm, '  ')).join('\n')}`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(await usage());
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    console.error(`Unknown command "${name}".\n${await usage()}`);
    return 2;
  }
  const command = await load();
  try {
    await command.run(args);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`mainstreet ${name}: ${error.message}`);
      if (error.exitCode === 2) console.error(`Usage:\n${command.usage}`);
      return error.exitCode;
    }
    // parseArgs' own errors (unknown option, missing value) are usage errors too.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`mainstreet ${name}: ${error.message}\nUsage:\n${command.usage}`);
      return 2;
    }
    console.error(`mainstreet ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
