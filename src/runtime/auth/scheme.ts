import type {
  AwsCredentialIdentity,
  FinalizeHandler,
  FinalizeHandlerArguments,
  FinalizeHandlerOutput,
  HttpRequest,
  MetadataBearer,
} from "@smithy/types";
import type { ResolvedClientConfig } from "../config.js";
import type { OperationContext } from "../middleware.js";

/** What a signer needs to know about one request. */
export interface SigningContext {
  readonly credentials: () => Promise<AwsCredentialIdentity>;
  readonly region: string;
  readonly signingName: string;
  /** The current time as the signer should see it (corrected for clock skew). */
  readonly signingDate: Date;
  /** A per-client place for a scheme to keep reusable state such as a signer instance. */
  readonly cache: Map<string, unknown>;
}

/**
 * An authentication scheme of an operation. Operations that need no authentication carry
 * none, so the code of a scheme is only bundled with operations that use it.
 */
export interface AuthScheme {
  readonly id: string;
  sign(request: HttpRequest, context: SigningContext): Promise<HttpRequest>;
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
