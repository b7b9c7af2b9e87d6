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
 * dualStackDnsSuffix, implicitGlobalRegion, and `global` when `<name>-global` is a region of it.
 * A region belongs to the partition when it matches `^PREFIX-\w+-\d+$` (the data's regex) or is
 * that pseudo-region: every other region the published data lists matches its own partition's
 * regex, which test/endpoints/partitions.test.ts checks against the full data.
 */
const TABLE = [
  "aws (us|eu|ap|sa|ca|me|af|il|mx) amazonaws.com api.aws us-east-1 global",
  "aws-cn cn amazonaws.com.cn api.amazonwebservices.com.cn cn-northwest-1 global",
  "aws-eusc eusc-(de) amazonaws.eu api.amazonwebservices.eu eusc-de-east-1",
  "aws-iso us-iso c2s.ic.gov api.aws.ic.gov us-iso-east-1 global",
  "aws-iso-b us-isob sc2s.sgov.gov api.aws.scloud us-isob-east-1 global",
  "aws-iso-e eu-isoe cloud.adc-e.uk api.cloud-aws.adc-e.uk eu-isoe-west-1 global",
  "aws-iso-f us-isof csp.hci.ic.gov api.aws.hci.ic.gov us-isof-south-1 global",
  "aws-us-gov us-gov amazonaws.com api.aws us-gov-west-1 global",
].map((line) => {
  const [name, prefix, dnsSuffix, dualStackDnsSuffix, implicitGlobalRegion, global] = line.split(
    " ",
  ) as [string, string, string, string, string, string?];
  // Frozen and shared, so a caller cannot alter what later lookups return.
  const outputs: PartitionOutputs = Object.freeze({
    name,
    dnsSuffix,
    dualStackDnsSuffix,
    supportsFIPS: true,
    supportsDualStack: true,
    implicitGlobalRegion,
  });
  const pseudoRegion = global ? `|${name}-global` : "";
  return [new RegExp(`^(${prefix}-\\w+-\\d+${pseudoRegion})$`), outputs] as const;
});

/** `aws.partition`: the first partition the region belongs to, else `aws`. */
export function partition(region: string): PartitionOutputs {
  return (TABLE.find(([regex]) => regex.test(region)) ?? TABLE[0]!)[1];
}
