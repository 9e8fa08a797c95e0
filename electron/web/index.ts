import { main } from './cli';

main().catch((error: unknown) => {
  console.error(`Kinship could not start its web host: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
