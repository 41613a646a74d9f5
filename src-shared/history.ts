import type { ProductFamily } from './domain';

/** A past campaign's contacts and outcomes imported as the baseline (Results › History baseline). */

export interface HistoryImport {
  id: number;
  name: string;
  /** The product family the campaign offered: its rate is that family's baseline. */
  family: ProductFamily;
  file: string;
  contacts: number;
  responders: number;
  rate: number;
  imported_at: string;
  imported_by: string;
}

export interface HistorySegment {
  key: string;
  label: string;
  values: {
    value: string;
    contacts: number;
    responders: number;
    rate: number;
    /** 95% Wald interval of the rate. */
    ci_low: number;
    ci_high: number;
  }[];
}

export interface HistoryReport {
  history: HistoryImport;
  segments: HistorySegment[];
}
