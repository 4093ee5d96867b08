/** The languages the app speaks. Message tables for each live in src/i18n. */
export type Locale = 'ja' | 'en';
