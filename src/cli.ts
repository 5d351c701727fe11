/** CLI entry (thin): `hookgate <command>`; see src/cli/program.ts. */
import { runCli } from './cli/program';

const code = await runCli(process.argv);
// `serve` and `events tail` keep running; everything else ends here with its code.
if (code !== 0 || !['serve', 'tail'].some((name) => process.argv.includes(name))) process.exitCode = code;
