import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { partition } from "../../src/runtime/endpoints/partitions.js";
import { createPartitionLookup, PARTITIONS, type PartitionData } from "./partition-data.js";

// [partition id, explicit region, region matched only by regex, dnsSuffix, dualStackDnsSuffix, implicitGlobalRegion]
const expected: [string, string, string, string, string, string][] = [
  ["aws", "us-east-1", "us-central-9", "amazonaws.com", "api.aws", "us-east-1"],
  [
    "aws-cn",
    "cn-north-1",
    "cn-south-3",
    "amazonaws.com.cn",
    "api.amazonwebservices.com.cn",
    "cn-northwest-1",
  ],
  [
    "aws-eusc",
    "eusc-de-east-1",
    "eusc-de-west-4",
    "amazonaws.eu",
    "api.amazonwebservices.eu",
    "eusc-de-east-1",
  ],
  ["aws-iso", "us-iso-west-1", "us-iso-north-2", "c2s.ic.gov", "api.aws.ic.gov", "us-iso-east-1"],
  [
    "aws-iso-b",
    "us-isob-east-1",
    "us-isob-south-5",
    "sc2s.sgov.gov",
    "api.aws.scloud",
    "us-isob-east-1",
  ],
  [
    "aws-iso-e",
    "eu-isoe-west-1",
    "eu-isoe-east-2",
    "cloud.adc-e.uk",
    "api.cloud-aws.adc-e.uk",
    "eu-isoe-west-1",
  ],
  [
    "aws-iso-f",
    "us-isof-south-1",
    "us-isof-west-8",
    "csp.hci.ic.gov",
    "api.aws.hci.ic.gov",
    "us-isof-south-1",
  ],
  ["aws-us-gov", "us-gov-west-1", "us-gov-central-1", "amazonaws.com", "api.aws", "us-gov-west-1"],
];

describe("PARTITIONS (the full data, the oracle of the compact runtime table)", () => {
  it("holds the 8 partitions in data order", () => {
    expect(PARTITIONS.map((p) => p.id)).toEqual(expected.map(([id]) => id));
  });

  it("lists the explicit regions of facts §10.5", () => {
    const regions = Object.fromEntries(PARTITIONS.map((p) => [p.id, p.regions]));
    expect(regions.aws).toHaveLength(37);
    expect(regions.aws).toContain("mx-central-1");
    expect(regions.aws).toContain("aws-global");
    expect(regions["aws-cn"]).toEqual(["aws-cn-global", "cn-north-1", "cn-northwest-1"]);
    expect(regions["aws-eusc"]).toEqual(["eusc-de-east-1"]);
    expect(regions["aws-iso"]).toEqual(["aws-iso-global", "us-iso-east-1", "us-iso-west-1"]);
    expect(regions["aws-iso-b"]).toEqual(["aws-iso-b-global", "us-isob-east-1", "us-isob-west-1"]);
    expect(regions["aws-iso-e"]).toEqual(["aws-iso-e-global", "eu-isoe-west-1"]);
    expect(regions["aws-iso-f"]).toEqual(["aws-iso-f-global", "us-isof-east-1", "us-isof-south-1"]);
    expect(regions["aws-us-gov"]).toEqual(["aws-us-gov-global", "us-gov-east-1", "us-gov-west-1"]);
  });

  it("keeps the region regexes exactly as in the data", () => {
    expect(PARTITIONS.map((p) => p.regionRegex)).toEqual([
      "^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$",
      "^cn\\-\\w+\\-\\d+$",
      "^eusc\\-(de)\\-\\w+\\-\\d+$",
      "^us\\-iso\\-\\w+\\-\\d+$",
      "^us\\-isob\\-\\w+\\-\\d+$",
      "^eu\\-isoe\\-\\w+\\-\\d+$",
      "^us\\-isof\\-\\w+\\-\\d+$",
      "^us\\-gov\\-\\w+\\-\\d+$",
    ]);
  });
});

