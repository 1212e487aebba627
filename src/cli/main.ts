/**
 * The command line. Parses arguments, runs one command, and maps its outcome to
 * an exit code: 0 ok, 1 content/validation/review, 2 usage, 3 environment.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DeckhandError, EXIT } from '../errors.js';
import { DECKHAND_VERSION } from '../version.js';
import { BUILTIN_TARGETS } from '../targets/registry.js';
import { createTerminal } from './terminal.js';
import { mark } from '../trace.js';
import { prestartChromium } from '../print/prestart.js';
import { likelyToPrint } from './prestart-build.js';
import { onInterrupt } from './interrupt.js';

/** Runs the CLI and resolves to the exit code; never calls process.exit itself. */
export async function main(argv: string[]): Promise<number> {
  mark('cli loaded');
  quietOnClosedPipe();
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
    .option('--edition <ids>', 'comma-separated editions to check, e.g. base,tr-tr (default: all)')
    .action(async (dirs: string[], options: { json?: boolean; edition?: string }) => {
      const { checkCommand } = await import('./check-command.js');
      exitCode = checkCommand(dirs, options, terminal);
    });

  program
    .command('build')
    .description('Build the deck (Markdown, HTML, audience HTML, PDF, PowerPoint), notes pages, slide handouts and the handout PDF (default: every course under decks/).')
    .argument('[course-dirs...]', 'course folders, each holding a course.yaml')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--json', 'print one JSON object on stdout; progress stays on stderr')
    .addOption(new Option('--paper <size>', 'handout paper size, a4 or letter, any case (overrides the course setting)').argParser(paperSize))
    .addOption(new Option('--layout <n>', 'slides per page of the slide handout (<id>.slides-<n>up.pdf)').choices(['1', '2', '3', '6']))
    .option('--bleed <length>', 'press PDF with bleed, e.g. 3mm (sets TrimBox/BleedBox, draws crop marks)')
    .option('--only <kinds>', `comma-separated subset: ${BUILTIN_TARGETS.map((t) => t.kind).join(', ')}`)
    .option('--release', 'refuse to build any course that is not approved, or whose approval is stale or expired')
    .option('--force', 'rebuild every target even if the cache says it is up to date')
    .option('-j, --concurrency <n>', 'documents printed at once (default: suits the core count)', positiveInt)
    .option('--shard <i/n>', 'build only shard i of n (1-based) of the targets, for CI matrices')
    .option('--edition <ids>', 'comma-separated editions to build, e.g. base,tr-tr (default: every edition)')
    .option('--sign <key.p12>', 'sign every released PDF (PAdES B-B) with this PKCS#12 key (also DECKHAND_SIGN_P12); the passphrase comes only from DECKHAND_SIGN_PASSPHRASE')
    .option('--pdfa', 'make the PDFs PDF/A-2b (always under --release)')
    .action(async (dirs: string[], options: Record<string, unknown>) => {
      const interrupt = onInterrupt(terminal);
      try {
        // Chromium first: it boots on the other core while the build code loads and the courses render.
        if (likelyToPrint({ dirs, out: String(options.out), ...(typeof options.only === 'string' ? { only: options.only } : {}), force: Boolean(options.force), release: Boolean(options.release) })) prestartChromium();
        const { buildCommand } = await import('./build-command.js');
        exitCode = await buildCommand(dirs, options, terminal, interrupt.signal);
      } finally {
        interrupt.dispose();
      }
    });

  program
    .command('approve')
    .description('Sign off a course: record a reviewer and the content fingerprint in course.yaml.')
    .argument('<course-dir>', 'course folder')
    .requiredOption('--reviewer <name>', 'reviewer or reviewing body')
    .requiredOption('--role <role>', 'role, e.g. "Medical Affairs"')
    .option('--expires <date>', 'review expiry date, YYYY-MM-DD')
    .option('--date <date>', 'sign-off date, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH)')
    .option('--same-version <reason>', 'approve changed content without a new document.version; the reason is recorded in approval.json')
    .option('--edition <id>', 'sign off one edition (editions/<id>.yaml) instead of the base course')
    .action(async (dir: string, options: { reviewer: string; role: string; expires?: string; date?: string; sameVersion?: string; edition?: string }) => {
      const { approveCommand } = await import('./approve-command.js');
      exitCode = approveCommand(dir, options, terminal);
    });

  program
    .command('manifest')
    .description('Work with build manifests.')
    .command('merge')
    .description('Merge the manifest.json files of CI shards into one that lists every output once.')
    .argument('<manifests...>', 'manifest.json files written by sharded builds')
    .requiredOption('-o, --out <file>', 'the merged manifest to write, e.g. output/manifest.json')
    .action(async (files: string[], options: { out: string }) => {
      const { mergeManifests } = await import('../pipeline/manifest-merge.js');
      const result = mergeManifests(files, options.out);
      terminal.info(`merged ${files.length} manifest(s): ${result.outputs} output(s)${result.duplicates ? `, ${result.duplicates} listed twice with the same sha256 (kept once)` : ''}; wrote ${options.out}`);
    });

  program
    .command('init')
    .description('Set up this folder as a content repository: a draft course, .gitignore, npm scripts and the CI workflow.')
    .option('--course <id>', 'id of the first course (default: first-course)')
    .action(async (options: { course?: string }) => {
      const { initCommand } = await import('./scaffold-command.js');
      exitCode = initCommand(options, terminal);
    });

  program
    .command('new')
    .description('Create decks/<course-id>/course.yaml: a draft course from the template, with the id filled in.')
    .argument('<course-id>', 'lower-case id, also the folder name, e.g. knee-pain-basics')
    .action(async (id: string) => {
      const { newCommand } = await import('./scaffold-command.js');
      exitCode = newCommand(id, terminal);
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

  program
    .command('diff')
    .description('Write a redline (HTML and PDF) of every field changed since the last approval, for reviewers.')
    .argument('<course-dir>', 'course folder')
    .option('--edition <id>', 'edition to compare (default: base)')
    .option('-o, --out <file>', 'output file (FILE.pdf; FILE.html is written beside it); default output/<course>/<course>.redline.pdf')
    .option('--json', 'print one JSON object on stdout')
    .action(async (dir: string, options: { edition?: string; out?: string; json?: boolean }) => {
      const { diffCommand } = await import('./diff-command.js');
      exitCode = await diffCommand(dir, options, terminal);
    });

  program
    .command('dev')
    .description('Live preview of one course on 127.0.0.1: deck, presenter view and handout, updated on every save (no browser needed).')
    .argument('[course-dir]', 'course folder (default: the one course under decks/)')
    .option('--edition <id>', 'edition to preview (default: base)')
    .option('--port <n>', 'port (default: a free one)', port)
    .action(async (dir: string | undefined, options: { edition?: string; port?: number }) => {
      const { devCommand } = await import('./dev-command.js');
      exitCode = await devCommand(dir, options, terminal);
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

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('must be a whole number from 1 to 64');
  return n;
}

function paperSize(value: string): 'a4' | 'letter' {
  const lower = value.toLowerCase();
  if (lower !== 'a4' && lower !== 'letter') throw new InvalidArgumentError('must be a4 or letter');
  return lower;
}

/** `deckhand verify x.pdf | head -1`: when the reader closes the pipe, stop quietly (exit 0) instead of crashing with EPIPE. */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
