/**
 * Handshakes: requests a sender makes to check an endpoint before (or instead of) delivering
 * events — answered by hookgate directly, storing nothing.
 */
import type { Webhook } from '../../schemas/webhook';
import type { RequestContext } from '../context';
import type { ReceivedRequest } from '../receive';
import type { VerifiedRequest } from '../verify';

export interface Handshake {
  name: string;
  /** Before verification, for checks senders make unsigned (e.g. CloudEvents' `OPTIONS`). */
  preflight?(webhook: Webhook, request: Request): Response | undefined;
  /**
   * On the received bytes, before verification, for checks a sender makes unsigned and that can only
   * be told apart by their body (WooCommerce's creation ping). Must answer nothing else.
   */
  unsigned?(webhook: Webhook, request: ReceivedRequest): Response | undefined;
  /** On a verified request, before mapping (e.g. Slack's `url_verification`); async when it signs (Zoom). */
  answer?(
    webhook: Webhook,
    request: VerifiedRequest,
    context: RequestContext,
  ): Response | undefined | Promise<Response | undefined>;
  /**
   * On a received request, before verification: a handshake that hands the webhook its secret
   * (Asana's `X-Hook-Secret`). The pipeline keeps the secret on the webhook, then answers with
   * `response`, or — without one — goes on with the request as the sender's first delivery.
   */
  learn?(webhook: Webhook, request: ReceivedRequest): LearnedSecret | undefined;
}

export interface LearnedSecret {
  secret: string;
  response?: Response;
}
