import type {
  Command,
  Handler,
  HttpHandlerOptions,
  MetadataBearer,
  MiddlewareStack,
} from "@smithy/types";
import type { AuthScheme } from "./auth/scheme.js";
import type { ResolvedClientConfig } from "./config.js";
import type { OperationContext } from "./middleware.js";
import { createMiddlewareStack } from "./middleware-stack.js";
import type { OperationDefinition, ServiceDefinition } from "./operation.js";
import { bindCall, sendAttempt } from "./retry/attempt.js";
import type { StructureSchema } from "./schema.js";

/**
 * The base of every generated command: the input of one call to one operation. `E` is the
 * union of the operation's modelled errors, available as `CommandError<typeof SomeCommand>`.
 * The class {@link commandClass} makes for each operation implements the rest.
 *
 * It fulfils the `@smithy/types` `Command` contract with Smithy's own middleware stack, as the
 * `Command` class of `@smithy/smithy-client` does, without extending that class: the class
 * statically pulls in the schema-based serde machinery (about 5 KB minified) that commands
 * generated with their own serde never run.
 */
export abstract class ServiceCommand<Input extends object, Output extends MetadataBearer, E = never>
  implements Command<any, Input, any, Output, ResolvedClientConfig>
{
  /** Only a type: the errors this operation is modelled to throw. */
  declare readonly $errors?: E;
  // Declared, not a class field: the constructor sets it, and a field would repeat that.
  declare readonly input: Input;

  /** Middleware for this call only, run after the client's. */
  abstract readonly middlewareStack: MiddlewareStack<Input, Output>;

  constructor(input: Input) {
    this.input = input;
  }

  abstract resolveMiddleware(
    clientStack: MiddlewareStack<any, any>,
    config: ResolvedClientConfig,
    options: HttpHandlerOptions | undefined,
  ): Handler<Input, Output>;
}

/** A command of one operation, as {@link commandClass} makes it. */
export type OperationCommand<
  Input extends object,
  Output extends MetadataBearer,
  E,
> = ServiceCommand<Input, Output, E> & {
  /** The operation's name, schemas, authentication scheme and retry safety. */
  readonly operation: OperationDefinition;
  readonly middlewareStack: MiddlewareStack<Input, Output>;
  resolveMiddleware: ServiceCommand<Input, Output, E>["resolveMiddleware"];
};

/**
 * The class a generated command extends: one call per operation, so the operation's
 * definition, and what each call derives from it, are made once here rather than spelt out in
 * every command module or worked out on every call.
 */
export function commandClass<Input extends object, Output extends MetadataBearer, E>(
  service: ServiceDefinition,
  name: string,
  input: StructureSchema,
  output: StructureSchema,
  auth?: AuthScheme,
  retrySafe?: true,
): new (
  input: Input,
) => OperationCommand<Input, Output, E> {
  const operation: OperationDefinition = { service, name, input, output, auth, retrySafe };
  const commandName = `${name}Command`;
  return class extends ServiceCommand<Input, Output, E> {
    /** Made on first use: most calls add no middleware of their own. */
    #stack: MiddlewareStack<Input, Output> | undefined;

    get middlewareStack(): MiddlewareStack<Input, Output> {
      this.#stack ??= createMiddlewareStack<Input, Output>();
      return this.#stack;
    }

    get operation(): OperationDefinition {
      return operation;
    }

    resolveMiddleware(
      clientStack: MiddlewareStack<any, any>,
      config: ResolvedClientConfig,
      options: HttpHandlerOptions | undefined,
    ): Handler<Input, Output> {
      const context: OperationContext = {
        operation,
        clientName: service.clientName,
        commandName,
        // SMITHY_CONTEXT_KEY of `@smithy/types`, written out: importing the package for one
        // string would load it (a CommonJS module) on every cold start.
        __smithy_context: {
          service: service.targetPrefix,
          operation: name,
          commandInstance: this,
        },
      };
      bindCall(context, options);
      const terminal = ((args: { request: unknown }) =>
        sendAttempt(config.requestHandler, args.request as never, context)) as never;
      // Without middleware of its own, the command runs the client's stack as it is.
      const stack: MiddlewareStack<any, any> = this.#stack
        ? clientStack.concat(this.#stack)
        : clientStack;
      return stack.resolve(terminal, context) as Handler<Input, Output>;
    }
  };
}

/** The modelled errors of a command class, such as `CommandError<typeof GetIdCommand>`. */
export type CommandError<C> = C extends abstract new (
  ...args: any[]
) => ServiceCommand<any, any, infer E>
  ? E
  : C extends ServiceCommand<any, any, infer E>
    ? E
    : never;
