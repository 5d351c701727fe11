/**
 * Verify stage: the only way a `ReceivedRequest` becomes a `VerifiedRequest`, so nothing
 * downstream can see a body whose sender was not authenticated (DESIGN §5).
 */
import type { Verify } from '../../schemas/webhook';
import type { ReceivedRequest } from '../receive';

declare const verifiedBrand: unique symbol;

/** A request whose sender the webhook's `verify` settings accepted. */
export type VerifiedRequest = ReceivedRequest & { readonly [verifiedBrand]: true };

/** Authenticates the sender on the raw bytes; throws `VerifyError` (401) when it cannot. */
export async function verify(settings: Verify, request: ReceivedRequest): Promise<VerifiedRequest> {
  switch (settings.scheme) {
    case 'none':
      // The slug is the secret, as in Prefect.
      return request as VerifiedRequest;
  }
}
