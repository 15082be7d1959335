/**
 * Old events are never rewritten: an upcaster lifts one event type from schema version n to n + 1 on read.
 * Register them per type; reads apply them in sequence up to the newest registered version.
 */
export type Upcaster = (data: any, metadata: Record<string, unknown>) => unknown;

export class UpcasterRegistry {
  private readonly byType = new Map<string, Map<number, Upcaster>>();

  register(type: string, fromVersion: number, upcaster: Upcaster): this {
    let chain = this.byType.get(type);
    if (!chain) this.byType.set(type, (chain = new Map()));
    if (chain.has(fromVersion)) throw new Error(`an upcaster for ${type} v${fromVersion} is already registered`);
    chain.set(fromVersion, upcaster);
    return this;
  }

  /** The version an event of this type is written with today. */
  currentVersion(type: string): number {
    const chain = this.byType.get(type);
    if (!chain || chain.size === 0) return 1;
    return Math.max(...chain.keys()) + 1;
  }

  upcast(type: string, version: number, data: unknown, metadata: Record<string, unknown>): { version: number; data: unknown } {
    const chain = this.byType.get(type);
    if (!chain) return { version, data };
    let v = version;
    let d = data;
    for (let step = chain.get(v); step; step = chain.get(v)) {
      d = step(d, metadata);
      v += 1;
    }
    return { version: v, data: d };
  }
}
