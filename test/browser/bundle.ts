import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";

const root = new URL("../..", import.meta.url).pathname;

export interface Bundle {
  readonly code: string;
  readonly gzipBytes: number;
  /** Files that contributed code. */
  readonly inputs: readonly string[];
  /** The minified bytes each of those files added. */
  readonly bytesByInput: ReadonlyMap<string, number>;
}

/**
 * Bundles page code for the browser the way the budgets are defined: esbuild, minified, ESM,
 * platform browser, resolving `cognito-identity-client` through the package's own exports map
 * (the built dist/), then gzip -9.
 */
export async function bundleForBrowser(source: string, plugins: Plugin[] = []): Promise<Bundle> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins,
  });
  const code = result.outputFiles[0]!.text;
  const [output] = Object.values(result.metafile.outputs);
  const bytesByInput = new Map(
    Object.entries(output!.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path, input]) => [path, input.bytesInOutput]),
  );
  return {
    code,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    inputs: [...bytesByInput.keys()],
    bytesByInput,
  };
}
