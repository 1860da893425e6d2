import { Command, CommanderError } from 'commander';
import { InputError, UsageError } from '../errors.js';
import { registerParse } from '../commands/parse.js';
import { registerSchema } from '../commands/schema.js';
import { registerExtraCommands } from './extra.js';
import { toolVersion } from '../version.js';
import { ignoreStrayPdfjsRejections } from '../read/pdfjsErrors.js';


export function buildProgram(): Command {
  const program = new Command('policy-parse')
    .description('Turn Chinese government policy documents into validated, diffable JSON tasks.')
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerParse(program);
  registerSchema(program);
  registerExtraCommands(program);
  return program;
}

/** `policy-parse FILE` is `policy-parse parse FILE`. */
function withDefaultCommand(program: Command, argv: string[]): string[] {
  const args = argv.slice(2);
  const first = args.find((a) => !a.startsWith('-') || a === '-');
  const names = new Set(program.commands.flatMap((c) => [c.name(), ...c.aliases()]));
  if (first !== undefined && !names.has(first) && first !== 'help') return [...argv.slice(0, 2), 'parse', ...args];
  return argv;
}

export async function main(argv = process.argv): Promise<number> {
  ignoreStrayPdfjsRejections();
  const program = buildProgram();
  try {
    await program.parseAsync(withDefaultCommand(program, argv));
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    return reportError(e);
  }
}

export function reportError(e: unknown): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    return 2; // commander has printed the message
  }
  if (e instanceof InputError || e instanceof UsageError) {
    process.stderr.write(`policy-parse: ${e.message}\n`);
    return 2;
  }
  process.stderr.write(`policy-parse: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  return 3;
}

// A reader that closes the pipe early (`policy-parse plan.pdf | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main().then((code) => { process.exitCode = code; });
