import { analyseChain, type ChainAnalysis, type RootCertificates } from '../certificates/index.ts';
import {
  bestMozillaProfile,
  type MozillaCompliance,
  type MozillaProfileName,
  mozillaCompliance,
  type SslLabsRating,
  servedCertificateFactsOf,
  sslLabsGrade,
  type TlsFacts,
  tlsFactsOf,
} from '../compliance/index.ts';
import type { EndpointScan } from '../probe/index.ts';

export interface AssessmentOptions {
  /** The moment validity and days to expiry are judged at: the scan's end, so a re-parse gives the same answer. */
  readonly at: Date;
  /** Trust anchors; Mozilla's store as bundled with Node when absent. */
  readonly roots?: RootCertificates;
}

/** Everything judged from one scan of one endpoint under one server name. */
export interface EndpointAssessment {
  readonly chain: ChainAnalysis;
  readonly facts: TlsFacts;
  readonly compliance: readonly MozillaCompliance[];
  /** The strictest Mozilla profile the endpoint meets, if any. */
  readonly bestProfile?: MozillaProfileName;
  /** Absent when the endpoint offered no protocol. */
  readonly grade?: SslLabsRating;
}

/**
 * Judges a scan: its certificate chain against the roots and its server name, then the observed facts against
 * the pinned Mozilla profiles and the SSL Labs rating guide. A pure function of the scan, so a raw record parsed
 * again later gives the same documents unless the judging code changed.
 */
export const assessEndpoint = (scan: EndpointScan, options: AssessmentOptions): EndpointAssessment => {
  const chain = analyseChain(scan.certificates, {
    at: options.at,
    ...(scan.serverName === undefined ? {} : { serverName: scan.serverName }),
    ...(options.roots === undefined ? {} : { roots: options.roots }),
  });
  const facts = tlsFactsOf(scan, servedCertificateFactsOf(chain));
  const compliance = mozillaCompliance(facts);
  const bestProfile = bestMozillaProfile(compliance);
  const grade = sslLabsGrade(facts);
  return {
    chain,
    facts,
    compliance,
    ...(bestProfile === undefined ? {} : { bestProfile }),
    ...(grade === undefined ? {} : { grade }),
  };
};
