import type {
  FinalizeHandler,
  FinalizeHandlerArguments,
  FinalizeHandlerOutput,
  MetadataBearer,
} from "@smithy/types";
import type { ResolvedClientConfig } from "../config.js";
import type { OperationContext } from "../middleware.js";

/**
 * An authentication scheme of an operation. Operations that need no authentication carry
 * none, so the code of a scheme is only bundled with operations that use it.
 */
export interface AuthScheme {
  readonly id: string;
  /**
   * Authenticates the request of one attempt and sends it down the rest of the stack. The
   * scheme, not the generic stack, owns what its signatures depend on (such as the clock), so
   * clients that never sign never carry that code.
   */
  send(
    args: FinalizeHandlerArguments<object>,
    next: FinalizeHandler<object, MetadataBearer>,
    context: OperationContext,
    config: ResolvedClientConfig,
  ): Promise<FinalizeHandlerOutput<MetadataBearer>>;
}
