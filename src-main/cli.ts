/**
 * The same services from a terminal, for scheduled runs and tests. stdout carries only the
 * result (JSON with --json); messages and errors go to stderr, errors with a non-zero exit.
 */
import { AUDIENCE_USAGE, audienceCommand } from './cli/audience-command';
import { AUDIT_USAGE, auditCommand } from './cli/audit-command';
import { BACKUP_USAGE, RESTORE_USAGE, backupCommand, restoreCommand } from './cli/backup-command';
import { CliError } from './cli/cli-error';
import { DEMO_USAGE, demoCommand } from './cli/demo-command';
import { IMPORT_USAGE, importCommand } from './cli/import-command';
import { IMPORTS_USAGE, importsCommand } from './cli/imports-command';
import { KLI_USAGE, kliCommand } from './cli/kli-command';
import {
  HISTORY_USAGE,
  REPORT_USAGE,
  RESPONSES_USAGE,
  historyCommand,
  reportCommand,
  responsesCommand,
} from './cli/measure-command';
import { PROFILES_USAGE, profilesCommand } from './cli/profiles-command';
import { LETTERS_USAGE, PLAN_USAGE, lettersCommand, planCommand } from './cli/plan-command';
import { SCORES_USAGE, scoresCommand } from './cli/scores-command';
import { STATS_USAGE, statsCommand } from './cli/stats-command';
import { TRIGGERS_USAGE, triggersCommand } from './cli/triggers-command';

const COMMANDS: Record<string, { usage: string; run: (args: string[]) => void | Promise<void> }> = {
  demo: { usage: DEMO_USAGE, run: demoCommand },
  stats: { usage: STATS_USAGE, run: statsCommand },
  import: { usage: IMPORT_USAGE, run: importCommand },
  imports: { usage: IMPORTS_USAGE, run: importsCommand },
  profiles: { usage: PROFILES_USAGE, run: profilesCommand },
  triggers: { usage: TRIGGERS_USAGE, run: triggersCommand },
  kli: { usage: KLI_USAGE, run: kliCommand },
  scores: { usage: SCORES_USAGE, run: scoresCommand },
  audience: { usage: AUDIENCE_USAGE, run: audienceCommand },
  audit: { usage: AUDIT_USAGE, run: auditCommand },
  plan: { usage: PLAN_USAGE, run: planCommand },
  letters: { usage: LETTERS_USAGE, run: lettersCommand },
  responses: { usage: RESPONSES_USAGE, run: responsesCommand },
  report: { usage: REPORT_USAGE, run: reportCommand },
  history: { usage: HISTORY_USAGE, run: historyCommand },
  backup: { usage: BACKUP_USAGE, run: backupCommand },
  restore: { usage: RESTORE_USAGE, run: restoreCommand },
};

function usage(): string {
  return `Usage:\n${Object.values(COMMANDS)
    .map((c) => c.usage.replace(/^/gm, '  '))
    .join('\n')}`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n${usage()}`);
    return 2;
  }
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
