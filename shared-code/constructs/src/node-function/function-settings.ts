export interface FunctionSettingsProps {
  /** Default: 30 s. */
  readonly timeoutSeconds?: number;
  /** Default: 256 MB. */
  readonly memorySizeMb?: number;
  /** Default: 365 days, the year an investigation may need to look back. */
  readonly logRetentionDays?: number;
}

export const defaultFunctionSettings = {
  timeoutSeconds: 30,
  memorySizeMb: 256,
  logRetentionDays: 365,
} as const;

/** The retention periods CloudWatch Logs accepts. */
const logRetentionPeriods = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

export const resolveFunctionSettings = (props: FunctionSettingsProps): Required<FunctionSettingsProps> => ({
  ...defaultFunctionSettings,
  ...props,
});

export const validateFunctionSettings = (props: FunctionSettingsProps): string[] => {
  const settings = resolveFunctionSettings(props);
  const errors: string[] = [];
  if (
    !Number.isInteger(settings.timeoutSeconds) ||
    settings.timeoutSeconds < 1 ||
    settings.timeoutSeconds > 900
  ) {
    errors.push('timeoutSeconds must be an integer in 1..900');
  }
  if (
    !Number.isInteger(settings.memorySizeMb) ||
    settings.memorySizeMb < 128 ||
    settings.memorySizeMb > 10240
  ) {
    errors.push('memorySizeMb must be an integer in 128..10240');
  }
  if (!logRetentionPeriods.includes(settings.logRetentionDays)) {
    errors.push(`logRetentionDays must be one of ${logRetentionPeriods.join(', ')}`);
  }
  return errors;
};
