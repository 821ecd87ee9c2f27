export * from './mozilla-compliance.ts';
export {
  type MozillaProfile,
  type MozillaProfileName,
  mozillaGuidelinesVersion,
  mozillaProfileNames,
  mozillaProfiles,
  UnknownGuidelineNameError,
} from './mozilla-guidelines.ts';
export type { GradeCap, GradeCapCode, LetterGrade, TrustGrade } from './ssl-labs-caps.ts';
export * from './ssl-labs-grade.ts';
export * from './tls-facts.ts';
