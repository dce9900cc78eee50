/**
 * The few globals the run-time core uses beyond ECMAScript: web standards
 * that Node 20, browsers and web workers all have. The core is type-checked
 * without Node's or the DOM's types (tsconfig.core.json), so using anything
 * else from either is a type error.
 */
declare const performance: { now(): number };
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
