import type { Applier } from '../applier.ts';
import { readCallerIdentity } from './caller-identity.ts';
import { readAvailabilityZones, readPartition, readRegion } from './region.ts';
import { readRemoteState } from './remote-state.ts';
import { readSsmParameter } from './ssm-parameter.ts';

/** The data sources the local platform reads; any other gets placeholder values and is listed. */
export const dataSourceReaders: Readonly<Record<string, Applier>> = {
  aws_caller_identity: readCallerIdentity,
  aws_region: readRegion,
  aws_partition: readPartition,
  aws_availability_zones: readAvailabilityZones,
  aws_ssm_parameter: readSsmParameter,
  terraform_remote_state: readRemoteState,
};
