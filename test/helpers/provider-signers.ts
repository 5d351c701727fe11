/**
 * Issue 19's provider signers (src/cli/provider-signers.ts) as whole requests for tests: the
 * headers to add and the body to send (Mailgun's signature travels inside the body).
 */
import type { KeyObject } from 'node:crypto';
import * as cli from '../../src/cli/provider-signers';

export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

const headersOnly =
  (sign: (secret: string, body: string) => Record<string, string>) =>
  (secret: string, body: string): SignedRequest => ({ headers: sign(secret, body), body });

export const signTeams = headersOnly(cli.signTeams);
export const signDropbox = headersOnly(cli.signDropbox);
export const signAsana = headersOnly(cli.signAsana);
export const signNotion = headersOnly(cli.signNotion);
export const signNetlify = headersOnly(cli.signNetlify);

export const signMailgun = (secret: string, body: string, at: number): SignedRequest => ({
  headers: {},
  body: cli.signMailgunBody(secret, body, at),
});

export const signSendgrid = (privateKey: KeyObject, body: string, at: number): SignedRequest => ({
  headers: cli.signSendgrid(privateKey, body, at),
  body,
});
