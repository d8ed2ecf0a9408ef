// Asks Excel to calculate the workbook again, so TIDE cells pick up a new pin or refreshed answers.
// A full calculation is the only way to reach custom functions, which Excel does not mark dirty;
// the answer cache makes the other cells' second call free.
import { excelApi, type ExcelApi } from '../shared/excel-api.js';

export async function recalculateWorkbook(excel: ExcelApi | undefined = excelApi()): Promise<boolean> {
  if (!excel) return false;
  await excel.run(async (context) => {
    context.workbook.application.calculate('Full');
    await context.sync();
  });
  return true;
}
