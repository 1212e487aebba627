/** verify / --release check: the project's withdrawal list (decks/withdrawn.yaml). */
import { dirname, join } from 'node:path';
import { formatDiagnostic } from '../../content/diagnostic.js';
import { findWithdrawal, loadWithdrawals, WITHDRAWN_FILE, type Withdrawal } from '../../review/withdrawn.js';

/** decks/withdrawn.yaml for decks/<course>: the file beside the course folders. */
export const withdrawalFileFor = (courseDir: string) => join(dirname(courseDir), WITHDRAWN_FILE);

export interface WithdrawalCheck {
  withdrawn?: Withdrawal;
  problems: string[];
}

export function checkWithdrawal(file: string, code: string, version: string): WithdrawalCheck {
  const loaded = loadWithdrawals(file);
  if (!loaded.ok) return { problems: [`the withdrawal list cannot be read: ${loaded.diagnostics.map(formatDiagnostic).join('; ')}`] };
  const withdrawn = findWithdrawal(loaded.list, code, version);
  return withdrawn ? { withdrawn, problems: [withdrawalMessage(withdrawn)] } : { problems: [] };
}

export const withdrawalMessage = (w: Withdrawal) => `${w.code} version ${w.version} was withdrawn on ${w.date}: ${w.reason} (${w.file}:${w.line})`;
