/** An action with its input, as the action forms hand it to the panel (the input's type follows the action). */
import type { ActionInputRaw } from '../../domain/case/inputs.js';
import type { CaseAction } from '../../domain/case/vocabulary.js';

/** 延期审批 may approve without a limit: the server grants the one that was requested. */
type ClientInput<A extends CaseAction> = A extends 'decide-extension' ? ActionInputRaw<A> | { decision: 'approve'; note?: string } : ActionInputRaw<A>;

export type ActionSubmit = { [A in CaseAction]: { action: A; input: ClientInput<A> } }[CaseAction];

/** Optional text: trimmed, and left out when blank (the schemas are strict and reject ''). */
export function optional(text: string): string | undefined {
  const v = text.trim();
  return v === '' ? undefined : v;
}
