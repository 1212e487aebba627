/** Interface text: catalogues (templates/i18n/<lang>.yaml), the `t` helper and locale formatting. */
export { Catalogue, CatalogueKeyError, type Params } from './catalogue.js';
export { loadCatalogue, catalogueLanguages, findCatalogueFile, compareWithReference, REFERENCE_LANGUAGE, type CatalogueResult, type LoadCatalogueOptions, type SourceLocation } from './load-catalogue.js';
export { translateHelper, translateData, translateEscaped, TRANSLATE_DATA_KEY, type TranslateContext, type Escape } from './handlebars-helper.js';
export { formatDate, formatDateTimeUtc, formatNumber, pluralCategory, canonicalLocale, type DateStyle } from './locale-format.js';
