import fs from 'node:fs';
import { z } from 'zod';
import type { ModelRole } from '../../../../shared/contract/analysis';

const relativePath = z
  .string()
  .regex(/^[\w.-]+(\/[\w.-]+)*$/)
  .refine((file) => !file.split('/').some((part) => part === '..' || part === '.'), 'must stay inside the model folder');

const file = z.object({
  /** The file in the hub repository, at the pinned revision. */
  hubPath: relativePath,
  /** Where Kinship keeps it inside the model's folder (transformers.js layout). */
  path: relativePath,
  /** The sha256 the hub lists for the file at that revision (the LFS oid for large files). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  /** The hub lists the size only rounded: the sha256 is the check, bytes only a guide. */
  approximate: z.boolean().optional(),
});

const entry = z.object({
  hubId: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  /** The commit of the hub repository every file is fetched at: never a branch name. */
  revision: z.string().regex(/^[0-9a-f]{40}$/, 'must be a full commit id (40 hex digits), not a branch'),
  labels: z.string(),
  licence: z.string(),
  files: z.array(file).min(1),
});
const manifestSchema = z.object({ emotion: entry, sentiment: entry });

export type ManifestFile = z.infer<typeof file>;
export type ManifestEntry = z.infer<typeof entry>;
export type ModelManifest = Record<ModelRole, ManifestEntry>;

/** resources/models.json: the models Kinship offers to download, each pinned to a revision and its files' hashes. */
export function readModelManifest(path: string): ModelManifest {
  return manifestSchema.parse(JSON.parse(fs.readFileSync(path, 'utf8')));
}

/** All of a model's files, in bytes (as the manifest says). */
export function manifestBytes(model: ManifestEntry): number {
  return model.files.reduce((sum, f) => sum + f.bytes, 0);
}
