/**
 * CSV as RFC 4180 writes it (https://www.rfc-editor.org/rfc/rfc4180): fields separated by commas, records
 * by CRLF or LF; a field in double quotes may hold commas, line breaks and doubled quotes (`""`). A UTF-8
 * byte-order mark (Excel adds one) is skipped; blank lines are skipped. Each record says on which line of
 * the file it starts, so an error can name it.
 */
import { DomainError } from './errors.js';

export type CsvRecord = { line: number; fields: string[] };

export const parseCsv = (input: string): CsvRecord[] => {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else field += ch;
    i += 1;
  }
  if (quoted) throw new DomainError('csv_unterminated_quote', { line: start });
  if (field !== '' || fields.length) endRecord();
  return records;
};
