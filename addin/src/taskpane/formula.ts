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

/**
 * The expression for the ratio of two series, as the API's grammar reads it (docs/series.md#expressions):
 * an id of letters, digits, "_" and "." stands bare; any other (RTY=F) is quoted.
 */
export function ratioExpression(numerator: string, denominator: string): string {
  const operand = (id: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(id) && !/^(rebase|log|lag|basket)$/i.test(id) ? id : id.includes("'") ? `"${id}"` : `'${id}'`);
  return `${operand(numerator)} / ${operand(denominator)}`;
}
