import { writeFileSync } from 'node:fs';
import { markdownTable, type Cell } from './table.js';

/** Markdown printed as it is produced, and kept for BENCH_OUTPUT. */
export class Report {
  private readonly parts: string[] = [];

  constructor(private readonly outputFile: string | undefined) {}

  text(...lines: string[]) {
    const text = lines.join('\n');
    this.parts.push(text);
    console.log(`${text}\n`);
  }

  table(title: string, header: string[], rows: Cell[][], notes: string[] = []) {
    this.text(`#### ${title}`, '', markdownTable(header, rows), ...(notes.length ? ['', ...notes] : []));
  }

  save() {
    if (this.outputFile) writeFileSync(this.outputFile, `${this.parts.join('\n\n')}\n`);
  }
}
