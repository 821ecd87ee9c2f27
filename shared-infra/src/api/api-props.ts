export interface ApiProps {
  /** The stage clients call, the last part of the invoke URL. Default: `v1`. */
  readonly stageName?: string;
  /** Requests one address may make in five minutes before WAF blocks it for a while. Default: 1000. */
  readonly rateLimitPerFiveMinutes?: number;
  /**
   * Set the account's API Gateway CloudWatch role, which access logs need. It is one setting per account and
   * region: when several stages share an account, let exactly one of them manage it. Default: true.
   */
  readonly manageAccountLoggingRole?: boolean;
}

export const defaultApi = {
  stageName: 'v1',
  rateLimitPerFiveMinutes: 1000,
  manageAccountLoggingRole: true,
} as const;

const stageNamePattern = /^[a-zA-Z0-9_-]{1,128}$/;

/** WAF's rate-based rules count from 10 to 2 billion requests. */
export const validateApiProps = (props: ApiProps): string[] => {
  const stageName = props.stageName ?? defaultApi.stageName;
  const rateLimit = props.rateLimitPerFiveMinutes ?? defaultApi.rateLimitPerFiveMinutes;
  return [
    ...(stageNamePattern.test(stageName)
      ? []
      : [`stageName "${stageName}" must be letters, digits, - and _`]),
    ...(Number.isInteger(rateLimit) && rateLimit >= 10 && rateLimit <= 2_000_000_000
      ? []
      : ['rateLimitPerFiveMinutes must be a whole number in 10..2000000000']),
  ];
};
