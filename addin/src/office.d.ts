// The parts of the Office JavaScript runtime the add-in uses. Declared here (rather than taken
// from @types packages) because the add-in must also run, and be tested, where they are absent.

declare namespace CustomFunctions {
  type ErrorCodeValue = '#VALUE!' | '#N/A' | '#NUM!' | '#DIV/0!' | '#NULL!' | '#NAME?' | '#REF!' | '#BUSY!';
  const ErrorCode: {
    invalidValue: '#VALUE!';
    notAvailable: '#N/A';
    invalidNumber: '#NUM!';
    divisionByZero: '#DIV/0!';
    nullReference: '#NULL!';
    invalidName: '#NAME?';
    invalidReference: '#REF!';
  };
  class Error {
    constructor(code: ErrorCodeValue, message?: string);
    code: ErrorCodeValue;
    message?: string;
  }
  function associate(id: string, fn: (...args: any[]) => unknown): void;
}

declare namespace OfficeRuntime {
  const storage: {
    getItem(key: string): Promise<string | null>;
    setItem(key: string, value: string): Promise<void>;
    removeItem(key: string): Promise<void>;
  };
}

declare namespace Office {
  function onReady(): Promise<{ host: string | null; platform: string | null }>;
  const context: { host?: string } | undefined;
}

declare namespace Excel {
  interface Range {
    formulas: unknown[][];
    values: unknown[][];
    address: string;
    isNullObject?: boolean;
    load(props: string): void;
    select(): void;
  }
  interface Worksheet {
    name: string;
    getRange(address: string): Range;
    getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
  }
  interface WorksheetCollection {
    items: Worksheet[];
    load(props: string): void;
    getItem(name: string): Worksheet;
  }
  interface RequestContext {
    workbook: { getSelectedRange(): Range; worksheets: WorksheetCollection };
    sync(): Promise<void>;
  }
  function run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
}
