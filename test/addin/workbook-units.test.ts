// The sample workbook shows Tide's fractions as percent: every relative figure the add-in returns is
// a fraction (0.85 = 85 %), so the cells that hold them carry a percent number format.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SAMPLE } from '../../addin/scripts/workbook.js';

async function sheet(name: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  return book.getWorksheet(name)!;
}

describe('sample workbook units', () => {
  it('cut probabilities, long shares and changes are formatted as percent', async () => {
    const cut = await sheet('Cut odds');
    expect(cut.getColumn('D').numFmt).toBe('0.0%');
    expect(cut.getColumn('I').numFmt).toBe('0.0%');
    expect(cut.getColumn('C').numFmt ?? 'General').not.toMatch(/%/); // change in bp stays a number
    const cftc = await sheet('CFTC');
    expect([cftc.getColumn('B').numFmt, cftc.getColumn('E').numFmt]).toEqual(['0.0%', '0.0%']);
    const runup = await sheet('Run-up');
    const formats = [6, 7, 8, 9].map((r) => runup.getCell(`B${r}`).numFmt);
    expect(formats).toEqual(['0.00%', '0.00%', '0.00%', '0.00%']);
  });
});
