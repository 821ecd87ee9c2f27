import type { InvocationError } from './invocation-error.ts';

/** What a function's worker thread is started with. */
export interface WorkerData {
  /** The unpacked deployment package. */
  readonly taskRoot: string;
  readonly handler: string;
  readonly functionName: string;
  readonly region: string;
  readonly accountId: string;
  readonly memorySizeMb: number;
  readonly timeoutMs: number;
}

/** Events and results cross the thread boundary as JSON, as they cross Lambda's runtime API. */
export interface InvokeMessage {
  readonly kind: 'invoke';
  readonly requestId: string;
  readonly eventJson: string;
}

export type WorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'init-failed'; readonly error: InvocationError }
  | { readonly kind: 'succeeded'; readonly payloadJson: string }
  | { readonly kind: 'failed'; readonly error: InvocationError };
