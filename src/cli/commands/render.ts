/** `hookgate render`: offline, no server — see src/cli/render.ts. */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import type { RenderFlags } from '../render';

export function registerRenderCommand(program: Command, context: () => CliContext): void {
  program
    .command('render')
    .description('render a template or preset over a request offline, exactly as the gateway would; prints the events')
    .option('--template <file>', 'a Handlebars template')
    .option('--preset <name>', 'a provider preset (github, stripe, …)')
    .option('--request <file>', 'a JSON request {method, headers, query, body | bodyFile}')
    .option('--body <file>', 'the body (shortcut for --request)')
    .option('--header <name:value>', 'a header (repeat)', (v, all: string[]) => [...all, v], [])
    .option('--method <method>', 'HTTP method with --body', 'POST')
    .option('--id-from <selector>', 'delivery id selector, as the webhook would have')
    .option('--webhook-id <uuid>', 'the webhook id to render as (default: all zeros)')
    .addHelpText(
      'after',
      '\nExamples:\n  hookgate render --preset github --body push.json --header x-github-event:push\n  hookgate render --template models.hbs --request request.json',
    )
    .action(async (flags: RenderFlags) => {
      // Loaded on use: the pipeline is heavy, and other commands start faster without it.
      const { runRender } = await import('../render');
      await runRender(flags, context());
    });
}
