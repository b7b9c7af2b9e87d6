/**
 * The full AWS partition data (data version 1.1), every explicitly listed region included, and
 * a lookup over data of this shape. The runtime keeps a compact table
 * (src/runtime/endpoints/partitions.ts); test/endpoints/partitions.test.ts proves it gives the
 * same partition as this data. The interpreter and the altered-data tests use it too.
 */
import type { PartitionOutputs } from "../../src/runtime/endpoints/partitions.js";

export type { PartitionOutputs };

export interface PartitionData {
  readonly id: string;
  /** Source of a `RegExp` (no flags), tried when the region is not listed explicitly. */
  readonly regionRegex: string;
  /** Regions that belong to this partition whatever the regexes say. */
  readonly regions: readonly string[];
  readonly outputs: PartitionOutputs;
}

// Region lists are space-separated strings, easy to diff against the published data.
const data = (
  id: string,
  regionRegex: string,
  regions: string,
  dnsSuffix: string,
  dualStackDnsSuffix: string,
  implicitGlobalRegion: string,
): PartitionData => ({
  id,
  regionRegex,
  regions: regions.split(" "),
  outputs: {
    name: id,
    dnsSuffix,
    dualStackDnsSuffix,
    supportsFIPS: true,
    supportsDualStack: true,
    implicitGlobalRegion,
  },
});

/** The built-in partitions, in data order (order matters for the regex step). */
export const PARTITIONS: readonly PartitionData[] = [
  data(
    "aws",
    "^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$",
    "af-south-1 ap-east-1 ap-east-2 ap-northeast-1 ap-northeast-2 ap-northeast-3 ap-south-1 " +
      "ap-south-2 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 ap-southeast-5 " +
      "ap-southeast-6 ap-southeast-7 aws-global ca-central-1 ca-west-1 eu-central-1 eu-central-2 " +
      "eu-north-1 eu-south-1 eu-south-2 eu-west-1 eu-west-2 eu-west-3 il-central-1 me-central-1 " +
      "me-south-1 me-west-1 mx-central-1 sa-east-1 sa-west-1 us-east-1 us-east-2 us-west-1 us-west-2",
    "amazonaws.com",
    "api.aws",
    "us-east-1",
  ),
  data(
    "aws-cn",
    "^cn\\-\\w+\\-\\d+$",
    "aws-cn-global cn-north-1 cn-northwest-1",
    "amazonaws.com.cn",
    "api.amazonwebservices.com.cn",
    "cn-northwest-1",
  ),
  data(
    "aws-eusc",
    "^eusc\\-(de)\\-\\w+\\-\\d+$",
    "eusc-de-east-1",
    "amazonaws.eu",
    "api.amazonwebservices.eu",
    "eusc-de-east-1",
  ),
  data(
    "aws-iso",
    "^us\\-iso\\-\\w+\\-\\d+$",
    "aws-iso-global us-iso-east-1 us-iso-west-1",
    "c2s.ic.gov",
    "api.aws.ic.gov",
    "us-iso-east-1",
  ),
  data(
    "aws-iso-b",
    "^us\\-isob\\-\\w+\\-\\d+$",
    "aws-iso-b-global us-isob-east-1 us-isob-west-1",
    "sc2s.sgov.gov",
    "api.aws.scloud",
    "us-isob-east-1",
  ),
  data(
    "aws-iso-e",
    "^eu\\-isoe\\-\\w+\\-\\d+$",
    "aws-iso-e-global eu-isoe-west-1",
    "cloud.adc-e.uk",
    "api.cloud-aws.adc-e.uk",
    "eu-isoe-west-1",
  ),
  data(
    "aws-iso-f",
    "^us\\-isof\\-\\w+\\-\\d+$",
    "aws-iso-f-global us-isof-east-1 us-isof-south-1",
    "csp.hci.ic.gov",
    "api.aws.hci.ic.gov",
    "us-isof-south-1",
  ),
  data(
    "aws-us-gov",
    "^us\\-gov\\-\\w+\\-\\d+$",
    "aws-us-gov-global us-gov-east-1 us-gov-west-1",
    "amazonaws.com",
    "api.aws",
    "us-gov-west-1",
  ),
];

export type PartitionLookup = (region: string) => PartitionOutputs;

/**
 * Builds a lookup over `partitions`: an explicitly listed region wins, then the first
 * partition (in data order) whose regex matches, then the `aws` partition. The index and
 * the regexes are built once here, not per call. Results are frozen and shared, so a
 * caller cannot alter what later lookups return.
 */
export function createPartitionLookup(partitions: readonly PartitionData[]): PartitionLookup {
  const byRegion = new Map<string, PartitionOutputs>();
  const patterns: [RegExp, PartitionOutputs][] = [];
  let fallback: PartitionOutputs | undefined;
  for (const p of partitions) {
    const outputs = Object.freeze({ ...p.outputs });
    // The first partition listing a region keeps it, matching a scan in data order.
    for (const region of p.regions) if (!byRegion.has(region)) byRegion.set(region, outputs);
    patterns.push([new RegExp(p.regionRegex), outputs]);
    if (p.id === "aws") fallback = outputs;
  }
  if (!fallback) throw new Error('Partition data has no "aws" partition to fall back to');
  const aws = fallback;
  return (region) => byRegion.get(region) ?? patterns.find(([re]) => re.test(region))?.[1] ?? aws;
}
