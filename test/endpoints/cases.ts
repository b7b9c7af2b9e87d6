// Expected resolutions of the Cognito Identity rule set, written by hand from
// shared/spec/facts.md §10.2, §10.3 and §10.5. Shared by the vitest suite and by the
// one-off comparison against the official resolver (kept outside the repository).

// A type alias (not an interface) so it fits index-signature parameter types.
export type Params = {
  Region?: string;
  UseFIPS?: boolean;
  UseDualStack?: boolean;
  Endpoint?: string;
};

export interface Case {
  name: string;
  params: Params;
  /** Expected URL (compared after URL normalisation, so a bare host gains a "/"). */
  url?: string;
  /** Expected error message, verbatim. */
  error?: string;
}

const S = { UseFIPS: false, UseDualStack: false };
const F = { UseFIPS: true, UseDualStack: false };
const D = { UseFIPS: false, UseDualStack: true };
const FD = { UseFIPS: true, UseDualStack: true };

export const ERR_FIPS_CUSTOM = "Invalid Configuration: FIPS and custom endpoint are not supported";
export const ERR_DUAL_CUSTOM =
  "Invalid Configuration: Dualstack and custom endpoint are not supported";
export const ERR_NO_REGION = "Invalid Configuration: Missing Region";
export const ERR_NO_FIPS_DUAL =
  "FIPS and DualStack are enabled, but this partition does not support one or both";
export const ERR_NO_FIPS = "FIPS is enabled but this partition does not support FIPS";
export const ERR_NO_DUAL = "DualStack is enabled but this partition does not support DualStack";

