/**
 * Watches the files a preview depends on with chokidar and calls back once
 * per burst of changes: editors often write a file in several steps (truncate,
 * write, rename), and one save should give one recompile.
 */
import { watch, type FSWatcher } from 'chokidar';

export interface CourseWatcher {
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Folders that never feed a preview: build output, caches, VCS and editor litter. */
const IGNORED = /(^|[/\\])(\.git|node_modules|output|\.deckhand[^/\\]*)([/\\]|$)|(~|\.swp|\.tmp)$/;

export function watchCourse(paths: string[], onChange: (files: string[]) => void, settleMs = 40): CourseWatcher {
  const watcher: FSWatcher = watch(paths, { ignoreInitial: true, ignored: (path) => IGNORED.test(path) });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const changed = (file: string) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending].sort();
      pending = new Set();
      onChange(files);
    }, settleMs);
  };
  watcher.on('add', changed).on('change', changed).on('unlink', changed).on('addDir', changed).on('unlinkDir', changed);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
