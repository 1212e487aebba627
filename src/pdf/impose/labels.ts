/**
 * The words imposed pages show come in as parameters (compile/labels.ts
 * imposeLabels); src/pdf holds no user-visible text of its own.
 */
export type { ImposeLabels } from '../../compile/labels.js';

export function fillLabel(template: string, values: { n?: number; total?: number }): string {
  return template.replace(/\{(n|total)\}/g, (whole, key: 'n' | 'total') => (values[key] === undefined ? whole : String(values[key])));
}
