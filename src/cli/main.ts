/**
 * The command line. Parses arguments, runs one command, and maps its outcome to
 * an exit code: 0 ok, 1 content/validation/review, 2 usage, 3 environment.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DeckhandError, EXIT } from '../errors.js';
import { DECKHAND_VERSION } from '../version.js';
import { BUILTIN_TARGETS } from '../targets/registry.js';
import { checkCommand } from './check-command.js';
import { createTerminal } from './terminal.js';

/** Runs the CLI and resolves to the exit code; never calls process.exit itself. */
export async function main(argv: string[]): Promise<number> {
  const terminal = createTerminal();
  let exitCode: number = EXIT.ok;
  const program = new Command('deckhand')
    .description('Builds reviewed YAML courses into Marp slide decks and print-ready PDF handouts.')
    .version(DECKHAND_VERSION, '-V, --version')
    .showHelpAfterError('(run "deckhand --help" for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('check')
    .description('Validate courses (default: every course under decks/).')
    .argument('[course-dirs...]', 'course folders, each holding a course.yaml')
    .option('--json', 'print one JSON object on stdout')
    .action((dirs: string[], options: { json?: boolean }) => {
      exitCode = checkCommand(dirs, options, terminal);
    });

  program
    .command('build')
    .description('Build deck Markdown, HTML deck, deck PDF and handout PDF (default: every course under decks/).')
    .argument('[course-dirs...]', 'course folders, each holding a course.yaml')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--json', 'print one JSON object on stdout; progress stays on stderr')
    .addOption(new Option('--paper <size>', 'handout paper size (overrides the course setting)').choices(['a4', 'letter']))
    .option('--bleed <length>', 'press PDF with bleed, e.g. 3mm (sets TrimBox/BleedBox, draws crop marks)')
    .option('--only <kinds>', `comma-separated subset: ${BUILTIN_TARGETS.map((t) => t.kind).join(', ')}`)
    .option('--release', 'refuse to build any course that is not approved, or whose approval is stale or expired')
    .option('--force', 'rebuild every target even if the cache says it is up to date')
    .option('-j, --concurrency <n>', 'documents printed at once (default: suits the core count)', positiveInt)
    .option('--shard <i/n>', 'build only shard i of n (1-based) of the targets, for CI matrices')
    .option('--sign <key.p12>', 'sign every released PDF (PAdES B-B) with this PKCS#12 key (also DECKHAND_SIGN_P12); the passphrase comes only from DECKHAND_SIGN_PASSPHRASE')
    .option('--pdfa', 'make the PDFs PDF/A-2b (always under --release)')
    .action(async (dirs: string[], options: Record<string, unknown>) => {
      const { buildCommand } = await import('./build-command.js');
      exitCode = await buildCommand(dirs, options, terminal);
    });

  program
    .command('approve')
    .description('Sign off a course: record a reviewer and the content fingerprint in course.yaml.')
    .argument('<course-dir>', 'course folder')
    .requiredOption('--reviewer <name>', 'reviewer or reviewing body')
    .requiredOption('--role <role>', 'role, e.g. "Medical Affairs"')
    .option('--expires <date>', 'review expiry date, YYYY-MM-DD')
    .option('--date <date>', 'sign-off date, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH)')
    .action(async (dir: string, options: { reviewer: string; role: string; expires?: string; date?: string }) => {
      const { approveCommand } = await import('./approve-command.js');
      exitCode = approveCommand(dir, options, terminal);
    });

  program
    .command('personalize')
    .description('Write one copy of the approved, built handout per rep in a CSV, filling only the approved slot (no re-rendering).')
    .argument('<course-dir>', 'course folder')
    .requiredOption('--reps <csv>', 'reps CSV: a header naming slot fields (id, name, clinic, phone, email, url), one row per copy')
    .option('--edition <id>', 'edition whose handout to personalise', 'base')
    .option('-o, --out <dir>', 'the build output folder holding the handout; copies go to <out>/<course>/personalised/<edition>/', 'output')
    .option('--name-by <column>', 'CSV column that names the files (default: id)')
    .option('--json', 'print one JSON object on stdout')
    .action(async (dir: string, options: { reps: string; edition?: string; out?: string; nameBy?: string; json?: boolean }) => {
      const { personalizeCommand } = await import('./personalize-command.js');
      exitCode = await personalizeCommand(dir, options, terminal);
    });

  program
    .command('verify')
    .description('Read a deckhand PDF and check it against its approved source.')
    .argument('<pdf>', 'a PDF written by deckhand')
    .argument('[course-dir]', 'course folder to compare with')
    .option('--json', 'print one JSON object on stdout')
    .option('--trust <ca.pem>', 'trusted CA certificates (PEM) for the signature chain')
    .option('--require-signature', 'an unsigned PDF fails')
    .action(async (pdf: string, dir: string | undefined, options: { json?: boolean; trust?: string; requireSignature?: boolean }) => {
      const { verifyCommand } = await import('./verify-command.js');
      exitCode = await verifyCommand(pdf, dir, options, terminal);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof DeckhandError) {
      terminal.error(error.message);
      return error.exitCode;
    }
    terminal.error(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    terminal.error('this is a bug in deckhand; please report it with the command you ran');
    return EXIT.environment;
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('must be a whole number from 1 to 64');
  return n;
}
