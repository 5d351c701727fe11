/** `hookgate presets [search]`: the provider presets, offline — see src/cli/preset-list.ts. */
import type { Command } from 'commander';
import type { CliContext } from '../context';

export function registerPresetsCommand(program: Command, context: () => CliContext): void {
  program
    .command('presets')
    .argument('[search...]', 'words to look for in the name, title, scheme, description or setup hint')
    .description('list the provider presets (name, title, scheme, where to set them up); offline')
    .addHelpText('after', '\nExamples:\n  hookgate presets\n  hookgate presets email\n  hookgate presets hmac git')
    .action(async (words: string[]) => {
      // Loaded on use: the catalog is heavy, and other commands start faster without it.
      const { listPresets } = await import('../preset-list');
      listPresets(words.join(' '), context());
    });
}
