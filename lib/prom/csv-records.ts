/**
 * Records of a small delimited text (RFC 4180 quoting: `"a,b"`, `""` for a quote, line breaks inside
 * quotes; CRLF or LF). lib/data's streaming reader is the one for datasets; this reads exports that
 * must be understood before they become one (Grafana's CSV), and lib/prom may not import lib/data.
 */
export function csvRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    field = '';
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
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
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n') endRecord();
    else if (ch !== '\r' || text[i + 1] !== '\n') field += ch;
    i++;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}
