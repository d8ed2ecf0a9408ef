// Post-processes exceljs's .xlsx: marks the TIDE formulas as dynamic arrays (so they spill
// rather than show as legacy @-formulas) and adds the charts.
import JSZip from 'jszip';
import { chartXml, drawingXml, relsXml } from './workbook-charts.js';
import type { SheetSpec } from './workbook-spec.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Excel's cell metadata for a dynamic array formula (XLDAPR); cells refer to it with cm="1". */
const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

export async function finishPackage(xlsx: Buffer, sheets: SheetSpec[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const overrides: string[] = ['<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>'];
  zip.file('xl/metadata.xml', METADATA_XML);
  await edit(zip, 'xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', `<Relationship Id="rIdTideMetadata" Type="${REL}/sheetMetadata" Target="metadata.xml"/></Relationships>`));

  let chartNo = 0;
  for (const [i, sheet] of sheets.entries()) {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    // Every TIDE formula cell (spilling or not) becomes a dynamic array formula over its own cell.
    await edit(zip, path, (x) =>
      x.replace(/<c r="([A-Z]+\d+)"([^>]*)><f>(_xldudf_TIDE_[^<]*)<\/f>/g, (_m, ref: string, attrs: string, f: string) => `<c r="${ref}"${attrs} cm="1"><f t="array" ref="${ref}">${f}</f>`),
    );
    if (!sheet.charts?.length) continue;
    const drawing = `drawing${i + 1}.xml`;
    const chartRels = sheet.charts.map((chart, k) => {
      chartNo++;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(sheet.name, chart));
      overrides.push(`<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
      return { id: `rId${k + 1}`, type: `${REL}/chart`, target: `../charts/chart${chartNo}.xml` };
    });
    zip.file(`xl/drawings/${drawing}`, drawingXml(sheet.charts));
    zip.file(`xl/drawings/_rels/${drawing}.rels`, relsXml(chartRels));
    overrides.push(`<Override PartName="/xl/drawings/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    const sheetRels = `xl/worksheets/_rels/sheet${i + 1}.xml.rels`;
    const drawingRel = { id: 'rIdTideDrawing', type: `${REL}/drawing`, target: `../drawings/${drawing}` };
    if (zip.file(sheetRels)) await edit(zip, sheetRels, (x) => x.replace('</Relationships>', relsXml([drawingRel]).split('relationships">')[1]));
    else zip.file(sheetRels, relsXml([drawingRel]));
    // <drawing> follows the page setup; exceljs writes nothing that must come after it.
    await edit(zip, path, (x) => {
      if (/<(legacyDrawing|tableParts|extLst)\b/.test(x)) throw new Error(`${path}: cannot place <drawing> before parts exceljs added`);
      return x.replace('</worksheet>', '<drawing r:id="rIdTideDrawing"/></worksheet>');
    });
  }
  await edit(zip, '[Content_Types].xml', (x) => x.replace('</Types>', `${overrides.join('')}</Types>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function edit(zip: JSZip, path: string, change: (xml: string) => string): Promise<void> {
  const file = zip.file(path);
  if (!file) throw new Error(`${path} missing from the exceljs output`);
  zip.file(path, change(await file.async('string')));
}
