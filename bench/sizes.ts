import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Consumer } from "./consumer.js";
import { type Contender, clientPackage, contenders, credentialsPackage } from "./contenders.js";

/** An app's use of a client, written as the names it imports from each package. */
interface Flow {
  name: string;
  imports: Record<Contender, { from: string; names: string[] }>;
}

const sameNames = (names: string[]) => ({
  ours: { from: clientPackage.ours, names },
  official: { from: clientPackage.official, names },
});

export const flows: Flow[] = [
  {
    name: "Guest flow: client + GetId + GetCredentialsForIdentity",
    imports: sameNames([
      "CognitoIdentityClient",
      "GetIdCommand",
      "GetCredentialsForIdentityCommand",
    ]),
  },
  {
    name: "Signed paginator: client + ListIdentityPools + paginator",
    imports: sameNames([
      "CognitoIdentityClient",
      "ListIdentityPoolsCommand",
      "paginateListIdentityPools",
    ]),
  },
  { name: "Aggregated client (all 23 operations)", imports: sameNames(["CognitoIdentity"]) },
  {
    name: "Credentials provider: fromCognitoIdentityPool",
    imports: {
      ours: { from: credentialsPackage.ours, names: ["fromCognitoIdentityPool"] },
      official: { from: credentialsPackage.official, names: ["fromCognitoIdentityPool"] },
    },
  },
];

/** Bytes of one bundle; undefined when the entry does not resolve (not built yet on a branch). */
export interface BundleSize {
  minified: number;
  gzip: number;
}

export interface SizeResult {
  flow: string;
  sizes: Record<Contender, BundleSize | undefined>;
}

/**
 * Bundles each flow for the browser as esbuild --bundle --minify --format=esm
 * --platform=browser would, and gzips the result at level 9. The entry re-exports what the
 * flow imports, which keeps exactly that code (and what it reaches) alive. Sizes do not vary
 * from run to run, so each is measured once.
 */
export async function measureSizes(consumer: Consumer): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const flow of flows) {
    const sizes = {} as Record<Contender, BundleSize | undefined>;
    for (const contender of contenders) {
      sizes[contender] = await bundleSize(consumer.dir, flow.imports[contender]);
    }
    results.push({ flow: flow.name, sizes });
  }
  return results;
}

async function bundleSize(
  resolveDir: string,
  entry: { from: string; names: string[] },
): Promise<BundleSize | undefined> {
  try {
    const result = await build({
      stdin: {
        contents: `export { ${entry.names.join(", ")} } from ${JSON.stringify(entry.from)};\n`,
        resolveDir,
        sourcefile: "entry.js",
        loader: "js",
      },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.contents;
    return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
  } catch (error) {
    const errors = (error as { errors?: { text: string }[] }).errors ?? [];
    const unresolved = `Could not resolve ${JSON.stringify(entry.from)}`;
    if (errors.some((e) => e.text === unresolved)) return undefined;
    throw error;
  }
}
