/**
 * 手动调整: what the form checks before sending (the same bounds as newAdjustmentBody: a unit, points
 * within ±20 and not 0, a reason of at least 4 characters), and the server's field problems mapped
 * onto the form's fields (their path is body.<field>).
 */
import type { FieldProblem } from '../../api/problem.js';
import type { Bilingual } from '../../utils/bilingual.js';

export interface AdjustmentForm {
  unitCode: string;
  points: number | null;
  reason: string;
}

export type AdjustmentField = 'unitCode' | 'points' | 'reason';
const fields: readonly AdjustmentField[] = ['unitCode', 'points', 'reason'];

/** i18n keys of the problems, by field; empty when the form may be sent. */
export function adjustmentProblems(f: AdjustmentForm): Partial<Record<AdjustmentField, string>> {
  const out: Partial<Record<AdjustmentField, string>> = {};
  if (!f.unitCode) out.unitCode = 'assessment.annual.unitRequired';
  if (f.points === null || !Number.isFinite(f.points) || f.points === 0 || Math.abs(f.points) > 20) out.points = 'assessment.annual.pointsRequired';
  if (f.reason.trim().length < 4 || f.reason.trim().length > 500) out.reason = 'assessment.annual.reasonRequired';
  return out;
}

/** The server's problems on the form's fields; the others (year, the body itself) come back under `form`. */
export function serverProblems(problems: readonly FieldProblem[]): Partial<Record<AdjustmentField | 'form', Bilingual>> {
  const out: Partial<Record<AdjustmentField | 'form', Bilingual>> = {};
  for (const p of problems) {
    const field = p.field.replace(/^body\.?/, '');
    const key = (fields as readonly string[]).includes(field) ? (field as AdjustmentField) : 'form';
    out[key] ??= p.message;
  }
  return out;
}

/** +2 / −1.5: the points with their sign, as the lists show them. */
export function signedPoints(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : '0';
}