describe("partition()", () => {
  for (const [
    id,
    explicit,
    byRegex,
    dnsSuffix,
    dualStackDnsSuffix,
    implicitGlobalRegion,
  ] of expected) {
    it(`resolves ${id} by explicit region and by regex`, () => {
      const outputs = {
        name: id,
        dnsSuffix,
        dualStackDnsSuffix,
        supportsFIPS: true,
        supportsDualStack: true,
        implicitGlobalRegion,
      };
      expect(partition(explicit)).toEqual(outputs);
      expect(partition(byRegex)).toEqual(outputs);
    });
  }

  it("resolves the global pseudo-regions, which match no regex, from the explicit lists", () => {
    expect(partition("aws-global").name).toBe("aws");
    expect(partition("aws-cn-global").name).toBe("aws-cn");
    expect(partition("aws-iso-b-global").name).toBe("aws-iso-b");
    expect(partition("aws-us-gov-global").name).toBe("aws-us-gov");
  });

  it("falls back to aws for anything unknown", () => {
    for (const region of ["foo-bar", "", "mars-north-1", "us-east-1a", "US-EAST-1", "cn-north"]) {
      expect(partition(region).name).toBe("aws");
    }
  });

  it("returns frozen, shared outputs", () => {
    const a = partition("eu-west-1");
    expect(Object.isFrozen(a)).toBe(true);
    expect(partition("eu-west-2")).toBe(a);
  });
});

describe("the compact runtime table", () => {
  const full = createPartitionLookup(PARTITIONS);

  it("gives every region of the full data the partition the full data gives it", () => {
    const regions = PARTITIONS.flatMap((p) => p.regions);
    expect(regions).toHaveLength(55);
    for (const region of regions) expect(partition(region), region).toEqual(full(region));
  });

  it("agrees with the full data on near misses and on names not in any list", () => {
    const probes = [
      "aws-eusc-global",
      "aws-global-1",
      "AWS-GLOBAL",
      "aws-global ",
      "us-east-1 aws-global",
      "",
      "global",
      "us-isob-east-1-x",
      "eusc-fr-east-1",
      "eusc-de-east-x",
      "us-iso-east",
      "us-isoe-east-1",
      "eu-isof-east-1",
      "cn-north_1-1",
      "us-east_west-1",
      "me-central-01",
      "il-central-1\n",
    ];
    for (const region of probes) expect(partition(region), region).toEqual(full(region));
  });

  it("agrees with the full data on regions built from the data's own pieces", () => {
    const pieces = [
      ...new Set(PARTITIONS.flatMap((p) => [p.id, ...p.regions.flatMap((r) => r.split("-"))])),
      "x",
      "_",
      "0",
      "12",
      "",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 5 }), (parts) => {
        const region = parts.join("-");
        expect(partition(region)).toEqual(full(region));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("createPartitionLookup() (the lookup over full data, in test/)", () => {
  const out = (name: string) => ({
    name,
    dnsSuffix: `${name}.example`,
    dualStackDnsSuffix: `api.${name}.example`,
    supportsFIPS: true,
    supportsDualStack: true,
    implicitGlobalRegion: `${name}-1`,
  });
  const data: PartitionData[] = [
    {
      id: "aws",
      regionRegex: "^(us|eu)\\-\\w+\\-\\d+$",
      regions: ["us-east-1"],
      outputs: out("aws"),
    },
    // "eu-special-1" also matches the regex of aws, which comes first in data order.
    {
      id: "other",
      regionRegex: "^eu\\-\\w+\\-\\d+$",
      regions: ["eu-special-1"],
      outputs: out("other"),
    },
    { id: "third", regionRegex: "^zz\\-\\w+\\-\\d+$", regions: [], outputs: out("third") },
  ];
  const lookup = createPartitionLookup(data);

  it("prefers an explicit region over an earlier partition's regex", () => {
    expect(lookup("eu-special-1").name).toBe("other");
  });

  it("takes the first matching regex in data order", () => {
    expect(lookup("eu-west-1").name).toBe("aws");
    expect(lookup("zz-top-1").name).toBe("third");
  });

  it("falls back to the partition with id aws even when it is not first", () => {
    const reordered = createPartitionLookup([data[2]!, data[0]!]);
    expect(reordered("nowhere").name).toBe("aws");
  });

  it("rejects data without an aws partition", () => {
    expect(() => createPartitionLookup([data[1]!])).toThrow(/aws/);
  });
});
