// Which Excel the add-in asks for, and what it asks each host at run time (addin/src/shared/host.ts),
// against the host profiles taken from Microsoft's requirement-set tables (support/addin/host-profiles.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_FEATURES, hostHas, hostSupports, MANIFEST_REQUIREMENTS, type HostFeature } from '../../addin/src/shared/host.js';
import { floorHost, HOST_PROFILES, isSetSupportedOn, versionAtLeast } from '../../support/addin/host-profiles.js';
import { installOffice } from '../../support/addin/office-globals.js';

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

const features = (): Record<HostFeature, boolean> => Object.fromEntries(Object.keys(HOST_FEATURES).map((f) => [f, hostHas(f as HostFeature)])) as Record<HostFeature, boolean>;

describe('requirement sets', () => {
  it('versions compare number by number: 1.12 is above 1.9', () => {
    expect(versionAtLeast('1.12', '1.9')).toBe(true);
    expect(versionAtLeast('1.9', '1.12')).toBe(false);
    expect(versionAtLeast('1.4', '1.4')).toBe(true);
    expect(isSetSupportedOn(HOST_PROFILES.office2021, 'ExcelApi', '1.14')).toBe(true);
    expect(isSetSupportedOn(HOST_PROFILES.office2021, 'ExcelApi', '1.15')).toBe(false);
    expect(isSetSupportedOn(HOST_PROFILES.office2021, 'ExcelApiDesktop')).toBe(false);
  });

  it('every host profile meets the manifest floor, which is below every feature the add-in asks for at run time', () => {
    for (const host of Object.values(HOST_PROFILES)) {
      for (const r of MANIFEST_REQUIREMENTS) expect(isSetSupportedOn(host, r.set, r.version), `${host.id}: ${r.set} ${r.version}`).toBe(true);
    }
    const floor = floorHost(MANIFEST_REQUIREMENTS);
    for (const [name, r] of Object.entries(HOST_FEATURES)) expect(isSetSupportedOn(floor, r.set, r.version), name).toBe(false);
  });

  it('outside Office, or where the host cannot answer, nothing above the floor is assumed', () => {
    expect(hostSupports('ExcelApi', '1.1')).toBe(false);
    uninstall = installOffice(HOST_PROFILES.microsoft365);
    (globalThis as unknown as { Office: { context: { requirements: unknown } } }).Office.context.requirements = {
      isSetSupported: () => {
        throw new Error('not ready');
      },
    };
    expect(Object.values(features())).toEqual(Object.values(HOST_FEATURES).map(() => false));
  });

  it("what each host has, by Microsoft's tables", () => {
    const expected: Record<string, Record<HostFeature, boolean>> = {
      microsoft365: { dataTypeResults: true, formattedNumberValue: true, doubleWithFormat: true, functionErrors: true, spills: true, notes: true },
      microsoft365_2208: { dataTypeResults: true, formattedNumberValue: true, doubleWithFormat: false, functionErrors: true, spills: true, notes: false },
      // ExcelApi 1.16 without CustomFunctionsRuntime 1.4: the formatted-number type exists, but functions may not return it.
      office2024: { dataTypeResults: false, formattedNumberValue: true, doubleWithFormat: false, functionErrors: true, spills: true, notes: false },
      office2021: { dataTypeResults: false, formattedNumberValue: false, doubleWithFormat: false, functionErrors: true, spills: true, notes: false },
      mac16_35: { dataTypeResults: false, formattedNumberValue: false, doubleWithFormat: false, functionErrors: true, spills: false, notes: false },
    };
    for (const [id, host] of Object.entries(HOST_PROFILES)) {
      uninstall?.();
      uninstall = installOffice(host);
      expect(features(), id).toEqual(expected[id]);
    }
  });
});
