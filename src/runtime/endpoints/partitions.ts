/**
 * AWS partition data (data version 1.1) and the `aws.partition` lookup of endpoint rule sets.
 * Service-agnostic: any rule set that calls `aws.partition` reads these values.
 */

/** What `aws.partition(Region)` returns; rule sets read its fields. */
export interface PartitionOutputs {
  readonly name: string;
  readonly dnsSuffix: string;
  readonly dualStackDnsSuffix: string;
  readonly supportsFIPS: boolean;
  readonly supportsDualStack: boolean;
  readonly implicitGlobalRegion: string;
}

/**
 * One partition a line, in data order (the first match wins): name, region prefix, dnsSuffix,
 * dualStackDnsSuffix, implicitGlobalRegion, then the regions its regex `^PREFIX-\w+-\d+$` misses.
 * Every other region of the published data matches its own partition's regex, so only the
 * `*-global` pseudo-regions are listed; test/endpoints/partitions.test.ts checks this table
 * against the full data.
 */
const TABLE = [
  "aws (us|eu|ap|sa|ca|me|af|il|mx) amazonaws.com api.aws us-east-1 aws-global",
  "aws-cn cn amazonaws.com.cn api.amazonwebservices.com.cn cn-northwest-1 aws-cn-global",
  "aws-eusc eusc-(de) amazonaws.eu api.amazonwebservices.eu eusc-de-east-1",
  "aws-iso us-iso c2s.ic.gov api.aws.ic.gov us-iso-east-1 aws-iso-global",
  "aws-iso-b us-isob sc2s.sgov.gov api.aws.scloud us-isob-east-1 aws-iso-b-global",
  "aws-iso-e eu-isoe cloud.adc-e.uk api.cloud-aws.adc-e.uk eu-isoe-west-1 aws-iso-e-global",
  "aws-iso-f us-isof csp.hci.ic.gov api.aws.hci.ic.gov us-isof-south-1 aws-iso-f-global",
  "aws-us-gov us-gov amazonaws.com api.aws us-gov-west-1 aws-us-gov-global",
].map((line) => {
  const [name, prefix, dnsSuffix, dualStackDnsSuffix, implicitGlobalRegion, ...regions] =
    line.split(" ") as [string, string, string, string, string, ...string[]];
  // Frozen and shared, so a caller cannot alter what later lookups return.
  const outputs: PartitionOutputs = Object.freeze({
    name,
    dnsSuffix,
    dualStackDnsSuffix,
    supportsFIPS: true,
    supportsDualStack: true,
    implicitGlobalRegion,
  });
  return [new RegExp(`^${prefix}-\\w+-\\d+$`), regions, outputs] as const;
});

/** `aws.partition`: the first partition whose regex or list has the region, else `aws`. */
export function partition(region: string): PartitionOutputs {
  const found = TABLE.find(([regex, regions]) => regex.test(region) || regions.includes(region));
  return (found ?? TABLE[0]!)[2];
}
