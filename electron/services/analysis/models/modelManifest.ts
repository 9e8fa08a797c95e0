import fs from 'node:fs';
import { z } from 'zod';
import type { ModelRole } from '../../../../shared/contract/analysis';

const entry = z.object({
  hubId: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  labels: z.string(),
  licence: z.string(),
  files: z.array(z.string().regex(/^[\w./-]+$/).refine((file) => !file.includes('..'))).min(1),
});
const manifestSchema = z.object({ emotion: entry, sentiment: entry });

export type ManifestEntry = z.infer<typeof entry>;
export type ModelManifest = Record<ModelRole, ManifestEntry>;

/** resources/models.json: the models Kinship offers to download. */
export function readModelManifest(file: string): ModelManifest {
  return manifestSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}
