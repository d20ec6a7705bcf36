/**
 * Words that join the parts of a personal name in lower case (`Charles de
 * Gaulle`, `Ludwig van Beethoven`, `Mohammed bin Salman`, `Abu Bakr`):
 * the common particles of Dutch, German, French, Italian, Spanish,
 * Portuguese and Arabic names.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'de', 'da', 'di', 'del', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'dos', 'ben', 'abu']);
