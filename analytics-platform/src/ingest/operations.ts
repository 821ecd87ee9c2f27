/** Which part of a result an operation writes, so that its verdict can be traced back. */
export type OperationPart =
  | { readonly kind: 'history' | 'snapshot'; readonly type: string; readonly key: string }
  | { readonly kind: 'removal'; readonly type: string; readonly key: string }
  | { readonly kind: 'change' }
  | { readonly kind: 'subject' };

/** One `_bulk` action. With a version, it is written `external_gte`: an older scan never replaces a newer one. */
export interface Operation {
  readonly action: 'index' | 'delete';
  readonly index: string;
  readonly id: string;
  readonly version?: number;
  readonly source?: Readonly<Record<string, unknown>>;
  /** The position of the result (in the ingested batch) the operation belongs to. */
  readonly owner: number;
  readonly part: OperationPart;
}

export type Verdict =
  | { readonly status: 'written' }
  /** A newer scan already wrote (or removed) it. */
  | { readonly status: 'stale' }
  | { readonly status: 'transient'; readonly reason: string }
  | { readonly status: 'refused'; readonly reason: string };
