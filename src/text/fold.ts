/** Text with its diacritics removed (`Erdoğan` -> `Erdogan`): NFKD, then the combining marks dropped. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}