export const cases: Case[] = [
  // rows 1-3: custom endpoint
  {
    name: "custom endpoint, no region",
    params: { ...S, Endpoint: "https://example.com" },
    url: "https://example.com/",
  },
  {
    name: "custom endpoint with region, region unused",
    params: { ...S, Region: "eu-west-1", Endpoint: "https://localhost:8443/base" },
    url: "https://localhost:8443/base",
  },
  {
    name: "custom endpoint, flags omitted (defaults)",
    params: { Endpoint: "http://127.0.0.1:9000" },
    url: "http://127.0.0.1:9000/",
  },
  {
    name: "row 1: custom + FIPS",
    params: { ...F, Region: "us-east-1", Endpoint: "https://example.com" },
    error: ERR_FIPS_CUSTOM,
  },
  {
    name: "row 1 before row 2: custom + FIPS + dual",
    params: { ...FD, Endpoint: "https://example.com" },
    error: ERR_FIPS_CUSTOM,
  },
  {
    name: "row 2: custom + dual-stack",
    params: { ...D, Endpoint: "https://example.com" },
    error: ERR_DUAL_CUSTOM,
  },
  // row 4
  { name: "row 4: no region, no endpoint", params: { ...S }, error: ERR_NO_REGION },
  { name: "row 4: nothing at all", params: {}, error: ERR_NO_REGION },
  { name: "row 4: FIPS without region", params: { ...F }, error: ERR_NO_REGION },

  // aws: standard / FIPS / dual-stack (row 11 special case) / FIPS+dual-stack (row 6 special case)
  {
    name: "aws standard",
    params: { ...S, Region: "us-east-1" },
    url: "https://cognito-identity.us-east-1.amazonaws.com",
  },
  {
    name: "aws FIPS",
    params: { ...F, Region: "us-east-1" },
    url: "https://cognito-identity-fips.us-east-1.amazonaws.com",
  },
  {
    name: "aws dual-stack (row 11)",
    params: { ...D, Region: "us-east-1" },
    url: "https://cognito-identity.us-east-1.amazonaws.com",
  },
  {
    name: "row 6: us-east-1",
    params: { ...FD, Region: "us-east-1" },
    url: "https://cognito-identity-fips.us-east-1.amazonaws.com",
  },
  {
    name: "row 6: us-east-2",
    params: { ...FD, Region: "us-east-2" },
    url: "https://cognito-identity-fips.us-east-2.amazonaws.com",
  },
  {
    name: "row 6: us-west-1",
    params: { ...FD, Region: "us-west-1" },
    url: "https://cognito-identity-fips.us-west-1.amazonaws.com",
  },
  {
    name: "row 6: us-west-2",
    params: { ...FD, Region: "us-west-2" },
    url: "https://cognito-identity-fips.us-west-2.amazonaws.com",
  },
  {
    name: "row 7: ca-central-1",
    params: { ...FD, Region: "ca-central-1" },
    url: "https://cognito-identity-fips.ca-central-1.api.aws",
  },
  {
    name: "row 7: eu-west-1",
    params: { ...FD, Region: "eu-west-1" },
    url: "https://cognito-identity-fips.eu-west-1.api.aws",
  },
  {
    name: "row 7: regex-only aws region us-east-3",
    params: { ...FD, Region: "us-east-3" },
    url: "https://cognito-identity-fips.us-east-3.api.aws",
  },
  {
    name: "row 11: eu-west-1 dual-stack",
    params: { ...D, Region: "eu-west-1" },
    url: "https://cognito-identity.eu-west-1.amazonaws.com",
  },
  {
    name: "aws standard ap-southeast-7",
    params: { ...S, Region: "ap-southeast-7" },
    url: "https://cognito-identity.ap-southeast-7.amazonaws.com",
  },
  {
    name: "aws FIPS ca-west-1",
    params: { ...F, Region: "ca-west-1" },
    url: "https://cognito-identity-fips.ca-west-1.amazonaws.com",
  },
  {
    name: "aws-global (explicit, matches no regex)",
    params: { ...S, Region: "aws-global" },
    url: "https://cognito-identity.aws-global.amazonaws.com",
  },
  {
    name: "unknown region foo-bar falls back to aws",
    params: { ...S, Region: "foo-bar" },
    url: "https://cognito-identity.foo-bar.amazonaws.com",
  },
  {
    name: "unknown region foo-bar FIPS+dual",
    params: { ...FD, Region: "foo-bar" },
    url: "https://cognito-identity-fips.foo-bar.api.aws",
  },
  {
    name: "unknown region foo-bar dual (aws special case)",
    params: { ...D, Region: "foo-bar" },
    url: "https://cognito-identity.foo-bar.amazonaws.com",
  },

  // aws-cn
  {
    name: "aws-cn standard",
    params: { ...S, Region: "cn-north-1" },
    url: "https://cognito-identity.cn-north-1.amazonaws.com.cn",
  },
  {
    name: "aws-cn FIPS",
    params: { ...F, Region: "cn-north-1" },
    url: "https://cognito-identity-fips.cn-north-1.amazonaws.com.cn",
  },
  {
    name: "aws-cn dual-stack",
    params: { ...D, Region: "cn-northwest-1" },
    url: "https://cognito-identity.cn-northwest-1.api.amazonwebservices.com.cn",
  },
  {
    name: "aws-cn FIPS+dual",
    params: { ...FD, Region: "cn-northwest-1" },
    url: "https://cognito-identity-fips.cn-northwest-1.api.amazonwebservices.com.cn",
  },
  {
    name: "aws-cn by regex",
    params: { ...D, Region: "cn-south-7" },
    url: "https://cognito-identity.cn-south-7.api.amazonwebservices.com.cn",
  },

  // aws-eusc
  {
    name: "aws-eusc standard",
    params: { ...S, Region: "eusc-de-east-1" },
    url: "https://cognito-identity.eusc-de-east-1.amazonaws.eu",
  },
  {
    name: "aws-eusc FIPS",
    params: { ...F, Region: "eusc-de-east-1" },
    url: "https://cognito-identity-fips.eusc-de-east-1.amazonaws.eu",
  },
  {
    name: "aws-eusc dual-stack",
    params: { ...D, Region: "eusc-de-east-1" },
    url: "https://cognito-identity.eusc-de-east-1.api.amazonwebservices.eu",
  },
  {
    name: "aws-eusc FIPS+dual",
    params: { ...FD, Region: "eusc-de-east-1" },
    url: "https://cognito-identity-fips.eusc-de-east-1.api.amazonwebservices.eu",
  },
  {
    name: "aws-eusc by regex",
    params: { ...S, Region: "eusc-de-west-2" },
    url: "https://cognito-identity.eusc-de-west-2.amazonaws.eu",
  },

  // aws-iso
  {
    name: "aws-iso standard",
    params: { ...S, Region: "us-iso-east-1" },
    url: "https://cognito-identity.us-iso-east-1.c2s.ic.gov",
  },
  {
    name: "aws-iso FIPS",
    params: { ...F, Region: "us-iso-west-1" },
    url: "https://cognito-identity-fips.us-iso-west-1.c2s.ic.gov",
  },
  {
    name: "aws-iso dual-stack",
    params: { ...D, Region: "us-iso-east-1" },
    url: "https://cognito-identity.us-iso-east-1.api.aws.ic.gov",
  },
  {
    name: "aws-iso FIPS+dual",
    params: { ...FD, Region: "us-iso-east-1" },
    url: "https://cognito-identity-fips.us-iso-east-1.api.aws.ic.gov",
  },

  // aws-iso-b
  {
    name: "aws-iso-b standard",
    params: { ...S, Region: "us-isob-east-1" },
    url: "https://cognito-identity.us-isob-east-1.sc2s.sgov.gov",
  },
  {
    name: "aws-iso-b FIPS",
    params: { ...F, Region: "us-isob-east-1" },
    url: "https://cognito-identity-fips.us-isob-east-1.sc2s.sgov.gov",
  },
  {
    name: "aws-iso-b dual-stack",
    params: { ...D, Region: "us-isob-west-1" },
    url: "https://cognito-identity.us-isob-west-1.api.aws.scloud",
  },
  {
    name: "aws-iso-b FIPS+dual",
    params: { ...FD, Region: "us-isob-east-1" },
    url: "https://cognito-identity-fips.us-isob-east-1.api.aws.scloud",
  },

  // aws-iso-e
  {
    name: "aws-iso-e standard",
    params: { ...S, Region: "eu-isoe-west-1" },
    url: "https://cognito-identity.eu-isoe-west-1.cloud.adc-e.uk",
  },
  {
    name: "aws-iso-e FIPS",
    params: { ...F, Region: "eu-isoe-west-1" },
    url: "https://cognito-identity-fips.eu-isoe-west-1.cloud.adc-e.uk",
  },
  {
    name: "aws-iso-e dual-stack",
    params: { ...D, Region: "eu-isoe-west-1" },
    url: "https://cognito-identity.eu-isoe-west-1.api.cloud-aws.adc-e.uk",
  },
  {
    name: "aws-iso-e FIPS+dual",
    params: { ...FD, Region: "eu-isoe-west-1" },
    url: "https://cognito-identity-fips.eu-isoe-west-1.api.cloud-aws.adc-e.uk",
  },

  // aws-iso-f
  {
    name: "aws-iso-f standard",
    params: { ...S, Region: "us-isof-south-1" },
    url: "https://cognito-identity.us-isof-south-1.csp.hci.ic.gov",
  },
  {
    name: "aws-iso-f FIPS",
    params: { ...F, Region: "us-isof-east-1" },
    url: "https://cognito-identity-fips.us-isof-east-1.csp.hci.ic.gov",
  },
  {
    name: "aws-iso-f dual-stack",
    params: { ...D, Region: "us-isof-south-1" },
    url: "https://cognito-identity.us-isof-south-1.api.aws.hci.ic.gov",
  },
  {
    name: "aws-iso-f FIPS+dual",
    params: { ...FD, Region: "us-isof-south-1" },
    url: "https://cognito-identity-fips.us-isof-south-1.api.aws.hci.ic.gov",
  },

  // aws-us-gov: same suffixes as aws, but not the aws dual-stack special case
  {
    name: "aws-us-gov standard",
    params: { ...S, Region: "us-gov-west-1" },
    url: "https://cognito-identity.us-gov-west-1.amazonaws.com",
  },
  {
    name: "aws-us-gov FIPS",
    params: { ...F, Region: "us-gov-west-1" },
    url: "https://cognito-identity-fips.us-gov-west-1.amazonaws.com",
  },
  {
    name: "aws-us-gov dual-stack",
    params: { ...D, Region: "us-gov-east-1" },
    url: "https://cognito-identity.us-gov-east-1.api.aws",
  },
  {
    name: "aws-us-gov FIPS+dual",
    params: { ...FD, Region: "us-gov-west-1" },
    url: "https://cognito-identity-fips.us-gov-west-1.api.aws",
  },
  {
    name: "aws-us-gov by regex",
    params: { ...D, Region: "us-gov-north-9" },
    url: "https://cognito-identity.us-gov-north-9.api.aws",
  },
  {
    name: "aws-us-gov-global (explicit)",
    params: { ...D, Region: "aws-us-gov-global" },
    url: "https://cognito-identity.aws-us-gov-global.api.aws",
  },
];
