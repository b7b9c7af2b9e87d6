/**
 * Generates the client code of every target listed in package.json from its Smithy model.
 *   npm run generate         writes the output folders
 *   npm run generate:check   exits 1 if any committed output differs from a fresh generation
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./generate.js";
import { loadModelFile } from "./load.js";
import { readTargets } from "./targets.js";
import { diffFiles, render, writeFiles } from "./write.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
let problems: string[] = [];

for (const target of readTargets(root)) {
  const files = render(generate(loadModelFile(join(root, target.model)), target.context), target);
  if (check) problems = problems.concat(diffFiles(root, target, files));
  else {
    writeFiles(root, target, files);
    console.log(`${target.out}: ${files.size} files from ${target.model}`);
  }
}

if (check) {
  if (problems.length > 0) {
    console.error(
      `Generated code is out of date; run \`npm run generate\`:\n  ${problems.join("\n  ")}`,
    );
    process.exit(1);
  }
  console.log("generated code is up to date");
}
