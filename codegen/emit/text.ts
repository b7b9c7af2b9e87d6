/** Small helpers that keep the emitted source consistent. */

export interface EmitContext {
  /** Path from the output folder to `src/runtime`, POSIX style, such as `../runtime`. */
  readonly runtime: string;
  /** The package name and version, the first section of the user agent. */
  readonly clientUserAgent: string;
}

export interface GeneratedFile {
  /** Path relative to the output folder. */
  readonly path: string;
  readonly content: string;
}

/** A TSDoc block. Empty lines between paragraphs are kept; `*\/` cannot end the comment early. */
export function tsdoc(lines: readonly string[], indent = ""): string {
  const text = lines
    .flatMap((line) => line.split("\n"))
    .map((line) =>
      line
        .replace(/<[^>]+>/g, "")
        .replace(/\*\//g, "*\\/")
        .trimEnd(),
    );
  // Blank lines only separate paragraphs: none at the start or end, never two in a row.
  const kept = text.filter((line, i) => line !== "" || (i > 0 && text[i - 1] !== ""));
  while (kept.length > 0 && kept[kept.length - 1] === "") kept.pop();
  if (kept.length === 0) return "";
  const body = kept.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)).join("\n");
  return `${indent}/**\n${body}\n${indent} */\n`;
}

/** The first sentence of a documentation string, for `@throws` lines. */
export function summary(docs: string): string {
  const flat = docs
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const end = flat.search(/\.(\s|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

export function literal(value: unknown): string {
  return JSON.stringify(value);
}
