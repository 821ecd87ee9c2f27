/** How big the search domain is; every setting has a default fit for a small security team's estate. */
export interface SearchDomainProps {
  /** Data node instance type. Default: `m6g.large.search` (Graviton, 8 GiB; FGAC and encryption need no more). */
  readonly instanceType?: string;
  /** Data nodes. Default: 1; more than one spreads them over two or three zones (zone awareness). */
  readonly instanceCount?: number;
  /** gp3 volume per data node, in GiB. Default: 20. */
  readonly volumeSizeGb?: number;
  /** Hour (UTC) of the daily automated snapshot. Default: 3. */
  readonly snapshotStartHour?: number;
  /**
   * Instance type of three dedicated cluster manager ("master") nodes. Default: none, the data nodes manage the
   * cluster, which is enough for a few data nodes; a large estate sets it (e.g. `m6g.large.search`).
   */
  readonly dedicatedMasterType?: string;
}

export const defaultSearchDomain = {
  instanceType: 'm6g.large.search',
  instanceCount: 1,
  volumeSizeGb: 20,
  snapshotStartHour: 3,
} as const satisfies Required<Omit<SearchDomainProps, 'dedicatedMasterType'>>;

export type ResolvedSearchDomainProps = Required<Omit<SearchDomainProps, 'dedicatedMasterType'>> &
  Pick<SearchDomainProps, 'dedicatedMasterType'>;

export const resolveSearchDomainProps = (props: SearchDomainProps): ResolvedSearchDomainProps => ({
  ...defaultSearchDomain,
  ...props,
});

/** Three, so that losing one still leaves a quorum. */
export const dedicatedMasterCount = 3;

const instanceTypePattern = /^[a-z0-9]+\.[a-z0-9]+\.search$/;

/**
 * Zones the data nodes are spread over: none for one node; three when the count divides by three (a zone can
 * fail and two thirds remain), else two. OpenSearch Service needs the count to be a multiple of the zones.
 */
export const zonesFor = (instanceCount: number): 1 | 2 | 3 => {
  if (instanceCount <= 1) return 1;
  return instanceCount % 3 === 0 ? 3 : 2;
};

const wholeIn = (name: string, value: number, min: number, max: number): string[] =>
  Number.isInteger(value) && value >= min && value <= max
    ? []
    : [`${name} must be a whole number in ${min}..${max}`];

export const validateSearchDomainProps = (props: SearchDomainProps): string[] => {
  const resolved = resolveSearchDomainProps(props);
  const count = resolved.instanceCount;
  return [
    ...(instanceTypePattern.test(resolved.instanceType)
      ? []
      : [
          `instanceType "${resolved.instanceType}" is not an OpenSearch instance type (like m6g.large.search)`,
        ]),
    ...(resolved.dedicatedMasterType === undefined || instanceTypePattern.test(resolved.dedicatedMasterType)
      ? []
      : [`dedicatedMasterType "${resolved.dedicatedMasterType}" is not an OpenSearch instance type`]),
    ...wholeIn('instanceCount', count, 1, 80),
    ...(count > 1 && count % zonesFor(count) !== 0
      ? [
          `instanceCount ${count} cannot be spread evenly over zones: use 1, an even number or a multiple of 3`,
        ]
      : []),
    ...wholeIn('volumeSizeGb', resolved.volumeSizeGb, 10, 16_384),
    ...wholeIn('snapshotStartHour', resolved.snapshotStartHour, 0, 23),
  ];
};
