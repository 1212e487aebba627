/**
 * The slot box's label ("Your contact") in the edition's language, by its
 * interface-text key (the declaration's labelKey, `personalisation.yourContact`).
 *
 * Interim: the i18n catalogues (templates/i18n/<lang>.yaml) carry these keys
 * and are being wired in separately. Until then this is the one place the
 * label comes from; switching to the catalogue is this function's body only,
 * `t(language, key)`. The strings are the catalogues' own.
 */
const LABELS: Record<string, Record<string, string>> = {
  'personalisation.yourContact': { en: 'Your contact', de: 'Ihre Kontaktperson', tr: 'İletişim kişiniz' },
};

export function slotLabel(key: string, language: string): string {
  const byLanguage = LABELS[key];
  if (!byLanguage) throw new Error(`no interface text "${key}" for the personalisation slot's label (known: ${Object.keys(LABELS).join(', ')})`);
  const primary = language.toLowerCase().split('-')[0] ?? 'en';
  return byLanguage[primary] ?? byLanguage.en ?? key;
}
