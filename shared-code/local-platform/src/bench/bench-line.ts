/** A figure measured against a reference measured in the same run (DESIGN.md section 7). */
export interface BenchFigure {
  readonly id: string;
  readonly value: number;
  readonly unit: string;
  readonly reference?: { readonly id: string; readonly value: number };
}

const number = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(3));

/** `BENCH <id> value=<n> unit=<u> [ref=<id> ref_value=<n> ratio=<value/ref_value>]`, one greppable line. */
export const benchLine = ({ id, value, unit, reference }: BenchFigure): string =>
  [
    `BENCH ${id} value=${number(value)} unit=${unit}`,
    ...(reference === undefined
      ? []
      : [
          `ref=${reference.id} ref_value=${number(reference.value)} ratio=${number(value / reference.value)}`,
        ]),
  ].join(' ');
