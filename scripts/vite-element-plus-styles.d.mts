import type { Plugin } from 'vite';

export function styleFolder(name: string): string | null;
export function elementPlusStyles(): Plugin;
