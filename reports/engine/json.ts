/**
 * The json format is the model itself: the web page and other consumers get exactly the figures
 * and texts the xlsx and pdf print.
 */
import { Writable } from 'stream';
import fs from 'fs';
import { ReportModel } from './model';

export function toJson(input: ReportModel | ReportModel[]): string {
  return JSON.stringify(input);
}

export function parseModel(json: string): ReportModel | ReportModel[] {
  return JSON.parse(json) as ReportModel | ReportModel[];
}

export async function renderJson(input: ReportModel | ReportModel[], out: Writable | string): Promise<void> {
  const text = toJson(input);
  if (typeof out === 'string') {
    await fs.promises.writeFile(out, text, 'utf8');
    return;
  }
  await new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.end(text, 'utf8', () => resolve());
  });
}
