/**
 * One rep's copy: `base + plan.prefix + tail`, where the tail holds the rep's
 * slot content stream, the XMP with the personalisation record, and the new
 * xref section (stream or table, matching the base) with /Prev and a new
 * second /ID. Pure and cheap: no PDF is parsed here. The same plan and values
 * give the same bytes.
 */
import { createHash } from 'node:crypto';
import type { BasePlan, PlannedObject } from './base-plan.js';
import { ascii, concat, streamObject } from './pdf-bytes.js';
import { slotContent } from './slot-content.js';
import { layoutSlot } from './slot-layout.js';
import { subsetMetrics } from './font-metrics.js';
import { personalisationBlock } from './xmp-personalization.js';

export interface CopyValues {
  rep: string;
  values: Record<string, string>;
}

/** The per-rep tail of the copy. `date` is ISO 8601 UTC (from the batch's input, never the clock). */
export function copyTail(plan: BasePlan, copy: CopyValues, date: string): Uint8Array {
  const layout = layoutSlot(plan.slot, plan.label, copy.values, subsetMetrics(plan.glyphs));
  const content = ascii(slotContent(layout, plan.glyphs, plan.fontResource, plan.origin));
  const recorded = Object.fromEntries(plan.slot.fields.filter((f) => copy.values[f.name]).map((f) => [f.name, copy.values[f.name] ?? '']));
  const xmp = new TextEncoder().encode(plan.xmpHead + personalisationBlock({ slot: plan.slot.id, rep: copy.rep, label: plan.label, date, baseSha256: plan.baseSha256, fields: recorded }) + plan.xmpTail);

  let offset = plan.baseLength + plan.prefix.length;
  const slotObject = streamObject(plan.slotNumber, content);
  const xmpObject = streamObject(plan.xmpNumber, xmp, '/Type /Metadata /Subtype /XML');
  const own: PlannedObject[] = [
    { number: plan.slotNumber, generation: 0, offset },
    { number: plan.xmpNumber, generation: 0, offset: (offset += slotObject.length) },
  ];
  offset += xmpObject.length;
  const newId = createHash('sha256').update(plan.firstId).update(plan.baseSha256).update(content).update(xmp).digest('hex').slice(0, 32).toUpperCase();
  const trailer = `${plan.trailerRefs} /ID [<${plan.firstId}> <${newId}>] /Prev ${plan.prevXref}`;
  const xref = plan.xrefKind === 'stream' ? xrefStream(plan, [...plan.shared, ...own], offset, trailer) : xrefTable(plan, [...plan.shared, ...own], offset, trailer);
  return concat([slotObject, xmpObject, xref]);
}

/** [first count first count ...] over the sorted object numbers. */
function subsections(objects: PlannedObject[]): PlannedObject[][] {
  const sorted = [...objects].sort((a, b) => a.number - b.number);
  const runs: PlannedObject[][] = [];
  for (const o of sorted) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && previous.number + 1 === o.number) run.push(o);
    else runs.push([o]);
  }
  return runs;
}

function xrefTable(plan: BasePlan, objects: PlannedObject[], at: number, trailer: string): Uint8Array {
  const lines = ['xref'];
  for (const run of subsections(objects)) {
    lines.push(`${run[0]?.number ?? 0} ${run.length}`);
    for (const o of run) lines.push(`${String(o.offset).padStart(10, '0')} ${String(o.generation).padStart(5, '0')} n\r`);
  }
  const size = Math.max(plan.xmpNumber + 1, ...objects.map((o) => o.number + 1));
  return ascii(`${lines.join('\n')}\ntrailer\n<< /Size ${size} ${trailer} >>\nstartxref\n${at}\n%%EOF\n`);
}

function xrefStream(plan: BasePlan, objects: PlannedObject[], at: number, trailer: string): Uint8Array {
  const all = [...objects, { number: plan.xrefNumber, generation: 0, offset: at }];
  const runs = subsections(all);
  const data = new Uint8Array(all.length * 7);
  let i = 0;
  for (const run of runs) {
    for (const o of run) {
      data[i] = 1;
      new DataView(data.buffer).setUint32(i + 1, o.offset);
      new DataView(data.buffer).setUint16(i + 5, o.generation);
      i += 7;
    }
  }
  const index = runs.map((r) => `${r[0]?.number ?? 0} ${r.length}`).join(' ');
  const size = Math.max(...all.map((o) => o.number + 1));
  const dict = `/Type /XRef /Size ${size} /Index [${index}] /W [1 4 2] ${trailer}`;
  return concat([streamObject(plan.xrefNumber, data, dict), ascii(`startxref\n${at}\n%%EOF\n`)]);
}
