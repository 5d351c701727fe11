/** `hookgate send <url>`: deliver a body to a gateway as a provider would, signature included. */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { print } from '../output';
import { loadRequest } from '../request-file';
import { SIGNABLE_SCHEMES, signRequest } from '../sign-request';

interface SendFlags {
  body?: string;
  request?: string;
  header?: string[];
  method?: string;
  sign?: string;
  secret?: string;
}

export function registerSendCommand(program: Command, context: () => CliContext): void {
  program
    .command('send <url>')
    .description('send a request to a webhook URL, signed the way the provider signs it')
    .option('--body <file>', 'the body to send')
    .option('--request <file>', 'a JSON request {method, headers, query, body | bodyFile}')
    .option('--header <name:value>', 'a header (repeat)', (v, all: string[]) => [...all, v], [])
    .option('--method <method>', 'HTTP method', 'POST')
    .option('--sign <scheme>', `sign as: ${SIGNABLE_SCHEMES.join(', ')}`)
    .option('--secret <secret>', 'the secret to sign with (basic: user:password)')
    .addHelpText(
      'after',
      '\nExample:\n  hookgate send http://127.0.0.1:8787/hooks/<slug> --body push.json \\\n    --header x-github-event:push --sign github --secret "$GITHUB_WEBHOOK_SECRET"',
    )
    .action(async (target: string, flags: SendFlags) => {
      const { out } = context();
      if (flags.sign && !flags.secret) throw new CliError('--sign needs --secret');
      const request = loadRequest(flags);
      const body =
        request.body === undefined ? '' : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
      const url = new URL(target);
      for (const [key, value] of Object.entries(request.query)) {
        for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, item);
      }
      const signed = flags.sign
        ? signRequest({
            scheme: flags.sign,
            secret: flags.secret ?? '',
            body,
            url: url.toString(),
            contentType: request.headers['content-type'] ?? '',
          })
        : { url: url.toString(), headers: {} };
      let response: Response;
      try {
        response = await fetch(signed.url, {
          method: request.method,
          headers: { ...request.headers, ...signed.headers },
          body: ['GET', 'HEAD'].includes(request.method) ? undefined : body,
        });
      } catch {
        throw new CliError(`cannot reach ${url.origin}`);
      }
      const text = await response.text();
      if (!response.ok)
        throw new CliError(
          `the gateway answered ${response.status} ${response.statusText}${text ? `: ${text.slice(0, 500)}` : ''}`,
        );
      print(
        out,
        { status: response.status, body: text },
        () => `${response.status} ${response.statusText}${text ? `\n${text}` : ''}`,
      );
    });
}
