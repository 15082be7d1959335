/** `?a=x,y` and `?a=x&a=y` both mean "x or y": one list either way, blanks dropped. */
export const commaList = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

/** Query values arrive as strings: a whole number becomes a number, anything else is left for `@IsInt` to refuse. */
export const toInteger = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
