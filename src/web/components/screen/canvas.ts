/** The screen's design canvas (1920×1080) and how its scale reaches the charts (crisp at 4K). */
import type { InjectionKey, Ref } from 'vue';

export const CANVAS = { width: 1920, height: 1080 } as const;
export const canvasScaleKey: InjectionKey<Ref<{ scale: number; left: number; top: number }>> = Symbol('screen canvas scale');
