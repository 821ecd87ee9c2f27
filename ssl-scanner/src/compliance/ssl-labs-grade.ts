import { type GradeCap, gradeCaps, type LetterGrade, type TrustGrade } from './ssl-labs-caps.ts';
import { cipherScore, keyExchangeScore, overallScore, protocolScore } from './ssl-labs-scores.ts';
import type { TlsFacts } from './tls-facts.ts';

export interface SslLabsRating {
  /** T or M when the certificate is not trusted or does not match the name, otherwise the letter. */
  readonly grade: LetterGrade | TrustGrade;
  /** The letter if trust issues were ignored, as SSL Labs shows beside a T or an M. */
  readonly gradeIgnoringTrust: LetterGrade;
  readonly score: number;
  readonly protocolScore: number;
  readonly keyExchangeScore: number;
  readonly cipherScore: number;
  readonly caps: readonly GradeCap[];
}

const letters: readonly LetterGrade[] = ['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F'];

/** Rating guide table 1. */
const letterOfScore = (score: number): LetterGrade => {
  if (score >= 80) return 'A';
  if (score >= 65) return 'B';
  if (score >= 50) return 'C';
  if (score >= 35) return 'D';
  if (score >= 20) return 'E';
  return 'F';
};

const worse = (a: LetterGrade, b: LetterGrade): LetterGrade =>
  letters.indexOf(a) >= letters.indexOf(b) ? a : b;

const isLetter = (grade: GradeCap['grade']): grade is LetterGrade =>
  (letters as readonly string[]).includes(grade);

/**
 * The SSL Labs rating of the observed facts: the three category scores and their weighted sum turned into a letter,
 * then lowered by every cap the facts trigger; T (untrusted) or M (name mismatch) replace the letter. A+ is never
 * given: it needs HSTS, an HTTP header a TLS scanner does not see. Undefined when no protocol was offered.
 */
export const sslLabsGrade = (facts: TlsFacts): SslLabsRating | undefined => {
  if (facts.protocols.length === 0) return undefined;
  const scores = {
    protocolScore: protocolScore(facts),
    keyExchangeScore: keyExchangeScore(facts),
    cipherScore: cipherScore(facts),
  };
  const score = overallScore(scores.protocolScore, scores.keyExchangeScore, scores.cipherScore);
  const caps = gradeCaps(facts);
  const gradeIgnoringTrust = caps
    .map((entry) => entry.grade)
    .filter(isLetter)
    .reduce(worse, letterOfScore(score));
  const trust = caps.map((entry) => entry.grade).filter((grade): grade is TrustGrade => !isLetter(grade));
  const grade = trust.includes('T') ? 'T' : trust.includes('M') ? 'M' : gradeIgnoringTrust;
  return { grade, gradeIgnoringTrust, score, ...scores, caps };
};
