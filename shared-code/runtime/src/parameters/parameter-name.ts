import { ConfigurationError } from '../errors/index.ts';

/** Where a value lives in SSM: `/{app}/{stage}/{project}/{thing}/{attribute}`. */
export interface ParameterAddress {
  /** The project that publishes the value, e.g. `analytics-platform`. */
  readonly project: string;
  /** The resource or setting, e.g. `ingest-queue`. */
  readonly thing: string;
  /** Which of its attributes, e.g. `url`. */
  readonly attribute: string;
  /** Default: SEC_AN_APP, else `sec-an`. */
  readonly app?: string;
  /** Default: SEC_AN_STAGE, which every deployed function and the local platform set. */
  readonly stage?: string;
}

const segmentPattern = /^[a-z0-9][a-z0-9-]*$/;

const segment = (kind: string, value: string): string => {
  if (!segmentPattern.test(value)) {
    throw new ConfigurationError(
      `SSM name segment ${kind} "${value}" must be lower-case letters, digits and dashes`,
    );
  }
  return value;
};

export const currentApp = (): string => process.env.SEC_AN_APP ?? 'sec-an';

/** No default on purpose: a function that guessed its stage could read another stage's resources. */
export const currentStage = (): string => {
  const stage = process.env.SEC_AN_STAGE;
  if (stage === undefined || stage === '') {
    throw new ConfigurationError('SEC_AN_STAGE is not set, so no SSM parameter name can be formed');
  }
  return stage;
};

export const parameterName = (address: ParameterAddress): string =>
  [
    segment('app', address.app ?? currentApp()),
    segment('stage', address.stage ?? currentStage()),
    segment('project', address.project),
    segment('thing', address.thing),
    segment('attribute', address.attribute),
  ]
    .map((part) => `/${part}`)
    .join('');
