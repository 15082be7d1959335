import type { RecordedEvent } from '../../event-store/index.js';
import {
  businessCaseKnownAt,
  BusinessCaseEventType,
  valueUnit,
  type Benefit,
  type BenefitMeasuredData,
  type PreparedBusinessCase,
  type RecordedFact,
} from '../domain/index.js';

/** A measurement with when the service learnt it and from whom. */
export interface MeasurementView {
  readonly measurementId: string;
  readonly period: string;
  readonly value: number;
  readonly measuredOn: string;
  readonly note: string | null;
  readonly corrects: string | null;
  readonly reason: string | null;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export interface BenefitView extends Omit<Benefit, 'measurements'> {
  readonly valueUnit: string;
  /** Every measurement in the order recorded, corrections included. */
  readonly measurements: readonly MeasurementView[];
}

export interface BusinessCaseView extends Omit<PreparedBusinessCase, 'status' | 'benefits'> {
  readonly benefits: readonly BenefitView[];
  /** The stream version the view is at: the ETag when read now. */
  readonly version: number;
  readonly knownAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const toFact = (e: RecordedEvent): RecordedFact => ({ type: e.type, data: e.data, recordedAt: e.recordedAt.toISOString() });

/** The business case from its stream, as known now or at `knownAt`; null when there was none. */
export function foldBusinessCaseView(events: readonly RecordedEvent[], knownAt?: string): BusinessCaseView | null {
  const known = knownAt === undefined ? events : events.filter((e) => e.recordedAt.getTime() <= Date.parse(knownAt));
  const state = businessCaseKnownAt(known.map(toFact), knownAt ?? new Date(8.64e15).toISOString());
  if (!state || known.length === 0) return null;
  const recorded = new Map<string, RecordedEvent>();
  for (const e of known) if (e.type === BusinessCaseEventType.BenefitMeasured) recorded.set((e.data as BenefitMeasuredData).measurementId, e);
  const { status: _status, benefits, ...bc } = state;
  return {
    ...bc,
    benefits: benefits.map((b) => ({
      ...b,
      valueUnit: valueUnit(b.kind, b.unit),
      measurements: b.measurements.map((m) => {
        const e = recorded.get(m.measurementId)!;
        return { ...m, recordedAt: e.recordedAt.toISOString(), recordedBy: e.metadata.actor.subject };
      }),
    })),
    version: known[known.length - 1].streamPosition,
    knownAt: knownAt ?? null,
    createdAt: known[0].recordedAt.toISOString(),
    updatedAt: known[known.length - 1].recordedAt.toISOString(),
  };
}
