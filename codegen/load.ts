import { readFileSync } from "node:fs";
import { type Shape, type SmithyModel, T, UNIT } from "./ast.js";

/** A parsed model with its one service found and every shape reference checked. */
export interface LoadedModel {
  readonly serviceId: string;
  readonly service: Shape;
  readonly shapes: ReadonlyMap<string, Shape>;
}

/** Prelude shapes a model may target without defining them. */
const PRELUDE: Record<string, Shape> = {
  "smithy.api#String": { type: "string" },
  "smithy.api#Boolean": { type: "boolean" },
  "smithy.api#PrimitiveBoolean": { type: "boolean" },
  "smithy.api#Byte": { type: "byte" },
  "smithy.api#Short": { type: "short" },
  "smithy.api#Integer": { type: "integer" },
  "smithy.api#PrimitiveInteger": { type: "integer" },
  "smithy.api#Long": { type: "long" },
  "smithy.api#PrimitiveLong": { type: "long" },
  "smithy.api#Float": { type: "float" },
  "smithy.api#Double": { type: "double" },
  "smithy.api#Timestamp": { type: "timestamp" },
  [UNIT]: { type: "structure", members: {} },
};

export class ModelError extends Error {
  override name = "ModelError";
}

export function loadModelFile(path: string): LoadedModel {
  return loadModel(JSON.parse(readFileSync(path, "utf8")) as SmithyModel, path);
}

export function loadModel(model: SmithyModel, source = "model"): LoadedModel {
  if (!model || typeof model !== "object" || !String(model.smithy).startsWith("2")) {
    throw new ModelError(`${source}: expected a Smithy 2.0 JSON AST ("smithy": "2.0")`);
  }
  const shapes = new Map<string, Shape>(Object.entries(PRELUDE));
  for (const [id, shape] of Object.entries(model.shapes ?? {})) {
    if (!id.includes("#")) throw new ModelError(`${source}: shape id "${id}" has no namespace`);
    shapes.set(id, shape);
  }
  const services = [...shapes].filter(([, shape]) => shape.type === "service");
  if (services.length !== 1) {
    throw new ModelError(`${source}: expected exactly one service shape, found ${services.length}`);
  }
  const [serviceId, service] = services[0]!;
  for (const [id, shape] of shapes) checkReferences(id, shape, shapes, source);
  if (!service.traits?.[T.awsJson1_1] && !service.traits?.[T.awsJson1_0]) {
    throw new ModelError(`${source}: ${serviceId} uses a protocol this generator does not support`);
  }
  return { serviceId, service, shapes };
}

function checkReferences(
  id: string,
  shape: Shape,
  shapes: ReadonlyMap<string, Shape>,
  source: string,
): void {
  const refs: [string, string][] = [];
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    refs.push([`${id}$${name}`, member.target]);
  }
  if (shape.member) refs.push([`${id}$member`, shape.member.target]);
  if (shape.key) refs.push([`${id}$key`, shape.key.target]);
  if (shape.value) refs.push([`${id}$value`, shape.value.target]);
  if (shape.input) refs.push([`${id} input`, shape.input.target]);
  if (shape.output) refs.push([`${id} output`, shape.output.target]);
  for (const ref of [...(shape.operations ?? []), ...(shape.errors ?? [])]) {
    refs.push([id, ref.target]);
  }
  for (const [from, target] of refs) {
    if (!shapes.has(target))
      throw new ModelError(`${source}: ${from} targets unknown shape ${target}`);
  }
}
