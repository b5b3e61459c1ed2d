/**
 * Saves text as a file through the browser's download, entirely on the client. The byte-order mark tells
 * spreadsheet programs the CSV is UTF-8 (names and "→" survive).
 */
export function downloadText(document: Document, fileName: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL can go once the event loop turns.
  setTimeout(() => URL.revokeObjectURL(url));
}
