/**
 * Saves text as a file through the page: a Blob behind a link with `download`, clicked. The browser
 * console downloads it; in the desktop console Electron's renderer does the same (its session
 * asks where to save). The BOM lets spreadsheets read the UTF-8 (Cyrillic summaries) as UTF-8.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked after the click has been handled: revoking at once can cancel the download in some engines.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
