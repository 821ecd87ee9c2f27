/**
 * Why a chain is not complete, trusted, valid or right for the name; each code names one failure, `position`
 * is the index of the certificate at fault in the chain as served.
 */
export type ChainReasonCode =
  | 'no-certificate'
  | 'unparseable-certificate'
  | 'incomplete-chain'
  | 'self-signed'
  | 'untrusted-root'
  | 'issuer-not-ca'
  | 'invalid-issuer'
  | 'chain-too-long'
  | 'chain-out-of-order'
  | 'unused-certificate'
  | 'expired'
  | 'not-yet-valid'
  | 'name-mismatch'
  | 'name-only-in-common-name';

export interface ChainReason {
  readonly code: ChainReasonCode;
  readonly position?: number;
  readonly detail: string;
}

export const chainReason = (code: ChainReasonCode, detail: string, position?: number): ChainReason => ({
  code,
  ...(position === undefined ? {} : { position }),
  detail,
});
