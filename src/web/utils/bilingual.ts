/** Picks the console's language from a { zh, en } label (the domain's vocabulary, the server's explanations). */
import { useI18n } from 'vue-i18n';

export interface Bilingual {
  zh: string;
  en: string;
}

export function useBilingual(): (label: Bilingual | null | undefined) => string {
  const { locale } = useI18n();
  return (label) => (label ? (locale.value.startsWith('zh') ? label.zh : label.en) : '');
}
