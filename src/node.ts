/** Node entry: settings from the environment, then the gateway (see src/adapter/node/gateway.ts). */
import { closeOnSignals, startGateway } from './adapter/node/gateway';
import { createConsoleLogger } from './adapter/node/logger';
import { Config } from './schemas/config';
import { describeIssues } from './schemas/issues';

const parsed = Config.safeParse(process.env);
if (!parsed.success) {
  process.stderr.write(`hookgate: bad settings: ${describeIssues(parsed.error.issues)}\n`);
  process.exit(2);
}
const gateway = await startGateway(parsed.data, createConsoleLogger()).catch((error: unknown) => {
  // A database that cannot be reached (or migrated) at start: one clear line, a non-zero exit.
  process.stderr.write(`hookgate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
closeOnSignals(gateway);
