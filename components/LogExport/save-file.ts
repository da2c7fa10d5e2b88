import type { ExportFile } from '@/lib/connectors/connector';

/** Hands a finished export to the browser's download (the file goes where the user's downloads go). */
export function saveFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob(file.parts, { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; a minute is ample for the hand-over.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
