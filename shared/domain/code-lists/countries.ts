/** ISO 3166-1 alpha-2 countries with names in English, Russian and Uzbek, from i18n-iso-countries. */
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import ru from "i18n-iso-countries/langs/ru.json";
import uz from "i18n-iso-countries/langs/uz.json";

countries.registerLocale(en);
countries.registerLocale(ru);
countries.registerLocale(uz);

export const COUNTRY_LANGUAGES = ["en", "ru", "uz"] as const;

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export function countryName(code: string, lang: string): string {
  return countries.getName(code, lang) ?? countries.getName(code, "en") ?? code;
}

export function allCountryCodes(): string[] {
  return Object.keys(countries.getAlpha2Codes()).sort();
}
