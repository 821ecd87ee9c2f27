/** What an ingest skipped or could not resolve, without failing: each names the zone, record and value at fault. */
export interface IngestWarning {
  /** A stable kind, for counting and filtering logs. */
  readonly code:
    | 'malformed-value'
    | 'zone-gone'
    | 'dangling-target'
    | 'resolution-loop'
    | 'chain-too-long'
    | 'outside-resolution-failed'
    | 'host-without-address';
  readonly message: string;
}

export type WarningLog = (warning: IngestWarning) => void;

/** Collects an ingest's warnings, each once (a record reached by many hosts is reported once). */
export class Warnings {
  readonly #seen = new Map<string, IngestWarning>();
  readonly #log: WarningLog | undefined;

  constructor(log?: WarningLog) {
    this.#log = log;
  }

  add(code: IngestWarning['code'], message: string): void {
    const key = `${code} ${message}`;
    if (this.#seen.has(key)) return;
    const warning = { code, message };
    this.#seen.set(key, warning);
    this.#log?.(warning);
  }

  list(): IngestWarning[] {
    return [...this.#seen.values()];
  }
}
