/**
 * Verify stage: the only way a `ReceivedRequest` becomes a `VerifiedRequest`, so nothing
 * downstream can see a body whose sender was not authenticated (DESIGN §5).
 */
import type { Verify } from '../../schemas/verify';
import type { ReceivedRequest } from '../receive';
import { verifyBasic, verifyBearer } from './authorization';

declare const verifiedBrand: unique symbol;

/** A request whose sender the webhook's `verify` settings accepted. */
export type VerifiedRequest = ReceivedRequest & { readonly [verifiedBrand]: true };

/** Authenticates the sender on the raw request; throws `VerifyError` (401) when it cannot. */
export async function verify(settings: Verify, request: ReceivedRequest): Promise<VerifiedRequest> {
  switch (settings.scheme) {
    case 'none':
      // The slug is the secret, as in Prefect.
      break;
    case 'bearer':
      await verifyBearer(request.headers, settings.secrets);
      break;
    case 'basic':
      await verifyBasic(request.headers, settings.username, settings.secrets);
      break;
    default:
      settings satisfies never;
  }
  return request as VerifiedRequest;
}
