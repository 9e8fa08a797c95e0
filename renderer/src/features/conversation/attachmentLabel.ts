import type { MessageAttachment } from '../../../../shared/contract/domain';

const KB = 1_000;
const MB = 1_000_000;
const sizeFormats = {
  byte: new Intl.NumberFormat(undefined, { style: 'unit', unit: 'byte', unitDisplay: 'long', maximumFractionDigits: 0 }),
  kilobyte: new Intl.NumberFormat(undefined, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 0 }),
  megabyte: new Intl.NumberFormat(undefined, { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 }),
  gigabyte: new Intl.NumberFormat(undefined, { style: 'unit', unit: 'gigabyte', unitDisplay: 'short', maximumFractionDigits: 1 }),
};

/** A file's size in the reader's locale, in decimal units as file managers show them: "840 kB", "2.8 MB"; null when unknown. */
export function formatFileSize(bytes: number | undefined): string | null {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return null;
  if (bytes < KB) return sizeFormats.byte.format(bytes);
  if (bytes < MB) return sizeFormats.kilobyte.format(Math.max(1, Math.round(bytes / KB)));
  if (bytes < 1_000 * MB) return sizeFormats.megabyte.format(bytes / MB);
  return sizeFormats.gigabyte.format(bytes / (1_000 * MB));
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/zip': 'ZIP archive',
  'text/plain': 'text',
  'text/csv': 'CSV',
  'message/rfc822': 'e-mail',
};

/** A content type as a person would say it: "JPEG image", "PDF"; null when not given. */
export function describeType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (TYPE_NAMES[type]) return TYPE_NAMES[type];
  const [major, minor] = type.split('/');
  if (!minor) return type || null;
  const sub = minor.replace(/^(x-|vnd\.)/, '').toUpperCase();
  if (major === 'image') return `${sub} image`;
  if (major === 'audio') return `${sub} audio`;
  if (major === 'video') return `${sub} video`;
  return sub;
}

/** What an attachment shows: its name, and "JPEG image · 2.8 MB" or "JPEG image · size not given". */
export function attachmentDetails(file: MessageAttachment): { name: string; details: string } {
  const type = describeType(file.contentType);
  const size = formatFileSize(file.size) ?? 'size not given';
  return { name: file.name, details: [type, size].filter(Boolean).join(' · ') };
}
