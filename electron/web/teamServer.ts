import { main } from './teamCli';

main().catch((error: unknown) => {
  console.error(`Kinship could not start its team server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
