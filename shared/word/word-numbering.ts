/**
 * Word's automatic list numbers, computed the way Word shows them: the
 * definitions in numbering.xml (abstractNum → lvl: start, numFmt, lvlText,
 * lvlRestart, isLgl; num → abstractNum with lvlOverride/startOverride) and
 * counters that continue across paragraphs. Counters belong to the abstract
 * definition, so two lists (numIds) sharing one continue each other unless a
 * startOverride restarts them, as in Word.
 */

import { thaiNumber } from '../thai/thai-digits.js';
import { child, childVal, elements, isOn, type XmlElement } from './xml-tree.js';

export interface ListLevel {
  start: number;
  format: string;
  text: string;
  /** 1-based level whose appearance restarts this one; 0 never. */
  restartAfter: number;
  legal: boolean;
  /** Style whose paragraphs take this level (headings numbered through styles). */
  style?: string;
}

interface ListInstance {
  abstractId: string;
  /** Levels replaced whole by a lvlOverride/lvl. */
  levels: Map<number, ListLevel>;
  startOverrides: Map<number, number>;
}

export interface ListNumbering {
  abstracts: Map<string, Map<number, ListLevel>>;
  instances: Map<string, ListInstance>;
}

export const NO_NUMBERING: ListNumbering = { abstracts: new Map(), instances: new Map() };

function readLevel(lvl: XmlElement): ListLevel {
  const ilvl = Number(lvl.attrs['w:ilvl'] ?? 0);
  const restart = childVal(lvl, 'w:lvlRestart');
  const style = childVal(lvl, 'w:pStyle');
  return {
    start: Number(childVal(lvl, 'w:start') ?? 1),
    format: childVal(lvl, 'w:numFmt') ?? 'decimal',
    text: childVal(lvl, 'w:lvlText') ?? '',
    restartAfter: restart === undefined ? ilvl : Number(restart),
    legal: isOn(lvl, 'w:isLgl') ?? false,
    ...(style ? { style } : {}),
  };
}

function readLevels(parent: XmlElement): Map<number, ListLevel> {
  const levels = new Map<number, ListLevel>();
  for (const lvl of elements(parent, 'w:lvl')) {
    levels.set(Number(lvl.attrs['w:ilvl'] ?? 0), readLevel(lvl));
  }
  return levels;
}

export function readNumbering(root: XmlElement | undefined): ListNumbering {
  if (!root) return NO_NUMBERING;
  const abstracts = new Map<string, Map<number, ListLevel>>();
  for (const abstract of elements(root, 'w:abstractNum')) {
    abstracts.set(abstract.attrs['w:abstractNumId'] ?? '', readLevels(abstract));
  }
  const instances = new Map<string, ListInstance>();
  for (const num of elements(root, 'w:num')) {
    const levels = new Map<number, ListLevel>();
    const startOverrides = new Map<number, number>();
    for (const override of elements(num, 'w:lvlOverride')) {
      const ilvl = Number(override.attrs['w:ilvl'] ?? 0);
      const start = childVal(override, 'w:startOverride');
      if (start !== undefined) startOverrides.set(ilvl, Number(start));
      const lvl = child(override, 'w:lvl');
      if (lvl) levels.set(ilvl, readLevel(lvl));
    }
    instances.set(num.attrs['w:numId'] ?? '', {
      abstractId: childVal(num, 'w:abstractNumId') ?? '',
      levels,
      startOverrides,
    });
  }
  return { abstracts, instances };
}

/** Word's Thai letter sequence: the consonants without the obsolete ฃ and ฅ. */
const THAI_LETTERS = 'กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ';

function letters(n: number, alphabet: string): string {
  const size = alphabet.length;
  // Word repeats the letter past the alphabet's end: a … z, aa … zz.
  const letter = alphabet[(n - 1) % size] ?? '';
  return letter.repeat(Math.floor((n - 1) / size) + 1);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = n;
  let out = '';
  for (const [value, digits] of table) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/** One counter in the format a level names. */
export function formatListNumber(n: number, format: string): string {
  switch (format) {
    case 'thaiNumbers':
      return thaiNumber(n);
    case 'thaiLetters':
      return letters(n, THAI_LETTERS);
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'none':
      return '';
    default:
      // decimal and the formats we do not spell out (ordinal, cardinalText …)
      return String(n);
  }
}

export type ListLabel =
  | { kind: 'number'; text: string; level: number }
  | { kind: 'bullet'; level: number };

/** Counts list paragraphs in document order and gives each its label. */
export class ListCounter {
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly started = new Set<string>();

  constructor(private readonly numbering: ListNumbering) {}

  /** The level a style numbers its paragraphs at, from the lvl that names the style. */
  levelOfStyle(numId: string, style: string): number | undefined {
    const instance = this.numbering.instances.get(numId);
    const abstract = instance && this.numbering.abstracts.get(instance.abstractId);
    for (const [ilvl, level] of abstract ?? []) if (level.style === style) return ilvl;
    return undefined;
  }

  private level(instance: ListInstance, ilvl: number): ListLevel | undefined {
    return (
      instance.levels.get(ilvl) ?? this.numbering.abstracts.get(instance.abstractId)?.get(ilvl)
    );
  }

  /** The label of the next paragraph of list `numId` at level `ilvl`, or undefined for none. */
  next(numId: string, ilvl: number): ListLabel | undefined {
    // numId 0 is Word's "numbering removed here".
    if (numId === '0') return undefined;
    const instance = this.numbering.instances.get(numId);
    if (!instance) return undefined;
    const level = this.level(instance, ilvl);
    if (!level) return undefined;
    const key = instance.abstractId;
    const counters = this.counters.get(key) ?? [];
    this.counters.set(key, counters);
    if (!this.started.has(numId)) {
      this.started.add(numId);
      // A startOverride restarts its level where this list is first used.
      for (const [overridden, start] of instance.startOverrides) counters[overridden] = start - 1;
    }
    counters[ilvl] = (counters[ilvl] ?? level.start - 1) + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper += 1) {
      const restartAfter = this.level(instance, deeper)?.restartAfter ?? deeper;
      if (restartAfter !== 0 && ilvl < restartAfter) counters[deeper] = undefined;
    }
    if (level.format === 'bullet') return { kind: 'bullet', level: ilvl };
    const text = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const at = Number(digit) - 1;
      const shown = this.level(instance, at);
      const value = counters[at] ?? shown?.start ?? 1;
      const format = level.legal ? 'decimal' : (shown?.format ?? 'decimal');
      return formatListNumber(value, format);
    });
    if (text.trim() === '') return undefined;
    return { kind: 'number', text, level: ilvl };
  }
}
