// Excel hosts the add-in is tested on, each as the requirement sets it supports: what its
// Office.context.requirements.isSetSupported answers. Taken from Microsoft's tables (Office on
// Windows; the Mac column for the oldest host that has the shared runtime):
// - Excel JavaScript API requirement sets:
//   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets
//   (Microsoft 365: ExcelApi 1.20 from Version 2509; volume-licensed perpetual/LTSC: 1.18 and later
//   not supported, 1.15–1.17 from Office 2024, 1.8–1.14 from Office 2021; Mac: 1.11 from 16.33,
//   1.12 from 16.40)
// - Custom Functions requirement sets:
//   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/custom-functions-requirement-sets
//   (1.4 and 1.5 not supported on perpetual/LTSC; 1.1–1.3 from Office 2021; Mac: 1.1 and 1.2 from
//   16.34, 1.3 from 16.40)
// - Shared runtime requirement sets:
//   https://learn.microsoft.com/en-us/javascript/api/requirement-sets/common/shared-runtime-requirement-sets
//   (1.1 from Excel 2021 and on Mac from 16.35; 1.2 from Excel 2024)
// No Node APIs: the browser tests' stand-in bundles this too.

export interface HostProfile {
  /** A short name for test titles and file names. */
  id: string;
  name: string;
  /** The highest version of each requirement set the host supports (every lower one too). */
  sets: Readonly<Record<string, string>>;
}

export const HOST_PROFILES = {
  microsoft365: {
    id: 'microsoft365',
    name: 'Microsoft 365 (current channel, Windows)',
    sets: { ExcelApi: '1.20', ExcelApiDesktop: '1.1', CustomFunctionsRuntime: '1.5', SharedRuntime: '1.2' },
  },
  microsoft365_2208: {
    id: 'microsoft365_2208',
    name: 'Microsoft 365 Version 2208 (Windows)',
    sets: { ExcelApi: '1.16', CustomFunctionsRuntime: '1.4', SharedRuntime: '1.2' },
  },
  office2024: {
    id: 'office2024',
    name: 'Office LTSC 2024 (Windows)',
    sets: { ExcelApi: '1.17', CustomFunctionsRuntime: '1.3', SharedRuntime: '1.2' },
  },
  office2021: {
    id: 'office2021',
    name: 'Office LTSC 2021 (Windows)',
    sets: { ExcelApi: '1.14', CustomFunctionsRuntime: '1.3', SharedRuntime: '1.1' },
  },
  mac16_35: {
    id: 'mac16_35',
    name: 'Excel on Mac 16.35',
    sets: { ExcelApi: '1.11', CustomFunctionsRuntime: '1.2', SharedRuntime: '1.1' },
  },
} as const satisfies Record<string, HostProfile>;

export type HostProfileId = keyof typeof HOST_PROFILES;

/** The host the stand-ins are when a test names none: Office LTSC 2024, below the current channel. */
export const DEFAULT_HOST: HostProfile = HOST_PROFILES.office2024;

/** A host with exactly what the manifest declares and nothing above it. */
export function floorHost(requirements: readonly { set: string; version: string }[]): HostProfile {
  return { id: 'floor', name: 'the manifest floor', sets: Object.fromEntries(requirements.map((r) => [r.set, r.version])) };
}

/** "1.12" > "1.9": versions compare number by number. */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** Office.context.requirements.isSetSupported as this host answers it. */
export function isSetSupportedOn(profile: HostProfile, name: string, minVersion = '1.1'): boolean {
  const have = profile.sets[name];
  return have !== undefined && versionAtLeast(have, minVersion);
}
