/** Collects the figures of every phase and prints them as one aligned table at the end. */
export interface ReportRow {
  readonly phase: string;
  readonly measure: string;
  readonly value: string;
  readonly note?: string;
}

export class Report {
  private readonly rows: ReportRow[] = [];
  private readonly notes: string[] = [];

  add(row: ReportRow): void {
    this.rows.push(row);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  print(title: string): void {
    console.log(`\n${title}`);
    console.log(table(['phase', 'measure', 'value', 'note'], this.rows.map((r) => [r.phase, r.measure, r.value, r.note ?? ''])));
    if (this.notes.length) {
      console.log('\nNotes:');
      for (const n of this.notes) console.log(`  - ${n}`);
    }
  }
}

/** A plain-text table; numeric-looking cells are right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = (s: string) => /^[-+]?[\d,.]+/.test(s) && !/^[\d]+[a-z]\)/i.test(s);
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric(c) && i > 0 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function log(text: string): void {
  const t = new Date().toISOString().slice(11, 19);
  console.log(`[${t}] ${text}`);
}
