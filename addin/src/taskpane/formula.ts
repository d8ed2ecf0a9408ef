// The formula the task pane inserts for a series, in the form a person would type.

/** Excel text literal: double quotes doubled. */
export function excelText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export function seriesFormula(id: string, start?: string, end?: string): string {
  const args = [excelText(id)];
  if (start || end) args.push(start ? excelText(start) : '');
  if (end) args.push(excelText(end));
  return `=TIDE.SERIES(${args.join(',')})`;
}
