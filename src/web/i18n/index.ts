/** vue-i18n with zh-CN as the default; the user's choice is remembered in localStorage. */
import { createI18n } from 'vue-i18n';
import { enUS } from './en-us.js';
import { zhCN, type Messages } from './zh-cn.js';

export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];
const storageKey = 'cityops.locale';

function savedLocale(): Locale {
  try {
    const v = localStorage.getItem(storageKey);
    return v === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, 'en-US': enUS },
});

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // private mode: the choice lasts for this visit only
  }
}
